"""Keyset pagination, for the browse pages and the API alike.

A page starts after the last row of the one before: the cursor carries that
row's sort values, so a deep page costs what the first one does (a range read
on the sort keys, no OFFSET that reads and drops every earlier row).

One rule for nulls: a nullable key (an undated record's date) sorts LAST in
either direction, so `date` and `-date` both end with the undated records.
Going backwards reads the exact reverse order (nulls first) and turns the
rows round. Every sort ends with the primary key, so each row has one place.

A cursor is base64 of {"k": [values], "r": backwards}: it says which row it
names and which way to read from it, so one parameter (`cursor`) is enough;
the pages' `after` and `before` are kept as names for the same thing. Cursors
made before this format (a bare list of values) still read, with their
direction taken from the parameter that carried them.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django.db import connection
from django.db.models import F, Model, OrderBy, Q, QuerySet

MAX_CURSOR_LENGTH = 2_000

KeyType = Literal["text", "int", "date", "datetime"]
Value = str | int | datetime.date | datetime.datetime | None


class BadCursor(ValueError):
    """The cursor is not one a page of this listing made."""


@dataclass(frozen=True)
class Key:
    """One sort key: a field path, its direction, whether it may be null, its type."""

    field: str
    descending: bool = False
    nullable: bool = False
    type: KeyType = "text"

    def order(self, reverse: bool = False, *, nulls_placed: bool = True) -> OrderBy:
        """This key's order (nulls last), or its exact reverse (nulls first);
        without `nulls_placed`, for rows where it is all values or all nulls."""
        expression = F(self.field)
        # Only a nullable key says where its nulls go: on any other key the
        # clause only stops SQLite and PostgreSQL reading the order from the
        # index (SQLite sorts every tie of the keys before it, PostgreSQL all).
        nulls = {}
        if self.nullable and nulls_placed:
            nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
        if self.descending != reverse:
            return expression.desc(**nulls)
        return expression.asc(**nulls)

    def after(self, value: Value) -> Q:
        """Rows strictly after `value` on this key alone (nulls last)."""
        if value is None:
            return Q(pk__in=[])  # nothing sorts after a null
        lookup = "lt" if self.descending else "gt"
        condition = Q(**{f"{self.field}__{lookup}": value})
        if self.nullable:
            condition |= Q(**{f"{self.field}__isnull": True})
        return condition

    def before(self, value: Value) -> Q:
        """Rows strictly before `value` on this key alone (nulls last)."""
        if value is None:
            return Q(**{f"{self.field}__isnull": False})  # every value sorts before a null
        lookup = "gt" if self.descending else "lt"
        return Q(**{f"{self.field}__{lookup}": value})

    def equal(self, value: Value) -> Q:
        if value is None:
            return Q(**{f"{self.field}__isnull": True})
        return Q(**{self.field: value})

    def dump(self, record: Model) -> Any:
        value: Any = record
        for part in self.field.split("__"):
            value = getattr(value, part) if value is not None else None
        if isinstance(value, datetime.date):  # a datetime is a date too
            return value.isoformat()
        return value

    def load(self, value: object) -> Value:
        """The cursor's JSON value checked against this key's type; raises BadCursor."""
        if value is None:
            if self.nullable:
                return None
        elif self.type == "int":
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        elif self.type == "text":
            if isinstance(value, str) and "\0" not in value:
                return value
        elif isinstance(value, str):
            try:
                if self.type == "date":
                    return datetime.date.fromisoformat(value)
                return datetime.datetime.fromisoformat(value)
            except ValueError:
                pass
        raise BadCursor(f"bad value for {self.field}")


@dataclass(frozen=True)
class Position:
    """Where a page starts: the sort values of the row a cursor names, and which way to read."""

    values: list[Value]
    backwards: bool = False


def encode(values: Sequence[Any], *, backwards: bool) -> str:
    payload = json.dumps({"k": list(values), "r": backwards}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode(cursor: str, keys: Sequence[Key], *, backwards: bool = False) -> Position:
    """The position `cursor` names, checked against `keys`; raises BadCursor.

    `backwards` is the direction of a legacy cursor (a bare list), which did
    not carry its own."""
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise BadCursor("too long")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadCursor("not a cursor") from None
    if isinstance(data, dict):
        values, direction = data.get("k"), data.get("r")
        if not isinstance(direction, bool):
            raise BadCursor("no direction")
        backwards = direction
    else:
        values = data
    if not isinstance(values, list) or len(values) != len(keys):
        raise BadCursor("wrong shape")
    return Position([key.load(v) for key, v in zip(keys, values, strict=True)], backwards)


def order_by(
    queryset: QuerySet, keys: Sequence[Key], reverse: bool = False, *, in_segment: bool = False
) -> QuerySet:
    """`queryset` in `keys` order. `in_segment`: the rows are one segment (see
    segments()), where the lead key is all values or all nulls, so the order
    need not say where its nulls go; saying it made PostgreSQL sort."""
    lead, *rest = keys
    return queryset.order_by(
        lead.order(reverse, nulls_placed=not in_segment), *[key.order(reverse) for key in rest]
    )


def beyond(queryset: QuerySet, keys: Sequence[Key], position: Position) -> QuerySet:
    """The rows after the position's row (before it, reading backwards)."""
    condition, prefix = Q(pk__in=[]), Q()
    for key, value in zip(keys, position.values, strict=True):
        side = key.before(value) if position.backwards else key.after(value)
        condition |= prefix & side
        prefix &= key.equal(value)
    return queryset.filter(condition)


@dataclass(frozen=True)
class Window:
    """One page of rows with the cursors of the pages either side (None: no such page)."""

    rows: list[Any]
    next_cursor: str | None
    previous_cursor: str | None


def window(rows: list[Any], more: bool, position: Position | None, dump: Any) -> Window:
    """The page from `rows` read in order (reversed when going backwards), `more`
    saying whether a row lay beyond them; `dump(row)` gives a row's sort values."""
    if position is not None and position.backwards:
        rows = rows[::-1]
        following = encode(dump(rows[-1]), backwards=False) if rows else None
        previous = encode(dump(rows[0]), backwards=True) if more and rows else None
        return Window(rows, following, previous)
    following = encode(dump(rows[-1]), backwards=False) if more and rows else None
    # Arriving by a cursor means the row it names came before this page.
    previous = encode(dump(rows[0]), backwards=True) if position and rows else None
    return Window(rows, following, previous)


def segments(lead: Key, position: Position | None) -> list[Q]:
    """The stretches of the index that the rows beyond `position` lie in, in
    reading order, each bounded so that the database seeks to its start.

    `beyond()` alone is an OR over the keys (`date > x OR date IS NULL OR
    (date = x AND ...)`): correct, but SQLite cannot seek with it and reads
    the index from the first row, so a page's cost grew with its depth. A
    leading bound (`date >= x`) makes it a range read; a nullable leading key
    splits the order in two, its dated rows and its undated ones (last either
    way), read one after the other. Without a position, from their starts."""
    value = position.values[0] if position is not None else None
    backwards = position is not None and position.backwards
    bound = Q()
    if value is not None:
        lookup = "gte" if lead.descending == backwards else "lte"
        bound = Q(**{f"{lead.field}__{lookup}": value})
    if not lead.nullable:
        return [bound]
    valued = Q(**{f"{lead.field}__isnull": False}) & bound
    undated = Q(**{f"{lead.field}__isnull": True})
    if position is None:
        return [valued, undated]
    if value is None:  # in the undated rows: reading back leads into the dated ones
        return [undated, valued] if backwards else [undated]
    return [valued] if backwards else [valued, undated]


def _read_in_segments(lead: Key) -> bool:
    """Whether a first page in this order is read as its two segments, values
    then nulls. PostgreSQL reads an ascending index backwards with its nulls
    first, so in a descending order that keeps them last it sorted every row
    instead (every document of a kind, newest first: 62 ms at 100,000); SQLite
    reads either order off the index in one query."""
    return lead.nullable and lead.descending and connection.vendor == "postgresql"


def page(queryset: QuerySet, keys: Sequence[Key], position: Position | None, size: int) -> Window:
    """The page of `size` rows of `queryset` in `keys` order from `position`
    (None: the first page), with one row more to see if more follow: one
    query, or two when the page runs from the dated rows into the undated."""
    backwards = position is not None and position.backwards
    if position is None and not _read_in_segments(keys[0]):
        rows = list(order_by(queryset, keys)[: size + 1])
    else:
        ordered = order_by(queryset, keys, reverse=backwards, in_segment=True)
        if position is not None:
            ordered = beyond(ordered, keys, position)
        rows = []
        for segment in segments(keys[0], position):
            rows += ordered.filter(segment)[: size + 1 - len(rows)]
            if len(rows) > size:
                break
    return window(rows[:size], len(rows) > size, position, lambda r: [k.dump(r) for k in keys])
