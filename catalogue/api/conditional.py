"""ETags from the record's version, conditional GET (304) and the If-Match
precondition on every change (428 without it or with `*`, 412 when stale).

A record's tag is "v<version>"; another representation of the same version
(BibTeX, JSON-LD...) adds its format, "v<version>.bibtex", since a strong
tag names one exact body. If-Match accepts the tag of any representation
of the current version. Citations have no version: their tag is a digest of
their stored fields, which changes whenever they do.

This module only reads the header: the comparison with the stored version
is made by the write service under a row lock (services.records.check_version).
"""

import re

from rest_framework import status
from rest_framework.exceptions import APIException

from catalogue.services.records import Version, version_of

TAG_RE = re.compile(r'\s*(W/)?"([\x21\x23-\x7e]*)"\s*(?:,|$)')
MAX_HEADER_LENGTH = 2_000


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = (
        "Send If-Match with the ETag of the version you are changing "
        "(GET the resource to learn it), so no one else's change is overwritten. "
        "If-Match: * is not enough: it would match whatever version is stored."
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
    version = version_of(record)
    return f"v{version}" if isinstance(version, int) else version


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


def expected_version(request, record) -> Version:
    """The version If-Match names: 428 without the header or with `*` (which
    would match any stored version), 412 when it names no version at all.

    When it lists several tags, the one naming the version `record` was read
    at is taken; the write service then compares it under the row lock.
    """
    header = request.headers.get("If-Match")
    tags = parse_tags(header)
    if not header or tags == [(False, "*")]:
        raise PreconditionRequired()
    # Any representation's tag names its version: "v12.bibtex" -> "v12".
    tokens = [opaque.split(".", 1)[0] for weak, opaque in tags if not weak]
    versions = [_version(token) for token in tokens]
    versions = [v for v in versions if v is not None]
    if not versions:
        raise PreconditionFailed()
    current = version_of(record)
    return current if current in versions else versions[0]


def _version(token):
    """A record's tag v12 gives 12, a link row's digest tag itself; else None."""
    if token.startswith("h") and len(token) > 1:
        return token
    number = token[1:]
    if token.startswith("v") and number.isascii() and number.isdigit() and len(number) < 19:
        return int(token[1:])
    return None
