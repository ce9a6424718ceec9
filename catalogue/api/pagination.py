"""The API's lists page through the one listing pipeline (catalogue/selectors/listing.py).

This paginator only hands it the request's parameters and turns the result
into DRF's response: `count` (exact up to COUNT_CAP, `count_capped` beyond),
`next` and `previous` links carrying a `cursor`. The order, the page size
(`limit`, 25 by default), where undated records go (last, in both
directions) and how ties break are the pipeline's, the same as the pages'.
"""

from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from catalogue.search import COUNT_CAP
from catalogue.selectors.listing import (
    BROKEN_CURSOR,
    CURSOR_NAMES,
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    BadListing,
    Listing,
    record_list,
)


class KeysetPagination(BasePagination):
    cursor_query_param = "cursor"
    limit_query_param = "limit"

    listing: Listing

    def paginate_queryset(self, queryset, request, view=None):
        """The page's records; `queryset` is the view's visible records, unfiltered."""
        self.request = request
        try:
            self.listing = record_list(
                queryset.model, user=request.user, params=request.query_params, queryset=queryset
            )
        except BadListing as error:
            if set(error.errors) <= set(CURSOR_NAMES):
                # A cursor no page has: like DRF's own cursor paging, a 404,
                # since any text fits the schema's opaque string.
                raise NotFound(BROKEN_CURSOR) from None
            raise BadRequest(error.errors) from None
        return self.listing.records

    def _link(self, cursor):
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()
        # The pages' names for a cursor are accepted too; the link carries only `cursor`.
        for name in ("after", "before"):
            url = remove_query_param(url, name)
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_next_link(self):
        return self._link(self.listing.next_cursor)

    def get_previous_link(self):
        return self._link(self.listing.previous_cursor)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.listing.count,
                "count_capped": self.listing.count_capped,
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
                "description": (
                    f"Records per page, 1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE})."
                ),
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
