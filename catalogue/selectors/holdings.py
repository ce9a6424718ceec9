"""What the repository, collection and document pages show of the holdings
tree: the breadcrumb above a unit, and its units and documents one level
down, each a keyset-paged list (no OFFSET, no JavaScript).

Everything is read through `visible_to(user)`: a reader who may not see
drafts gets no draft unit in a breadcrumb, a list or a "Held at" block. The
publication rule (models/holdings.py) keeps the chain above a published unit
published, so for them a breadcrumb is only ever cut at a draft document's
collection, which is then left out whole.
"""

from dataclasses import dataclass

from django.http import QueryDict

from catalogue.models import Collection, Document
from catalogue.models.holdings import TREE_PATH_DIGITS

from .keyset import BadCursor, Key, decode, page
from .listing import DEFAULT_PAGE_SIZE, BadListing, page_size

# The order of units among their siblings, and of documents in their unit.
UNIT_KEYS = (Key("position", type="int"), Key("pk", type="int"))
DOCUMENT_KEYS = (Key("collection_position", type="int"), Key("pk", type="int"))
BROKEN = "This page link is broken: start again from the first page."


@dataclass
class PagedList:
    """One page of a unit's children or documents, with the cursors either side."""

    name: str  # the prefix of its parameters: units_after, documents_before
    rows: list
    next_cursor: str | None
    previous_cursor: str | None
    size: int = DEFAULT_PAGE_SIZE
    # The page's links, made by the view from the cursors (views/holdings.py).
    next_url: str | None = None
    previous_url: str | None = None
    first_url: str | None = None


def ancestors(collection, user):
    """The units above `collection`, from the top down, that `user` may see."""
    steps = TREE_PATH_DIGITS + 1
    path = collection.tree_path
    pks = [int(path[i : i + TREE_PATH_DIGITS]) for i in range(0, len(path) - steps, steps)]
    if not pks:
        return []
    return list(Collection.objects.visible_to(user).filter(pk__in=pks).order_by("tree_path"))


def held_at(document, user):
    """(repository, [units from the top down to the document's own]) or None:
    where `document` is held, as far as `user` may see (its link to a draft
    unit is emptied by visible_to, and then it is held nowhere for them)."""
    collection = document.collection
    if collection is None:
        return None
    return collection.shown_repository, [*ancestors(collection, user), collection]


def paged(name, queryset, keys, params: QueryDict) -> PagedList:
    """The page of `queryset` that `params`' `<name>_after` / `<name>_before` name."""
    size = page_size(params)
    position = None
    for direction in ("after", "before"):
        token = params.get(f"{name}_{direction}", "")
        if token:
            try:
                position = decode(token, keys, backwards=direction == "before")
            except BadCursor:
                raise BadListing({f"{name}_{direction}": [BROKEN]}) from None
            break
    window = page(queryset, keys, position, size)
    return PagedList(name, window.rows, window.next_cursor, window.previous_cursor, size)


def top_units(repository, user, params):
    """The repository's units at the top of their trees (fonds, mostly), by position."""
    units = Collection.objects.visible_to(user).filter(repository=repository, parent=None)
    return paged("units", units, UNIT_KEYS, params)


def child_units(collection, user, params):
    units = Collection.objects.visible_to(user).filter(parent=collection)
    return paged("units", units, UNIT_KEYS, params)


def unit_documents(collection, user, params):
    """The documents filed directly in `collection`, by their position there."""
    documents = Document.objects.listing_for(user).filter(collection=collection)
    return paged("documents", documents, DOCUMENT_KEYS, params)
