"""Facet counts for the browse pages, each one grouped query on the filtered set.

Counts are taken on the records the current filters leave, so a reader sees
what each further choice would give. A dated record counts in every decade
and year its span touches, as the decade and year filters match by overlap.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear, Length, Substr

from catalogue.models import (
    Collection,
    DocumentAgent,
    Level,
    Organisation,
    Person,
    Place,
    Repository,
)
from catalogue.models.holdings import TREE_PATH_DIGITS

TOP_NAMES = 10
# The filters that have a facet, when the record type's FilterSet declares them.
FACET_FILTERS = (
    "kind",
    "decade",
    "year",
    "person",
    "organisation",
    "place",
    "repository",
    "collection",
    "level",
)
# One step of a collection's tree_path ("0000000012/").
TREE_STEP = TREE_PATH_DIGITS + 1
# A span longer than this is counted in its first and last decades only: a
# mis-keyed "0001/9999" must not make thousands of empty facet rows.
MAX_SPAN_YEARS = 300


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class Facet:
    name: str
    label: str
    values: list


def choice_counts(base, field, choices):
    """[(value, label, count)] of a choices field, most common first."""
    rows = base.values_list(field).annotate(n=Count("pk")).order_by("-n", field)
    labels = dict(choices)
    return [(value, labels.get(value, value), n) for value, n in rows]


def year_spans(base):
    """Counter of (first year, last year) spans among dated records."""
    rows = (
        base.dated()
        .values_list(ExtractYear("date_earliest"), ExtractYear("date_latest"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Counter({(first, last or first): n for first, last, n in rows})


def decade_counts(spans):
    counts = Counter()
    for (first, last), n in spans.items():
        decades = range(first // 10 * 10, last // 10 * 10 + 1, 10)
        if last - first > MAX_SPAN_YEARS:
            decades = {first // 10 * 10, last // 10 * 10}
        for decade in decades:
            counts[decade] += n
    return sorted(counts.items())


def year_counts(spans, decade):
    counts = Counter()
    for (first, last), n in spans.items():
        for year in range(max(first, decade), min(last, decade + 9) + 1):
            counts[year] += n
    return sorted(counts.items())


def document_agent_counts(base, user, field):
    """Top people (field='person') or organisations among the documents' agents."""
    model = Person if field == "person" else Organisation
    rows = (
        DocumentAgent.objects.visible_to(user)
        .filter(
            document__in=base.values("pk"),
            **{f"{field}__in": model.objects.visible_to(user).values("pk")},
        )
        .values_list(f"{field}__identifier", f"{field}__name")
        .annotate(n=Count("document", distinct=True))
        .order_by("-n", f"{field}__name")[:TOP_NAMES]
    )
    return list(rows)


def document_place_counts(base, user):
    rows = (
        base.filter(place__in=Place.objects.visible_to(user).values("pk"))
        .values_list("place__identifier", "place__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "place__name")[:TOP_NAMES]
    )
    return list(rows)


def held(base, user):
    """Documents of `base` filed in a collection `user` may see: the only ones
    the holdings facets count (a draft unit's documents are held nowhere, for them)."""
    return base.filter(collection__in=Collection.objects.visible_to(user).values("pk"))


def repository_counts(base, user, path):
    """Top repositories of `base`, reached through `path` ("repository" for
    collections, "collection__repository" for documents)."""
    rows = (
        base.filter(**{f"{path}__in": Repository.objects.visible_to(user).values("pk")})
        .values_list(f"{path}__identifier", f"{path}__name")
        .annotate(n=Count("pk"))
        .order_by("-n", f"{path}__name")[:TOP_NAMES]
    )
    return list(rows)


def collection_counts(base, user, chosen):
    """The units one level below the chosen collection (the fonds when none is
    chosen), each with the documents anywhere in its subtree: the tree opened
    one level at a time. Grouped on the first steps of each document's
    tree_path, then the units named in one more query."""
    depth, first = TREE_STEP, []
    if chosen:
        root = Collection.objects.visible_to(user).filter(identifier=chosen).first()
        if root is None:
            return []
        depth = len(root.tree_path) + TREE_STEP
        # The chosen unit itself heads the list, so the reader sees where they are.
        first = [(root.identifier, str(root), base.count())]
    rows = (
        base.alias(path_length=Length("collection__tree_path"))
        .filter(path_length__gte=depth)
        .annotate(step=Substr("collection__tree_path", 1, depth))
        .values_list("step")
        .annotate(n=Count("pk"))
        .order_by("-n", "step")[:TOP_NAMES]
    )
    counts = dict(rows)
    units = Collection.objects.visible_to(user).filter(tree_path__in=counts)
    found = sorted(units, key=lambda unit: (-counts[unit.tree_path], unit.tree_path))
    return first + [(unit.identifier, str(unit), counts[unit.tree_path]) for unit in found]


def listing_facets(filterset, filtered, user, params):
    """The facets of a browse page: one for each facetable filter its FilterSet
    declares (kind, decade then year, person, organisation, place), counted
    over the filtered records. `params` says which values are chosen; the view
    adds the links."""
    filters, data = filterset.filters, filterset.form.cleaned_data
    # The filters match through subqueries (no joins, no DISTINCT), so the
    # facets can group the filtered queryset itself.
    base = filtered.order_by().prefetch_related(None)
    facets = []

    def facet(name, label, rows):
        chosen = params.getlist(name)
        values = [FacetValue(str(v), text, n, str(v) in chosen) for v, text, n in rows]
        facets.append(Facet(name, label, values))

    if "kind" in filters:
        choices = filters["kind"].extra["choices"]
        facet("kind", "Kind", choice_counts(base, "kind", choices))
    if "decade" in filters:
        spans = year_spans(base)
        facet("decade", "Decade", [(d, f"{d}s", n) for d, n in decade_counts(spans)])
        if data.get("decade") is not None:
            decade = int(data["decade"]) // 10 * 10
            rows = [(y, str(y), n) for y, n in year_counts(spans, decade)]
            facet("year", f"Year in the {decade}s", rows)
    for name, label in (("person", "Person"), ("organisation", "Organisation")):
        if name in filters:
            facet(name, label, document_agent_counts(base, user, name))
    if "place" in filters:
        facet("place", "Place", document_place_counts(base, user))
    if not {"repository", "collection", "level"} & set(filters):
        return facets
    holdings = base if base.model is Collection else held(base, user)
    if "repository" in filters:
        path = "repository" if base.model is Collection else "collection__repository"
        facet("repository", "Repository", repository_counts(holdings, user, path))
    if "collection" in filters:
        rows = collection_counts(holdings, user, data.get("collection"))
        facet("collection", "Collection", rows)
    if "level" in filters:
        field = "level" if base.model is Collection else "collection__level"
        facet("level", "Level of description", choice_counts(holdings, field, Level.choices))
    return facets
