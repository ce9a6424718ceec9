"""Facet counts for the browse pages, each one grouped query on the filtered set.

Counts are taken on the records the current filters leave, so a reader sees
what each further choice would give. A dated record counts in every decade
and year its span touches, as the decade and year filters match by overlap.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear

from catalogue.models import DocumentAgent, Organisation, Person, Place

TOP_NAMES = 10
# The filters that have a facet, when the record type's FilterSet declares them.
FACET_FILTERS = ("kind", "decade", "year", "person", "organisation", "place")
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
    return facets
