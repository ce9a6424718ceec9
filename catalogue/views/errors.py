"""Error answers for the whole site: JSON under /api/, pages elsewhere.

Django's own handlers answer HTML, so before these an oversized body sent to
the API got an HTML 400 and a database outage an HTML 500. A database that
cannot be reached (down, restarting, or SQLite locked past its busy timeout)
is a 503 with Retry-After, not a 500: nothing is wrong with the request, and
the next one after the database is back succeeds without a restart, because
Django opens a new connection for it.

The pages here are rendered without a request context on purpose: the
context processors read the session, and the database may be the thing that
is down.
"""

import logging
import sys

from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
API_PREFIX = "/api/"


def database_unavailable(exc):
    """True if `exc` means a database could not be reached, rather than a bug in a query."""
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    if "database is locked" in str(exc):
        return True
    # A failed connect leaves no connection behind; a server that went away
    # mid-request leaves one that is no longer usable. A bad query (say, a
    # missing column) leaves a working connection: that stays a 500.
    return any(conn.connection is None or not conn.is_usable() for conn in connections.all())


def _api(request):
    return request.path.startswith(API_PREFIX)


def service_unavailable(request):
    detail = "The catalogue's database cannot be reached just now; try again shortly."
    if _api(request):
        response = JsonResponse({"detail": detail}, status=503)
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request(request, exception=None):
    if not _api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return JsonResponse({"detail": "The request body is larger than allowed."}, status=413)
    return JsonResponse({"detail": "The request could not be understood."}, status=400)


def not_found(request, exception=None):
    if not _api(request):
        return defaults.page_not_found(request, exception)
    return JsonResponse({"detail": "Not found."}, status=404)


def server_error(request):
    # Django calls this from inside its `except` block: the exception is at hand.
    exc = sys.exc_info()[1]
    if exc is not None and database_unavailable(exc):
        logger.warning("Database unavailable, answered 503: %s", exc)
        return service_unavailable(request)
    if _api(request):
        return JsonResponse({"detail": "A server error occurred; it has been logged."}, status=500)
    return defaults.server_error(request)
