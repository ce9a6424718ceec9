"""Keyset (cursor) pagination over whatever order the FilterSet left.

The order comes from the queryset itself: the record type's default, the
FilterSet's `ordering`, or search relevance for `q`. The primary key is
added as the final tie-break, so every row has one place; the cursor holds
the sort values of the row before the page, and the next page is "rows
after these values" (an index range scan, no OFFSET). NULLs sort last going
forward on both databases. The count is exact up to COUNT_CAP rows and
flagged as capped beyond.
"""

import base64
import binascii
import datetime
import json

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import F, OrderBy, Q
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from catalogue.search import COUNT_CAP

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_CURSOR_LENGTH = 2_000


class Term:
    """One sort key: a field path or annotation, its direction."""

    def __init__(self, name, descending, field=None):
        self.name, self.descending, self.field = name, descending, field

    def order(self, reverse=False):
        descending = self.descending != reverse
        # Ascending puts NULLs last and descending first, so reversing the
        # direction walks exactly the same sequence backwards.
        return (
            F(self.name).desc(nulls_first=True) if descending else F(self.name).asc(nulls_last=True)
        )

    def after(self, value, reverse=False):
        """Rows strictly after `value` in this key's order."""
        if self.descending != reverse:
            return (
                Q(**{f"{self.name}__isnull": False})
                if value is None
                else Q(**{f"{self.name}__lt": value})
            )
        if value is None:
            return Q(pk__in=[])
        return Q(**{f"{self.name}__gt": value}) | Q(**{f"{self.name}__isnull": True})

    def equal(self, value):
        if value is None:
            return Q(**{f"{self.name}__isnull": True})
        return Q(**{self.name: value})

    def dump(self, record):
        value = record
        for part in self.name.split("__"):
            value = getattr(value, "pk" if part == "pk" else part, None)
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        return value

    def load(self, value):
        if value is None:
            return None
        if self.field is None:  # an annotation: search rank positions are integers
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValidationError("bad key")
            return value
        return self.field.to_python(value)


def _field(model, path):
    field = None
    for part in path.split("__"):
        field = model._meta.pk if part == "pk" else model._meta.get_field(part)
        model = field.related_model or model
    return field


def order_terms(queryset):
    """The queryset's order as Terms (annotating expressions), ending with the pk."""
    model = queryset.model
    order = list(queryset.query.order_by) or list(model._meta.ordering)
    terms, annotations = [], {}
    for i, item in enumerate(order):
        descending = False
        if isinstance(item, OrderBy):
            item, descending = item.expression, item.descending
        if isinstance(item, str):
            descending, name = item.startswith("-"), item.lstrip("-")
            field = None if name in queryset.query.annotations else _field(model, name)
            terms.append(Term(name, descending, field))
        elif isinstance(item, F):
            terms.append(Term(item.name, descending, _field(model, item.name)))
        else:
            name = f"_key{i}"
            annotations[name] = item
            terms.append(Term(name, descending))
    if not any(t.name in {"pk", model._meta.pk.name} for t in terms):
        terms.append(Term("pk", False, model._meta.pk))
    if annotations:
        queryset = queryset.annotate(**annotations)
    return queryset, terms


def encode_cursor(values, reverse):
    raw = json.dumps({"k": values, "r": reverse}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token, terms):
    """(values, reverse) from a cursor, or a 400 naming the cursor parameter."""
    try:
        if len(token) > MAX_CURSOR_LENGTH:
            raise ValueError
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw)
        values, reverse = data["k"], data["r"]
        if not isinstance(values, list) or len(values) != len(terms):
            raise ValueError
        if not isinstance(reverse, bool):
            raise ValueError
        return [t.load(v) for t, v in zip(terms, values, strict=True)], reverse
    except (ValueError, TypeError, KeyError, ValidationError, binascii.Error, FieldDoesNotExist):
        raise BadRequest(
            {"cursor": ["This cursor is not valid here; follow the next and previous links."]}
        ) from None


def keyset_after(terms, values, reverse):
    condition = Q(pk__in=[])
    for term, value in reversed(list(zip(terms, values, strict=True))):
        condition = term.after(value, reverse) | (term.equal(value) & condition)
    return condition


class KeysetPagination(BasePagination):
    cursor_query_param = "cursor"
    limit_query_param = "limit"
    count_cap = COUNT_CAP

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if raw is None or raw == "":
            return DEFAULT_LIMIT
        if not raw.isdigit() or len(raw) > 6 or not 1 <= int(raw) <= MAX_LIMIT:
            raise BadRequest({"limit": [f"A whole number from 1 to {MAX_LIMIT}."]})
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        limit = self.get_limit(request)
        queryset, terms = order_terms(queryset)
        token = request.query_params.get(self.cursor_query_param)
        values, reverse = decode_cursor(token, terms) if token else (None, False)
        # Counted before the keyset condition: the number of rows in the whole
        # result, read no further than the cap.
        counted = queryset.order_by()[: self.count_cap + 1].count()
        self.count, self.count_capped = min(counted, self.count_cap), counted > self.count_cap
        page_query = queryset.order_by(*(t.order(reverse) for t in terms))
        if values is not None:
            page_query = page_query.filter(keyset_after(terms, values, reverse))
        rows = list(page_query[: limit + 1])
        more = len(rows) > limit
        rows = rows[:limit]
        if reverse:
            rows.reverse()
        self.next = self.previous = None
        if rows:
            first = [t.dump(rows[0]) for t in terms]
            last = [t.dump(rows[-1]) for t in terms]
            # Going back, the page we came from is always next.
            if more or reverse:
                self.next = encode_cursor(last, False)
            if (token is not None and not reverse) or (reverse and more):
                self.previous = encode_cursor(first, True)
        return rows

    def _link(self, cursor):
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_next_link(self):
        return self._link(self.next)

    def get_previous_link(self):
        return self._link(self.previous)

    def first_link(self):
        return remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.count,
                "count_capped": self.count_capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "count_capped", "next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": COUNT_CAP,
                    "description": (
                        f"Matching records, counted exactly up to {COUNT_CAP:,}; "
                        "when count_capped is true there are more."
                    ),
                },
                "count_capped": {
                    "type": "boolean",
                    "description": f"True when more than {COUNT_CAP:,} records match.",
                },
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "in": "query",
                "required": False,
                "description": "Opaque position from a next or previous link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.limit_query_param,
                "in": "query",
                "required": False,
                "description": f"Records per page, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
            },
        ]
