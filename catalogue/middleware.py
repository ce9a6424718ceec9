"""Headers for the public pages: Content-Security-Policy and conditional GET;
and the API's Content-Security-Policy (strict for data, looser for its HTML pages).

The ETag is a hash of the page as rendered, salted with the kind of reader
(staff or not): staff see drafts and a preview banner, so a staff page's ETag
must never answer a 304 to anyone else, even if the bodies happened to match.
`Vary: Cookie` tells shared caches the same; staff pages are also private.
"""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from catalogue.models import sees_drafts

# Only pages whose body is the whole answer get an ETag (not files, not streams).
_CACHEABLE_TYPES = ("text/html", "application/xml", "text/plain", "application/json")


def is_staff_reader(request):
    return sees_drafts(getattr(request, "user", None))


def _exempt(path):
    return path.startswith(tuple(settings.CSP_EXEMPT_PATH_PREFIXES))


def api_policy(response):
    """The API's policy: nothing for data, this site's scripts for its HTML pages."""
    if response.get("Content-Type", "").startswith("text/html"):
        return settings.API_PAGES_CONTENT_SECURITY_POLICY
    return settings.API_CONTENT_SECURITY_POLICY


def _etag(request, response):
    reader = b"staff" if is_staff_reader(request) else b"public"
    digest = hashlib.sha256(reader + b"\0" + response.content).hexdigest()[:32]
    return f'"{reader.decode()}-{digest}"'


class PublicPageHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.API_PATH_PREFIX):
            response.setdefault("Content-Security-Policy", api_policy(response))
        if _exempt(request.path):
            return response
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html") and not (
            settings.DEBUG and response.status_code >= 500
        ):
            # Django's debug error page has inline styles; everything else obeys.
            response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or response.streaming
            or not content_type.startswith(_CACHEABLE_TYPES)
        ):
            return response
        patch_vary_headers(response, ["Cookie"])
        if is_staff_reader(request):
            patch_cache_control(response, private=True, no_cache=True)
        else:
            # Stored by the browser, checked with the server on every use.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        response.headers.setdefault("ETag", _etag(request, response))
        return get_conditional_response(request, etag=response.headers["ETag"], response=response)
