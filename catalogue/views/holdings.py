"""Repository and collection pages: who holds what, the tree one level at a
time (paged by keyset, links down and up, no JavaScript), and a unit's
ISAD(G) description grouped by area. A draft is a 404 for everyone but staff."""

from django.shortcuts import get_object_or_404, render

from catalogue.models import Collection, Repository
from catalogue.selectors import holdings
from catalogue.selectors.listing import BadListing

from .common import bad_request, record_context, url_with

# ISAD(G)'s areas as the collection page shows them: (heading, [(label, field)]).
# The identity statement (reference code, title, dates, level, extent) is the
# page's head; the fields here are the long texts, each shown when filled.
AREAS = (
    (
        "Context",
        (
            ("Archival history", "archival_history"),
            ("Immediate source of acquisition or transfer", "acquisition"),
        ),
    ),
    (
        "Content and structure",
        (
            ("Scope and content", "scope_and_content"),
            ("Appraisal, destruction and scheduling", "appraisal"),
            ("Accruals", "accruals"),
            ("System of arrangement", "arrangement"),
        ),
    ),
    (
        "Conditions of access and use",
        (
            ("Conditions governing access", "access_conditions"),
            ("Conditions governing reproduction", "reproduction_conditions"),
            ("Physical characteristics and technical requirements", "physical_characteristics"),
            ("Finding aids", "finding_aids"),
        ),
    ),
    (
        "Allied materials",
        (
            ("Existence and location of originals", "originals_location"),
            ("Existence and location of copies", "copies_location"),
            ("Related units of description", "related_units"),
            ("Publication note", "publication_note"),
        ),
    ),
    ("Notes", (("Note", "note"),)),
    (
        "Description control",
        (("Archivist's note", "archivist_note"), ("Rules or conventions", "rules_conventions")),
    ),
)


def _areas(collection):
    """[(heading, [(label, text)])] of the areas that have something to show."""
    shown = []
    for heading, fields in AREAS:
        filled = [(label, getattr(collection, field)) for label, field in fields]
        filled = [(label, text) for label, text in filled if text]
        if filled:
            shown.append((heading, filled))
    return shown


def _pager(params, listing):
    """Links to the next, previous and first pages of one paged list on the page."""
    after, before = f"{listing.name}_after", f"{listing.name}_before"
    given = bool(params.get(after) or params.get(before))
    listing.next_url = (
        url_with(params, **{after: listing.next_cursor, before: None})
        if listing.next_cursor
        else None
    )
    listing.previous_url = (
        url_with(params, **{before: listing.previous_cursor, after: None})
        if listing.previous_cursor
        else None
    )
    listing.first_url = (
        url_with(params, **{after: None, before: None})
        if given and listing.previous_cursor
        else None
    )
    return listing


def repository_detail(request, slug):
    repository = get_object_or_404(Repository.objects.detail_for(request.user), slug=slug)
    try:
        units = holdings.top_units(repository, request.user, request.GET)
    except BadListing as error:
        return bad_request(request, str(error))
    context = record_context(request, repository)
    context["units"] = _pager(request.GET, units)
    return render(request, "catalogue/repository_detail.html", context)


def collection_detail(request, slug):
    collection = get_object_or_404(Collection.objects.detail_for(request.user), slug=slug)
    try:
        units = holdings.child_units(collection, request.user, request.GET)
        documents = holdings.unit_documents(collection, request.user, request.GET)
    except BadListing as error:
        return bad_request(request, str(error))
    context = record_context(request, collection)
    context.update(
        breadcrumb=holdings.ancestors(collection, request.user),
        areas=_areas(collection),
        units=_pager(request.GET, units),
        documents=_pager(request.GET, documents),
    )
    return render(request, "catalogue/collection_detail.html", context)
