"""JSON request bodies within limits: size and nesting depth.

DRF's JSONParser reads the whole body however large, and Python's json module
recurses once per level of nesting, so a body of ten thousand `[` took any
token holder to a RecursionError and a 500. This parser reads at most
DATA_UPLOAD_MAX_MEMORY_SIZE bytes (beyond: 413) and refuses nesting deeper
than MAX_JSON_DEPTH (400); no catalogue record needs more than a few levels.
"""

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser
from rest_framework.settings import api_settings
from rest_framework.utils import json

MAX_JSON_DEPTH = 32


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is larger than allowed."
    default_code = "request_too_large"


def json_depth_exceeds(value, limit):
    """Return True if `value` nests lists and objects more than `limit` levels deep.

    Iterative, so it cannot itself hit the recursion limit."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


class LimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise RequestTooLarge(
                f"The request body is larger than {limit:,} bytes, the most a write accepts."
            )
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        strict = api_settings.STRICT_JSON
        try:
            data = json.loads(
                raw.decode(encoding), parse_constant=json.strict_constant if strict else None
            )
        except RecursionError:
            raise ParseError(f"JSON nested more than {MAX_JSON_DEPTH} levels deep.") from None
        except ValueError as exc:  # UnicodeDecodeError is a ValueError too
            raise ParseError(f"JSON parse error - {exc}") from None
        if json_depth_exceeds(data, MAX_JSON_DEPTH):
            raise ParseError(f"JSON nested more than {MAX_JSON_DEPTH} levels deep.")
        return data
