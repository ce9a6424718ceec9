"""The public downloads page, its files, and the same list in the API.

Files are served by WhiteNoise's file responder, not by Python loops: it
sends Content-Length, answers Range requests (206) and If-None-Match (304),
and hands the open file to the server's sendfile. Each file's ETag is its
SHA-256 from the manifest, so a client can check what it got.
"""

import mimetypes

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.responders import StaticFile

from .snapshot import MANIFEST, snapshot_get, snapshots

CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".jsonl": "application/jsonl; charset=utf-8",
    ".json": "application/json",
    ".md": "text/markdown; charset=utf-8",
    ".sqlite": "application/vnd.sqlite3",
}
# A dated snapshot never changes; "latest" moves on when a new one is made.
DATED_CACHE = "public, max-age=31536000, immutable"
LATEST_CACHE = "public, max-age=300"


def _listing(request):
    found = snapshots()
    listed = []
    for position, snapshot in enumerate(found):
        manifest = snapshot.manifest
        address = "latest" if position == 0 else snapshot.name
        files = [
            {
                **entry,
                "url": request.build_absolute_uri(
                    reverse("downloads:file", args=[address, entry["name"]])
                ),
            }
            for entry in manifest["files"]
        ]
        manifest_url = reverse("downloads:file", args=[address, MANIFEST])
        listed.append(
            {
                **manifest,
                "files": files,
                "latest": position == 0,
                "manifest_url": request.build_absolute_uri(manifest_url),
                "dated_url": request.build_absolute_uri(
                    reverse("downloads:file", args=[snapshot.name, MANIFEST])
                ),
            }
        )
    return listed


@require_safe
def downloads_page(request):
    listed = _listing(request)
    return render(
        request,
        "catalogue/downloads.html",
        {"latest": listed[0] if listed else None, "older": listed[1:]},
    )


@require_safe
def download_file(request, name, filename):
    snapshot = snapshot_get(name)
    if snapshot is None:
        raise Http404("No such snapshot.")
    headers = [("Cache-Control", LATEST_CACHE if name == "latest" else DATED_CACHE)]
    if filename != MANIFEST:
        entry = next((f for f in snapshot.manifest["files"] if f["name"] == filename), None)
        if entry is None:
            raise Http404("No such file in this snapshot.")
        headers.append(("ETag", f'"{entry["sha256"]}"'))
        headers.append(
            ("Content-Disposition", f'attachment; filename="{snapshot.name}-{filename}"')
        )
    suffix = "." + filename.rsplit(".", 1)[-1]
    content_type = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(filename)[0]
    headers.append(("Content-Type", content_type or "application/octet-stream"))
    static_file = StaticFile(str(snapshot.path / filename), headers)
    return WhiteNoiseMiddleware.serve(static_file, request)


@extend_schema(
    summary="Bulk downloads",
    description="Every snapshot of the published catalogue, newest first: its date, catalogue "
    "version, licence, record counts, and each file's address, size and SHA-256.",
    responses={200: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def downloads_api(request):
    return Response({"snapshots": _listing(request)})
