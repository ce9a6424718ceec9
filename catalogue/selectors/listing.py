"""The one listing pipeline: the browse pages and the API's lists both call `record_list`.

    listing = record_list(Document, user=request.user, params=request.GET)

From plain data (the query parameters and the user, no request) it validates
through the record type's FilterSet, searches (best match first, paged by a
keyset on the rank position), sorts by one of the type's declared sorts
(catalogue/record_types.py), pages by keyset (catalogue/selectors/keyset.py),
counts up to COUNT_CAP and, for pages, counts the facets (cached by filter
state, selectors/facet_cache.py). Building URLs from
the cursors is the caller's job.

Parameters: `per_page` or `limit` (records a page, default 25, 1 to 100);
`cursor`, `after` or `before` (the position a next or previous link carries);
`ordering`; `q`; and the type's filters. The pages document the first names,
the API `limit` and `cursor`; each accepts the other's, so old links work.

Queries, whatever the page size: the capped count and the page (plus the
listing's own prefetches), or for a search the capped count of matches, the
page's window of them (their keys in rank order, read with LIMIT and OFFSET:
never every match of a common word) and the page; beside other filters, the
bounded list of matches (catalogue.search.MATCHING_PKS_LIMIT) instead of the
window, and the rows the filters leave of it. Then one grouped query per facet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model, QuerySet
from django.http import QueryDict

from catalogue.record_types import RecordType, by_model
from catalogue.search import COUNT_CAP, UNRANKED_NOTICE, matches, rank_limit

from .facet_cache import cached_facets
from .facets import Facet, listing_facets
from .keyset import BadCursor, Key, Position, Window, decode, page, window

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
PAGE_SIZE_NAMES = ("per_page", "limit")
CURSOR_NAMES = ("cursor", "after", "before")
# The order of a search without an `ordering`: best match first.
RELEVANCE = "relevance"
RELEVANCE_LABEL = "Best match first"
# A search pages through its ranked matches by (position in the ranking, pk).
RANK_KEYS = (Key("rank", type="int"), Key("pk", type="int"))
BROKEN_CURSOR = "This page link is broken: start again from the first page."

User = AbstractBaseUser | AnonymousUser | None


class BadListing(ValueError):
    """Parameters the listing cannot use: {parameter: [messages]}, nothing read."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        super().__init__(" ".join(f"{n}: {m}" for n, messages in errors.items() for m in messages))


@dataclass
class Listing:
    """One page of records, where it sits, and what produced it."""

    record_type: RecordType
    records: list[Model]
    count: int  # exact up to COUNT_CAP
    count_capped: bool  # more than COUNT_CAP match
    sort: str  # a sort of the type ("-date"), RELEVANCE, or "" (the pk, for citations)
    sorts: list[tuple[str, str, bool]]  # (value, label, chosen) a reader may pick
    next_cursor: str | None
    previous_cursor: str | None
    cursor_given: bool  # the page was reached by a cursor, not the first one
    filterset: Any
    facets: list[Facet] = field(default_factory=list)
    # Set when a search matched too many records to rank: they come most
    # recently changed first, and the page says so.
    notice: str = ""

    @property
    def count_display(self) -> str:
        return count_display(self.count, self.count_capped)


def capped_count(queryset: QuerySet) -> tuple[int, bool]:
    """(rows up to COUNT_CAP, whether there are more): counting stops at the cap."""
    counted = queryset.order_by()[: COUNT_CAP + 1].count()
    return min(counted, COUNT_CAP), counted > COUNT_CAP


def count_display(count: int, capped: bool) -> str:
    return f"{COUNT_CAP:,}+" if capped else f"{count:,}"


def _first(params: QueryDict, names: tuple[str, ...]) -> tuple[str, str]:
    """(name, value) of the first of `names` given a value, else (names[0], "")."""
    for name in names:
        value = params.get(name, "")
        if value:
            return name, value
    return names[0], ""


def page_size(params: QueryDict) -> int:
    name, raw = _first(params, PAGE_SIZE_NAMES)
    if not raw:
        return DEFAULT_PAGE_SIZE
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 6) or not (
        1 <= int(raw) <= MAX_PAGE_SIZE
    ):
        raise BadListing({name: [f"A whole number from 1 to {MAX_PAGE_SIZE}."]})
    return int(raw)


def record_list(
    model: type[Model],
    *,
    user: User,
    params: QueryDict,
    queryset: QuerySet | None = None,
    facets: bool = False,
) -> Listing:
    """The page of `model` records that `params` ask for, as `user` may see them.

    `queryset` is where to start (default `model.objects.listing_for(user)`:
    it must already be limited to what `user` may see). `facets` counts the
    browse page's facets. Raises BadListing for parameters it cannot use."""
    record_type = by_model(model)
    size = page_size(params)
    if queryset is None:
        queryset = model._default_manager.listing_for(user)  # type: ignore[attr-defined]
    # FilterSets read the user from a request, as DRF gives them one.
    filterset = record_type.filterset(params, queryset=queryset, request=SimpleNamespace(user=user))
    if not filterset.is_valid():
        raise BadListing({name: list(errors) for name, errors in filterset.errors.items()})
    data = filterset.form.cleaned_data
    words = (data.get("q") or "").strip()
    sort = data.get("ordering") or (RELEVANCE if words else record_type.default_sort)
    filtered = filterset.qs

    keys = RANK_KEYS if sort == RELEVANCE else _keys(record_type, sort)
    cursor_name, token = _first(params, CURSOR_NAMES)
    try:
        position = decode(token, keys, backwards=cursor_name == "before") if token else None
    except BadCursor:
        raise BadListing({cursor_name: [BROKEN_CURSOR]}) from None

    # Filters beside the words: the matches must be intersected with what they
    # leave. Without any, every match is a listed record already (both sides
    # ask the type's visible_to), and a common word's thousands of ids are not
    # sent back to the database.
    narrowed = any(
        value not in (None, "", []) for name, value in data.items() if name not in ("q", "ordering")
    )
    if words:
        found = matches(words, model=model, user=user)
        if narrowed or sort != RELEVANCE:
            # The bounded list of matches (MATCHING_PKS_LIMIT), intersected in the database.
            listed = found.pks()
            filtered = filtered.filter(pk__in=listed)
    if sort == RELEVANCE and narrowed:
        kept = set(filtered.order_by().values_list("pk", flat=True))
        ranked = [pk for pk in listed if pk in kept]
        count, capped = len(ranked), len(ranked) >= COUNT_CAP
        result = _ranked_page(filtered, lambda at, n: ranked[at : at + n], position, size)
    elif sort == RELEVANCE:
        # Every match is a listed record already (both sides ask the type's
        # visible_to): only the page's window of matches is read.
        count, capped = found.count, found.capped
        result = _ranked_page(filtered, lambda at, n: found.pks(offset=at, limit=n), position, size)
    else:
        count, capped = capped_count(filtered)
        result = page(filtered, keys, position, size)

    choices = ([(RELEVANCE, RELEVANCE_LABEL)] if words else []) + record_type.sort_choices()
    unranked = sort == RELEVANCE and not found.ranked
    return Listing(
        record_type=record_type,
        records=result.rows,
        count=count,
        count_capped=capped,
        sort=sort,
        sorts=[(value, label, value == sort) for value, label in choices],
        next_cursor=result.next_cursor,
        previous_cursor=result.previous_cursor,
        cursor_given=position is not None,
        filterset=filterset,
        notice=UNRANKED_NOTICE.format(limit=rank_limit()) if unranked else "",
        facets=cached_facets(
            model,
            user,
            params,
            deep=position is not None,
            compute=lambda: listing_facets(filterset, filtered, user, params),
        )
        if facets
        else [],
    )


def _keys(record_type: RecordType, sort: str) -> tuple[Key, ...]:
    return record_type.sort_keys(sort) if sort else record_type.default_keys


def _ranked_page(
    filtered: QuerySet,
    read: Callable[[int, int], list[int]],
    position: Position | None,
    size: int,
) -> Window:
    """The page of ranked pks from `position`, with its records in that order;
    `read(at, n)` gives at most `n` ranked pks from rank position `at` on.

    The cursor names a row by (rank position, pk). When the ranking has moved
    since (a record edited or unpublished) and that row is no longer at its
    position, the position itself is the boundary: the page starts there."""
    if position is None:
        rows = list(enumerate(read(0, size + 1)))
    else:
        # RANK_KEYS are both int keys: decode() let nothing else through.
        rank, pk = cast(tuple[int, int], tuple(position.values))
        at = max(rank, 0)
        if position.backwards:
            start = max(at - size - 1, 0)
            rows = list(enumerate(read(start, at - start), start))[::-1]  # nearest first
        else:
            following = list(enumerate(read(at, size + 2), at))
            rows = following[1:] if following and following[0][1] == pk else following
    result = window(rows[:size], len(rows) > size, position, lambda row: list(row))
    # Unordered: with the model's ordering SQLite walks the sort index past every
    # row to find these few instead of looking them up by key.
    keys = [pk for _, pk in result.rows]
    by_pk = filtered.order_by().in_bulk(keys) if keys else {}
    records = [by_pk[pk] for _, pk in result.rows if pk in by_pk]
    return Window(records, result.next_cursor, result.previous_cursor)
