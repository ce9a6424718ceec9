"""The one table of record types: everything that lists, routes, indexes or
counts "every kind of record" reads it, so a new type is declared here once.

Each row names its model, its URL prefix (pages and API alike), its API
basename, its FilterSet, its sorts, whether it is dated, whether search
indexes it and whether it is an authority (whose other names widen a search).

`page=False` marks a type that is listed by the API only, with no public
browse or detail page, no sitemap and no count on the home page: citations
are links between records, read from the records' own pages.

Models, FilterSets, viewsets and views are named by dotted path or model
name and imported when first asked for: the models and the FilterSets read
this table, so importing them here would make a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import Model
from django.utils.module_loading import import_string

from catalogue.selectors.keyset import Key, KeyType

if TYPE_CHECKING:
    from django_filters import FilterSet


@dataclass(frozen=True)
class Sort:
    """A sort a reader can choose, both ways: `name` ascending and `-name` descending.

    Ties break by the type's title (or sort name), then by the primary key, in
    the sort's own direction; a nullable field's nulls come last either way."""

    name: str
    field: str
    ascending_label: str
    descending_label: str
    type: KeyType = "text"
    nullable: bool = False


DATE = Sort(
    "date", "date_earliest", "Date, earliest first", "Date, latest first", "date", nullable=True
)
TITLE = Sort("title", "title", "Title, A to Z", "Title, Z to A")
NAME = Sort("name", "sort_name", "Name, A to Z", "Name, Z to A")
# A collection's full reference code ("JP-1000001/F12/S3") sorts the tree
# depth-first, each unit after its parent: the order of a finding aid.
REFERENCE = Sort(
    "reference", "full_reference_code", "Reference code, A to Z", "Reference code, Z to A"
)
MODIFIED = Sort(
    "modified", "modified", "Last changed, oldest first", "Last changed, newest first", "datetime"
)


@dataclass(frozen=True)
class RecordType:
    """One kind of record and every place it appears (see the module docstring)."""

    name: str  # the model name: search index type, API basename, URL names
    url_prefix: str  # /documents/ and /api/documents/
    filterset_path: str
    viewset_path: str
    sorts: tuple[Sort, ...] = ()
    default_sort: str = ""
    tiebreak: str = ""  # the title or sort-name field that orders ties, before the pk
    dated: bool = False
    page: bool = True
    searchable: bool = True
    authority: bool = False
    # The public pages: the detail view, named like the URL (document-detail).
    detail_view_path: str = ""

    @property
    def model(self) -> type[Model]:
        return apps.get_model("catalogue", self.name)

    @property
    def basename(self) -> str:
        return self.name

    @property
    def filterset(self) -> type[FilterSet]:
        return _imported(self.filterset_path)

    @property
    def viewset(self) -> Any:
        return _imported(self.viewset_path)

    @property
    def detail_view(self) -> Any:
        return _imported(self.detail_view_path)

    @property
    def label(self) -> str:
        """'Documents', 'People': how pages name a list of these records."""
        return str(self.model._meta.verbose_name_plural).capitalize()

    def sort_choices(self) -> list[tuple[str, str]]:
        """[(value, label)] of every sort, each way: the API's ordering choices and the page's."""
        choices = []
        for sort in self.sorts:
            choices += [(sort.name, sort.ascending_label), (f"-{sort.name}", sort.descending_label)]
        return choices

    def sort_keys(self, value: str) -> tuple[Key, ...]:
        """The keys of sort `value` ("date", "-date"): the field, the tie-break, the pk."""
        descending = value.startswith("-")
        sort = next(s for s in self.sorts if s.name == value.lstrip("-"))
        keys = [Key(sort.field, descending, sort.nullable, sort.type)]
        if self.tiebreak and self.tiebreak != sort.field:
            keys.append(Key(self.tiebreak, descending))
        keys.append(Key("pk", descending, type="int"))
        return tuple(keys)

    @property
    def default_keys(self) -> tuple[Key, ...]:
        return self.sort_keys(self.default_sort) if self.default_sort else (Key("pk", type="int"),)


@cache
def _imported(path: str) -> Any:
    return import_string(path)


def _views(name: str) -> str:
    return f"catalogue.views.{name}"


def _authority(name: str, prefix: str, viewset: str) -> RecordType:
    """People, organisations and places: names, sorted by sort name, widening searches."""
    return RecordType(
        name=name,
        url_prefix=prefix,
        filterset_path=f"catalogue.filters.{viewset.removesuffix('ViewSet')}FilterSet",
        viewset_path=f"catalogue.api.views.authorities.{viewset}",
        sorts=(NAME, MODIFIED),
        default_sort="name",
        tiebreak="sort_name",
        authority=True,
        detail_view_path=_views(f"{name}_detail"),
    )


RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType(
        name="document",
        url_prefix="documents",
        filterset_path="catalogue.filters.DocumentFilterSet",
        viewset_path="catalogue.api.views.documents.DocumentViewSet",
        sorts=(DATE, TITLE, MODIFIED),
        default_sort="date",
        tiebreak="title",
        dated=True,
        detail_view_path=_views("document_detail"),
    ),
    RecordType(
        name="article",
        url_prefix="articles",
        filterset_path="catalogue.filters.ArticleFilterSet",
        viewset_path="catalogue.api.views.articles.ArticleViewSet",
        sorts=(DATE, TITLE, MODIFIED),
        default_sort="title",
        tiebreak="title",
        dated=True,
        detail_view_path=_views("article_detail"),
    ),
    _authority("person", "people", "PersonViewSet"),
    _authority("organisation", "organisations", "OrganisationViewSet"),
    _authority("place", "places", "PlaceViewSet"),
    # Holdings (models/holdings.py). A repository is a name like an authority,
    # but its names do not widen searches or link ingested texts (authority=False).
    RecordType(
        name="repository",
        url_prefix="repositories",
        filterset_path="catalogue.filters.RepositoryFilterSet",
        viewset_path="catalogue.api.views.holdings.RepositoryViewSet",
        sorts=(NAME, MODIFIED),
        default_sort="name",
        tiebreak="sort_name",
        detail_view_path=_views("repository_detail"),
    ),
    RecordType(
        name="collection",
        url_prefix="collections",
        filterset_path="catalogue.filters.CollectionFilterSet",
        viewset_path="catalogue.api.views.holdings.CollectionViewSet",
        sorts=(REFERENCE, TITLE, DATE, MODIFIED),
        default_sort="reference",
        tiebreak="title",
        dated=True,
        detail_view_path=_views("collection_detail"),
    ),
    # Listed by the API only, in the order they were made (see `page` above).
    RecordType(
        name="citation",
        url_prefix="citations",
        filterset_path="catalogue.filters.CitationFilterSet",
        viewset_path="catalogue.api.views.citations.CitationViewSet",
        page=False,
        searchable=False,
    ),
)

_BY_NAME = {t.name: t for t in RECORD_TYPES}
_BY_PREFIX = {t.url_prefix: t for t in RECORD_TYPES}


def by_name(name: str) -> RecordType:
    """The type with this model name / API basename ("document"); KeyError if none."""
    return _BY_NAME[name]


by_basename = by_name


def by_model(model: type[Model] | Model) -> RecordType:
    return _BY_NAME[str(model._meta.model_name)]


def by_prefix(prefix: str) -> RecordType:
    return _BY_PREFIX[prefix]


def with_pages() -> tuple[RecordType, ...]:
    """The types with public browse and detail pages, in the table's order."""
    return tuple(t for t in RECORD_TYPES if t.page)


def searchable() -> tuple[RecordType, ...]:
    return tuple(t for t in RECORD_TYPES if t.searchable)
