"""IIIF addresses: a scan's info.json and tiles, a document's manifest.

Only these answers carry `Access-Control-Allow-Origin: *` (viewers on other
sites load them); nothing else on the site does. Tiles never change once made
for a master, so they are cached for a year and carry an ETag derived from the
master's checksum and the address. A scan of a draft document is a 404 for
anyone who may not see drafts, exactly like an address that was never made.
"""

import hashlib

from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from catalogue.models import Document, DocumentImage

from .image import info_json
from .manifest import manifest, tiled_images
from .tiles import pyramid_of, tile_name

JSON_LD = "application/ld+json"
TILE_CACHE = {"public": True, "max_age": 31536000, "immutable": True}
# info.json and manifests follow edits and new uploads: cached briefly.
DESCRIPTION_CACHE = {"public": True, "max_age": 300}


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _not_found(message):
    return _cors(JsonResponse({"error": message}, status=404))


def _visible_scan(request, image_id):
    """The scan if its document is one `request.user` may see, else None (one query)."""
    documents = Document.objects.visible_to(request.user).values("pk")
    return (
        DocumentImage.objects.filter(pk=image_id, document__in=documents)
        .only("pk", "sha256")
        .first()
    )


def _profiled_json(data, profile):
    response = JsonResponse(data, content_type=f'{JSON_LD};profile="{profile}"')
    patch_cache_control(response, **DESCRIPTION_CACHE)
    return _cors(response)


@require_safe
def image_base(request, image_id):
    """The service's base URI redirects readers to its info.json, as the spec asks."""
    return _cors(redirect("iiif:info", image_id=image_id, permanent=False))


@require_safe
def image_info(request, image_id):
    scan = _visible_scan(request, image_id)
    pyramid = pyramid_of(image_id) if scan else None
    if pyramid is None:
        return _not_found("No published scan has this number, or its tiles are not made yet.")
    return _profiled_json(
        info_json(request, image_id, pyramid), "http://iiif.io/api/image/3/context.json"
    )


@require_safe
def image_file(request, image_id, region, size):
    """A tile or size the scan's pyramid holds; anything else is a 404 (level 0)."""
    scan = _visible_scan(request, image_id)
    name = tile_name(image_id, f"{region}/{size}")
    if scan is None or not default_storage.exists(name):
        return _not_found(
            "This scan offers only the tiles and sizes its info.json lists (IIIF level 0)."
        )
    digest = hashlib.sha256(f"{scan.sha256}/{name}".encode()).hexdigest()[:32]
    etag = f'"{digest}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = FileResponse(default_storage.open(name), content_type="image/jpeg")
    response["ETag"] = etag
    patch_cache_control(response, **TILE_CACHE)
    return _cors(response)


@require_safe
def document_manifest(request, identifier):
    document = Document.objects.detail_for(request.user).filter(identifier=identifier).first()
    tiled = tiled_images(document) if document else []
    if not tiled:
        return _not_found("No published document with scans has this identifier.")
    return _profiled_json(
        manifest(request, document, tiled), "http://iiif.io/api/presentation/3/context.json"
    )
