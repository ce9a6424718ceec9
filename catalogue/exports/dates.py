"""EDTF values as the date parts citation formats want."""

import re

_PART = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _parts(value):
    match = _PART.match(value)
    if not match:
        return None
    return [int(p) for p in match.groups() if p is not None]


def date_parts(edtf):
    """'1956-10-19' -> [[1956, 10, 19]]; '1945-08/1956-10' -> [[1945, 8], [1956, 10]].

    Returns (parts, approximate) or (None, False) when there is no usable date.
    """
    if not edtf:
        return None, False
    approximate = any(mark in edtf for mark in "~?%")
    cleaned = re.sub(r"[~?%]", "", edtf)
    pieces = [_parts(p) for p in cleaned.split("/") if p and p != ".."]
    pieces = [p for p in pieces if p]
    return (pieces or None), approximate
