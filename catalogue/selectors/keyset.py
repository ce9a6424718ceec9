"""Keyset pagination: a page starts after the last row of the one before.

The cursor carries that row's sort values, so a deep page costs what the
first one does (a range read on the sort keys, no OFFSET that reads and drops
every earlier row). Nullable keys sort last in either direction, as the
pages show undated records after dated ones.
"""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass

from django.db.models import F, Q

MAX_CURSOR_LENGTH = 2_000


class BadCursor(ValueError):
    """The `after` parameter is not a cursor this page made."""


@dataclass(frozen=True)
class Key:
    field: str
    descending: bool = False
    nullable: bool = False
    is_date: bool = False

    def order(self, reverse=False):
        """This key's order (nulls last), or its exact reverse (nulls first)."""
        expression = F(self.field)
        nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
        if self.descending != reverse:
            return expression.desc(**nulls)
        return expression.asc(**nulls)


def order_by(queryset, keys, reverse=False):
    return queryset.order_by(*[key.order(reverse) for key in keys])


def _after(key, value):
    """Rows strictly after `value` on this key alone (nulls last)."""
    if value is None:
        return Q(pk__in=[])  # nothing sorts after a null
    lookup = "lt" if key.descending else "gt"
    condition = Q(**{f"{key.field}__{lookup}": value})
    if key.nullable:
        condition |= Q(**{f"{key.field}__isnull": True})
    return condition


def _before(key, value):
    """Rows strictly before `value` on this key alone (nulls last)."""
    if value is None:
        return Q(**{f"{key.field}__isnull": False})  # every value sorts before a null
    lookup = "gt" if key.descending else "lt"
    return Q(**{f"{key.field}__{lookup}": value})


def _equal(key, value):
    if value is None:
        return Q(**{f"{key.field}__isnull": True})
    return Q(**{key.field: value})


def after(queryset, keys, values, side=_after):
    """`queryset` from the row after the one whose sort values are `values`
    (with side=_before: up to the row before it)."""
    condition, prefix = Q(pk__in=[]), Q()
    for key, value in zip(keys, values, strict=True):
        condition |= prefix & side(key, value)
        prefix &= _equal(key, value)
    return queryset.filter(condition)


def _value_of(record, key):
    value = record
    for part in key.field.split("__"):
        value = getattr(value, part) if value is not None else None
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def encode(record, keys):
    payload = json.dumps([_value_of(record, key) for key in keys], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode(cursor, keys):
    """The sort values in `cursor`, checked against `keys`; raises BadCursor."""
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise BadCursor("too long")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw.decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadCursor("not a cursor") from None
    if not isinstance(values, list) or len(values) != len(keys):
        raise BadCursor("wrong shape")
    checked = []
    for key, value in zip(keys, values, strict=True):
        if value is None and (key.nullable or False):
            checked.append(None)
        elif key.is_date and isinstance(value, str):
            try:
                parse = datetime.datetime if "T" in value else datetime.date
                checked.append(parse.fromisoformat(value))
            except ValueError:
                raise BadCursor("bad date") from None
        elif (
            key.field == "pk"
            and isinstance(value, int)
            and not isinstance(value, bool)
            or not key.is_date
            and key.field != "pk"
            and isinstance(value, str)
            and "\0" not in value
        ):
            checked.append(value)
        else:
            raise BadCursor("bad value")
    return checked


def page(queryset, keys, cursor, size, backwards=False):
    """(rows, next_cursor, previous_cursor) of the page after `cursor` (None:
    the first page), or with `backwards` the page that ends before it. A
    cursor is None where there is no such page."""
    if not backwards:
        queryset = order_by(queryset, keys)
        if cursor:
            queryset = after(queryset, keys, decode(cursor, keys))
        rows = list(queryset[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        following = encode(rows[-1], keys) if more and rows else None
        # Arriving by a cursor means the row it names came before this page.
        previous = encode(rows[0], keys) if cursor and rows else None
        return rows, following, previous
    # Read the rows before the cursor in reverse order, then turn them round.
    values = decode(cursor, keys)
    rows = list(after(order_by(queryset, keys, reverse=True), keys, values, _before)[: size + 1])
    more = len(rows) > size
    rows = rows[:size][::-1]
    previous = encode(rows[0], keys) if more and rows else None
    return rows, (encode(rows[-1], keys) if rows else None), previous
