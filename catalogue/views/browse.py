"""Browse pages: one per record type with pages (catalogue/record_types.py),
all through the listing pipeline; this side turns its cursors into links."""

from dataclasses import dataclass

from django.shortcuts import render

from catalogue.record_types import by_name
from catalogue.selectors.facets import FACET_FILTERS, Facet
from catalogue.selectors.listing import BadListing, Listing, record_list

from .common import bad_request, url_with

# The filters a reader can remove one by one, in the order the page shows them.
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
    "repository": "Repository",
    "collection": "Collection",
    "parent": "Part of",
    "within": "Within",
    "level": "Level",
    "mentions": "Mentions",
    "about": "About",
    "status": "Status",
}


@dataclass
class BrowsePage:
    """What browse.html shows: the listing's records and choices, with their links."""

    records: list
    count_display: str
    sort: str
    sorts: list
    filterset: object
    facets: list[Facet]
    notice: str  # a search too common to rank says so
    chosen: list[tuple[str, str]]  # (facet filter, value) kept by the form, facets shown or not
    active: list[tuple[str, str, str]]  # (filter label, value label, link that removes it)
    next_url: str | None
    previous_url: str | None
    first_url: str | None


def _links(listing: Listing, params) -> BrowsePage:
    for facet in listing.facets:
        for value in facet.values:
            value.url = url_with(params, **{facet.name: value.value})
    labels = {(facet.name, v.value): v.label for facet in listing.facets for v in facet.values}
    active = []
    for name, label in FILTER_LABELS.items():
        for raw in params.getlist(name):
            if raw and name in listing.filterset.filters:
                remaining = params.copy()
                remaining.setlist(name, [v for v in params.getlist(name) if v != raw])
                active.append((label, labels.get((name, raw), raw), url_with(remaining)))
    following, previous = listing.next_cursor, listing.previous_cursor
    return BrowsePage(
        records=listing.records,
        count_display=listing.count_display,
        sort=listing.sort,
        notice=listing.notice,
        sorts=listing.sorts,
        filterset=listing.filterset,
        facets=listing.facets,
        chosen=[
            (name, raw)
            for name in FACET_FILTERS
            if name in listing.filterset.filters
            for raw in params.getlist(name)
            if raw
        ],
        active=active,
        next_url=url_with(params, after=following) if following else None,
        previous_url=url_with(params, before=previous) if previous else None,
        first_url=url_with(params) if listing.cursor_given and previous else None,
    )


def record_list_page(request, record_type):
    """The browse page of `record_type` (a name in the table: "document")."""
    kind = by_name(record_type)
    try:
        listing = record_list(kind.model, user=request.user, params=request.GET, facets=True)
    except BadListing as error:
        return bad_request(request, str(error))
    return render(
        request,
        "catalogue/browse.html",
        {
            "page": _links(listing, request.GET),
            "title": kind.label,
            "record_type": kind.name,
            "dated": kind.dated,
        },
    )
