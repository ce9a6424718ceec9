"""One FilterSet per record type, shared by the browse pages and the API.

Each takes the request so that the status filter widens only for staff; the
queryset they filter already went through `visible_to(user)`. `q` and
`ordering` are validated (and documented in the OpenAPI schema) here but
applied by the listing pipeline (catalogue/selectors/listing.py), which pages
search results by rank and every sort by keyset.
"""

import calendar
import datetime
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, Subquery
from drf_spectacular.utils import extend_schema_field

from . import record_types
from .models import (
    Article,
    Citation,
    Collection,
    Document,
    DocumentAgent,
    Level,
    Mention,
    Organisation,
    Person,
    Place,
    Repository,
    Status,
    sees_drafts,
)

MAX_QUERY_LENGTH = 500
# YYYY, YYYY-MM or YYYY-MM-DD, each a day the calendar has (years 0001 to 9999,
# 29 February in leap years only), or empty for no bound. The OpenAPI schema
# states this very pattern, so a value fits it exactly when the API takes it.
_YEAR = r"(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH_DAY = (
    r"(?:(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|1[0-9]|2[0-8]))?"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
)
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
PARTIAL_DATE_PATTERN = rf"^(?:{_YEAR}(?:-{_MONTH_DAY})?|{_LEAP_YEAR}-02-29)?$"
_PARTIAL_DATE_RE = re.compile(PARTIAL_DATE_PATTERN)
_DATE_SHAPE_RE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def parse_date_bound(value, *, upper):
    """'1956' / '1956-10' / '1956-10-19' -> the first (or last) day it covers."""
    if not _DATE_SHAPE_RE.fullmatch(value):
        raise ValidationError("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.", code="invalid")
    if not _PARTIAL_DATE_RE.fullmatch(value):
        raise ValidationError("%(value)s is not a real date.", params={"value": value})
    year, month, day = (int(part) for part in (value.split("-") + [0, 0])[:3])
    if not month:
        return datetime.date(year, 12, 31) if upper else datetime.date(year, 1, 1)
    if not day:
        day = calendar.monthrange(year, month)[1] if upper else 1
    return datetime.date(year, month, day)


class PartialDateField(forms.CharField):
    def __init__(self, *args, upper=False, **kwargs):
        self.upper = upper
        # Taken as sent: " 1956" does not fit the schema's pattern either.
        kwargs["strip"] = False
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return parse_date_bound(value, upper=self.upper) if value else None


@extend_schema_field({"type": "string", "pattern": PARTIAL_DATE_PATTERN})
class PartialDateFilter(django_filters.Filter):
    field_class = PartialDateField


class SearchTextFilter(django_filters.CharFilter):
    """`q`: full-text search words, best match first. Validated here; the listing
    pipeline searches through catalogue.search and orders by rank."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        # The length is of the text as sent, as the schema's maxLength is;
        # the listing pipeline strips the words itself.
        kwargs.setdefault("strip", False)
        kwargs.setdefault("label", "Search")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return qs


class SortFilter(django_filters.ChoiceFilter):
    """`ordering`: one of the record type's sorts (see catalogue/record_types.py).
    Validated here; the listing pipeline orders and pages by it."""

    def __init__(self, record_type, **kwargs):
        kwargs.setdefault("label", "Sort by")
        choices = record_types.by_name(record_type).sort_choices()
        super().__init__(choices=choices, **kwargs)

    def filter(self, qs, value):
        return qs


class RecordFilterSet(django_filters.FilterSet):
    """Status (staff only) and search, common to every record type."""

    q = SearchTextFilter()
    status = django_filters.ChoiceFilter(choices=Status.choices, method="filter_status")

    def filter_status(self, qs, name, value):
        user = getattr(self.request, "user", None)
        if not sees_drafts(user):
            # The queryset is already published-only for everyone else.
            return qs
        return qs.filter(status=value)


class DatedFilterSet(RecordFilterSet):
    """Date range on earliest/latest: a record matches when its span overlaps the range."""

    date_from = PartialDateFilter(method="filter_date_from", label="From (YYYY[-MM[-DD]])")
    date_to = PartialDateFilter(method="filter_date_to", label="To (YYYY[-MM[-DD]])", upper=True)
    decade = django_filters.NumberFilter(method="filter_decade", min_value=0, max_value=9990)
    year = django_filters.NumberFilter(method="filter_year", min_value=1, max_value=9999)

    def filter_date_from(self, qs, name, value):
        return qs.filter(date_latest__gte=value)

    def filter_date_to(self, qs, name, value):
        return qs.filter(date_earliest__lte=value)

    def filter_decade(self, qs, name, value):
        start = int(value) // 10 * 10
        return qs.overlapping_years(start, start + 9)

    def filter_year(self, qs, name, value):
        return qs.overlapping_years(int(value), int(value))


def _identifier_filter(field_name, label):
    # Not stripped: an identifier has no spaces, and the length is of the text as sent.
    return django_filters.CharFilter(field_name=field_name, max_length=64, strip=False, label=label)


class LinkedRecordFilter(django_filters.CharFilter):
    """Records linked to the one with this identifier, if the reader may see it.

    Either `field`, a foreign key or many-to-many field of the filtered model
    (one target record matches each record at most once), or `links`, which
    maps a link model to the names of its fields that point at the target and
    at the filtered record, e.g. {DocumentAgent: ("person", "document")}: the
    match is then a subquery on the visible links, so a record linked twice
    (two roles) comes back once and no DISTINCT is needed. A draft's
    identifier matches nothing for readers who cannot see drafts, so the
    filter cannot be used to learn that a draft exists."""

    def __init__(self, *, target, field=None, links=None, **kwargs):
        self.target, self.link_field, self.links = target, field, links or {}
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        user = getattr(self.parent.request, "user", None)
        targets = self.target.objects.visible_to(user).filter(identifier=value).values("pk")
        if self.link_field:
            return qs.filter(**{f"{self.link_field}__in": targets})
        condition = Q()
        for link_model, (target_field, record_field) in self.links.items():
            linked = link_model._default_manager.visible_to(user).filter(
                **{f"{target_field}__in": targets}
            )
            condition |= Q(pk__in=linked.values(f"{record_field}_id"))
        return qs.filter(condition)


def kind_filter(choices):
    """`kind`, one or more of `choices`. A column of the row itself, so no row can
    match twice: without distinct=False (django-filter's default for several
    values) the capped count became a DISTINCT over every column, 65 ms at
    100,000 documents (bench/requests.py, issue 14)."""
    return django_filters.MultipleChoiceFilter(choices=choices, distinct=False)


class DocumentFilterSet(DatedFilterSet):
    kind = kind_filter(Document.Kind.choices)
    person = LinkedRecordFilter(
        target=Person, links={DocumentAgent: ("person", "document")}, label="Person (identifier)"
    )
    organisation = LinkedRecordFilter(
        target=Organisation,
        links={DocumentAgent: ("organisation", "document")},
        label="Organisation (identifier)",
    )
    place = LinkedRecordFilter(target=Place, field="place", label="Place (identifier)")
    # Where documents are held, through the collections the reader may see: a
    # document filed in a draft unit is held nowhere as far as they can tell.
    repository = django_filters.CharFilter(
        method="filter_repository", max_length=64, strip=False, label="Repository (identifier)"
    )
    collection = django_filters.CharFilter(
        method="filter_collection",
        max_length=64,
        strip=False,
        label="Collection (identifier): documents anywhere in its subtree",
    )
    level = django_filters.MultipleChoiceFilter(
        choices=Level.choices, method="filter_level", label="Level of the collection"
    )
    ordering = SortFilter("document")

    class Meta:
        model = Document
        fields = [
            "q",
            "kind",
            "person",
            "organisation",
            "place",
            "repository",
            "collection",
            "level",
            "status",
        ]

    def _held_in(self, qs, units):
        user = getattr(self.request, "user", None)
        visible = Collection.objects.visible_to(user).filter(units)
        return qs.filter(collection__in=visible.values("pk"))

    def filter_repository(self, qs, name, value):
        return self._held_in(qs, Q(repository__in=_visible_pks(Repository, self.request, value)))

    def filter_collection(self, qs, name, value):
        return self._held_in(qs, _subtree_of(self.request, value))

    def filter_level(self, qs, name, value):
        return self._held_in(qs, Q(level__in=value)) if value else qs


def _visible_pks(model, request, identifier):
    """The pk (as a subquery) of the record with this identifier, if the reader may see it."""
    user = getattr(request, "user", None)
    return model.objects.visible_to(user).filter(identifier=identifier).values("pk")


def _subtree_of(request, identifier):
    """Units at or below the visible collection with this identifier: one range
    read on tree_path (models/holdings.py), nothing for a draft or unknown one."""
    user = getattr(request, "user", None)
    root = Collection.objects.visible_to(user).filter(identifier=identifier)
    # A subquery, not a read first: no match (NULL) matches nothing.
    return Q(tree_path__startswith=Subquery(root.values("tree_path")[:1]))


class RepositoryFilterSet(RecordFilterSet):
    ordering = SortFilter("repository")

    class Meta:
        model = Repository
        fields = ["q", "status"]


class CollectionFilterSet(DatedFilterSet):
    repository = LinkedRecordFilter(
        target=Repository, field="repository", label="Repository (identifier)"
    )
    parent = LinkedRecordFilter(
        target=Collection, field="parent", label="Part of (identifier): its units one level down"
    )
    within = django_filters.CharFilter(
        method="filter_within",
        max_length=64,
        strip=False,
        label="Within (identifier): the unit and everything below it",
    )
    level = django_filters.MultipleChoiceFilter(choices=Level.choices)
    ordering = SortFilter("collection")

    class Meta:
        model = Collection
        fields = ["q", "repository", "parent", "within", "level", "status"]

    def filter_within(self, qs, name, value):
        return qs.filter(_subtree_of(self.request, value)) if value else qs


class ArticleFilterSet(DatedFilterSet):
    mentions = django_filters.CharFilter(
        method="filter_mentions", max_length=64, strip=False, label="Mentions (identifier)"
    )
    about = LinkedRecordFilter(
        target=Document,
        field="about_documents",
        label="About document (identifier)",
    )
    ordering = SortFilter("article")

    class Meta:
        model = Article
        fields = ["q", "mentions", "about", "status"]

    def filter_mentions(self, qs, name, value):
        """Articles naming the record with this identifier, whatever its type."""
        user = getattr(self.request, "user", None)
        condition = Q()
        for target in (Person, Organisation, Place, Document):
            field = target._meta.model_name
            visible = target.objects.visible_to(user).filter(identifier=value).values("pk")
            condition |= Q(**{f"{field}__in": visible})
        mentions = Mention.objects.visible_to(user).filter(condition)
        return qs.filter(pk__in=mentions.values("article_id"))


class PersonFilterSet(RecordFilterSet):
    ordering = SortFilter("person")

    class Meta:
        model = Person
        fields = ["q", "status"]


class OrganisationFilterSet(RecordFilterSet):
    ordering = SortFilter("organisation")
    kind = kind_filter(Organisation.Kind.choices)

    class Meta:
        model = Organisation
        fields = ["q", "kind", "status"]


class PlaceFilterSet(RecordFilterSet):
    ordering = SortFilter("place")
    kind = kind_filter(Place.Kind.choices)

    class Meta:
        model = Place
        fields = ["q", "kind", "status"]


class CitationFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Citation.Kind.choices)
    article = _identifier_filter("citing_article__identifier", "Citing article (identifier)")
    document = _identifier_filter("cited_document__identifier", "Cited document (identifier)")
    # true or false, anything else refused: a BooleanFilter reads "null" or
    # "maybe" as no filter at all, which the schema's boolean cannot say.
    quote_found = extend_schema_field({"type": "string", "enum": ["true", "false"]})(
        django_filters.ChoiceFilter(
            choices=[("true", "Found"), ("false", "Not found")], method="filter_quote_found"
        )
    )

    class Meta:
        model = Citation
        fields = ["kind", "article", "document", "quote_found"]

    def filter_quote_found(self, qs, name, value):
        return qs.filter(quote_found=value == "true")
