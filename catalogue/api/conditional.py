"""ETags from the record's version, conditional GET (304) and the If-Match
precondition on every change (428 without it, 412 when stale).

A record's tag is "v<version>"; another representation of the same version
(BibTeX, JSON-LD...) adds its format, "v<version>.bibtex", since a strong
tag names one exact body. If-Match accepts the tag of any representation
of the current version. Citations have no version: their tag is a digest of
their stored fields, which changes whenever they do.
"""

import hashlib
import re

from rest_framework import status
from rest_framework.exceptions import APIException

TAG_RE = re.compile(r'\s*(W/)?"([\x21\x23-\x7e]*)"\s*(?:,|$)')
MAX_HEADER_LENGTH = 2_000


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = (
        "Send If-Match with the ETag of the version you are changing "
        "(GET the resource to learn it), so no one else's change is overwritten."
    )
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = (
        "This record has changed since the version named in If-Match; "
        "GET it again and reapply your change. Nothing was saved."
    )
    default_code = "precondition_failed"


def version_token(record):
    """The part of the tag that changes whenever the stored record does."""
    version = getattr(record, "version", None)
    if version is not None:
        return f"v{version}"
    values = [(f.attname, str(getattr(record, f.attname))) for f in record._meta.concrete_fields]
    return "h" + hashlib.sha256(repr(values).encode()).hexdigest()[:20]


def etag(record, renderer=None):
    token = version_token(record)
    fmt = getattr(renderer, "format", "json")
    return f'"{token}"' if fmt == "json" else f'"{token}.{fmt}"'


def parse_tags(header):
    """[(weak, opaque)] from an If-Match / If-None-Match header; '*' as [(False, '*')];
    an unreadable header reads as no tags at all (it matches nothing)."""
    header = (header or "").strip()
    if header == "*":
        return [(False, "*")]
    if len(header) > MAX_HEADER_LENGTH:
        return []
    tags, position = [], 0
    while position < len(header):
        match = TAG_RE.match(header, position)
        if not match:
            return []
        tags.append((bool(match.group(1)), match.group(2)))
        position = match.end()
    return tags


def not_modified(request, record, renderer):
    """True when If-None-Match names this representation (weak comparison, RFC 9110)."""
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    current = etag(record, renderer).strip('"')
    return any(opaque in {"*", current} for _weak, opaque in parse_tags(header))


def require_if_match(request, record):
    """Raise 428 without If-Match, 412 unless it names the stored version (strong comparison)."""
    header = request.headers.get("If-Match")
    if not header:
        raise PreconditionRequired()
    token = version_token(record)
    for weak, opaque in parse_tags(header):
        if opaque == "*" or (not weak and opaque.split(".", 1)[0] == token):
            return token
    raise PreconditionFailed()
