"""The browse pages: filter with the shared FilterSet, sort, page by keyset, count facets.

A fixed number of queries whatever the page size: the capped count, the page
(plus the listing's own prefetches) and one grouped query per facet.
"""

from dataclasses import dataclass, field

from django.http import QueryDict

from catalogue.filters import FILTERSETS
from catalogue.models import Article, Document
from catalogue.search import COUNT_CAP, matching_pks

from . import facets as f
from .keyset import BadCursor, Key, page

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
# Relevance order (a search) pages through the bounded list of matches.
RELEVANCE = "relevance"
BROKEN_CURSOR = "This page link is broken: start again from the first page."

_DATED_SORTS = {
    "date": [Key("date_earliest", nullable=True, is_date=True), Key("title"), Key("pk")],
    "-date": [
        Key("date_earliest", descending=True, nullable=True, is_date=True),
        Key("title"),
        Key("pk"),
    ],
    "title": [Key("title"), Key("pk")],
    "-title": [Key("title", descending=True), Key("pk", descending=True)],
    "modified": [Key("modified", is_date=True), Key("pk")],
    "-modified": [Key("modified", descending=True, is_date=True), Key("pk", descending=True)],
}
_AUTHORITY_SORTS = {
    "name": [Key("sort_name"), Key("pk")],
    "-name": [Key("sort_name", descending=True), Key("pk", descending=True)],
    "modified": [Key("modified", is_date=True), Key("pk")],
    "-modified": [Key("modified", descending=True, is_date=True), Key("pk", descending=True)],
}
SORT_LABELS = {
    "date": "Date, earliest first",
    "-date": "Date, latest first",
    "title": "Title, A to Z",
    "-title": "Title, Z to A",
    "name": "Name, A to Z",
    "-name": "Name, Z to A",
    "modified": "Last changed, oldest first",
    "-modified": "Last changed, newest first",
}


FILTER_LABELS = {
    "q": "Words",
    "kind": "Kind",
    "decade": "Decade",
    "year": "Year",
    "date_from": "From",
    "date_to": "To",
    "person": "Person",
    "organisation": "Organisation",
    "place": "Place",
    "mentions": "Mentions",
    "about": "About",
    "status": "Status",
}


class BadPageRequest(ValueError):
    """A parameter the page cannot use: answered with 400 and the reason."""


@dataclass
class BrowsePage:
    records: list
    count: int
    count_capped: bool
    sort: str
    sorts: list
    next_url: str | None
    previous_url: str | None
    first_url: str | None
    filterset: object
    facets: list = field(default_factory=list)
    active: list = field(default_factory=list)

    @property
    def count_display(self):
        return f"{COUNT_CAP:,}+" if self.count_capped else f"{self.count:,}"


def sorts_for(model):
    return _DATED_SORTS if model in (Document, Article) else _AUTHORITY_SORTS


def default_sort(model):
    return "date" if model is Document else "title" if model is Article else "name"


def url_with(params, **changes):
    """'?…' for `params` with `changes` applied (None removes); the cursor always goes."""
    query = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    query._mutable = True
    for name in ("after", "before", *changes):
        query.pop(name, None)
    for name, value in changes.items():
        if value is not None:
            query[name] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def page_size(params):
    raw = params.get("per_page", "")
    if not raw:
        return DEFAULT_PAGE_SIZE
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise BadPageRequest(f"per_page must be a whole number from 1 to {MAX_PAGE_SIZE}.")
    return int(raw)


def browse(model, request):
    """The page of `model` records that `request`'s filters, sort and cursor ask for."""
    params = request.GET
    size = page_size(params)
    filterset_class = FILTERSETS[model]
    queryset = model.objects.listing_for(request.user)
    filterset = filterset_class(params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise BadPageRequest(
            " ".join(str(e) for errors in filterset.errors.values() for e in errors)
        )
    sorts = sorts_for(model)
    query_text = (filterset.form.cleaned_data.get("q") or "").strip()
    ordering = filterset.form.cleaned_data.get("ordering") or []
    sort = ordering[0] if ordering else (RELEVANCE if query_text else default_sort(model))
    if sort not in sorts and sort != RELEVANCE:
        sort = default_sort(model)

    # Everything but the search words filters through the FilterSet; the
    # words go to the search entry point once, to keep its ranked order.
    unsearched = params.copy()
    unsearched.pop("q", None)
    filtered = filterset_class(unsearched, queryset=queryset, request=request).qs
    if query_text:
        matches = matching_pks(query_text, model=model, user=request.user)
        filtered = filtered.filter(pk__in=matches)
    before = params.get("before", "")
    cursor = before or params.get("after", "")
    if sort == RELEVANCE:
        if before:
            raise BadPageRequest(BROKEN_CURSOR)
        records, count, next_cursor, previous_cursor = _relevance_page(
            filtered, matches, cursor, size
        )
        capped = count >= COUNT_CAP
        previous_url = url_with(params, after=previous_cursor) if previous_cursor else None
    else:
        count = filtered.order_by()[: COUNT_CAP + 1].count()
        capped = count > COUNT_CAP
        try:
            records, next_cursor, previous_cursor = page(
                filtered, sorts[sort], cursor or None, size, backwards=bool(before)
            )
        except BadCursor:
            raise BadPageRequest(BROKEN_CURSOR) from None
        previous_url = url_with(params, before=previous_cursor) if previous_cursor else None

    sort_choices = ([RELEVANCE] if query_text else []) + list(sorts)
    result = BrowsePage(
        records=records,
        count=count,
        count_capped=capped,
        sort=sort,
        sorts=[
            (name, SORT_LABELS.get(name, "Best match first"), name == sort) for name in sort_choices
        ],
        next_url=url_with(params, after=next_cursor) if next_cursor else None,
        previous_url=previous_url,
        first_url=url_with(params) if cursor and previous_url else None,
        filterset=filterset,
    )
    result.facets, result.active = _facets(model, filtered, request, filterset)
    return result


def _relevance_page(filtered, matches, cursor, size):
    if cursor and not (cursor.startswith("r") and cursor[1:].isascii() and cursor[1:].isdigit()):
        raise BadPageRequest(BROKEN_CURSOR)
    start = min(int(cursor[1:]) if cursor else 0, COUNT_CAP)
    kept = set(filtered.order_by().values_list("pk", flat=True))
    ordered = [pk for pk in matches if pk in kept]
    window = ordered[start : start + size]
    by_pk = filtered.model.objects.none() if not window else filtered.in_bulk(window)
    records = [by_pk[pk] for pk in window if pk in by_pk]
    more = start + size < len(ordered)
    previous = f"r{max(start - size, 0)}" if start else None
    return records, len(ordered), (f"r{start + size}" if more else None), previous


def _facets(model, filtered, request, filterset):
    """Facets for `model` over the filtered records, and the filters now applied."""
    params, user = request.GET, request.user
    # The filters match through subqueries (no joins, no DISTINCT), so the
    # facets can group the filtered queryset itself.
    base = filtered.order_by().prefetch_related(None)
    data = filterset.form.cleaned_data
    facets, active = [], []

    def values(name, rows):
        chosen = params.getlist(name)
        return [
            f.FacetValue(
                value=str(value),
                label=label,
                count=n,
                selected=str(value) in chosen,
                url=url_with(params, **{name: value}),
            )
            for value, label, n in rows
        ]

    choices = f.kind_choices(model)
    if choices:
        facets.append(
            f.Facet("kind", "Kind", values("kind", f.choice_counts(base, "kind", choices)))
        )
    if model in (Document, Article):
        spans = f.year_spans(base)
        decade = data.get("decade")
        rows = [(d, f"{d}s", n) for d, n in f.decade_counts(spans)]
        facets.append(f.Facet("decade", "Decade", values("decade", rows)))
        if decade is not None:
            decade = int(decade) // 10 * 10
            rows = [(y, str(y), n) for y, n in f.year_counts(spans, decade)]
            facets.append(f.Facet("year", f"Year in the {decade}s", values("year", rows)))
    if model is Document:
        for name, label in (("person", "Person"), ("organisation", "Organisation")):
            rows = [(i, n, c) for i, n, c in f.document_agent_counts(base, user, name)]
            facets.append(f.Facet(name, label, values(name, rows)))
        rows = [(i, n, c) for i, n, c in f.document_place_counts(base, user)]
        facets.append(f.Facet("place", "Place", values("place", rows)))

    labels = {(facet.name, v.value): v.label for facet in facets for v in facet.values}
    for name, label in FILTER_LABELS.items():
        for raw in params.getlist(name):
            if raw and name in filterset.filters:
                remaining = params.copy()
                remaining.setlist(name, [v for v in params.getlist(name) if v != raw])
                active.append((label, labels.get((name, raw), raw), url_with(remaining)))
    return facets, active
