"""Changelist filters that the admin does not have built in."""

import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import IntegerField
from django.db.models.functions import Cast, ExtractYear


class DecadeFilter(admin.SimpleListFilter):
    """Records whose date range (earliest to latest) overlaps a decade.

    A document dated "1945-08/1956-10" is found under the 1940s and the
    1950s; one dated "1956~" under the 1950s. The choices are the decades in
    which dated records begin, read in one query.
    """

    title = "decade"
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        years = (
            model_admin.model._default_manager.filter(date_earliest__isnull=False)
            .annotate(year=Cast(ExtractYear("date_earliest"), IntegerField()))
            .order_by()
            .values_list("year", flat=True)
            .distinct()
        )
        decades = sorted({year - year % 10 for year in years})
        return [(str(decade), f"{decade}s") for decade in decades]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            decade = int(self.value())
            first, last = datetime.date(decade, 1, 1), datetime.date(decade + 9, 12, 31)
        except (TypeError, ValueError):
            raise IncorrectLookupParameters(f"{self.value()!r} is not a decade") from None
        return queryset.filter(date_earliest__lte=last, date_latest__gte=first)


class MentionTargetFilter(admin.SimpleListFilter):
    """What kind of record a mention names."""

    title = "names a"
    parameter_name = "names"

    def lookups(self, request, model_admin):
        return [
            ("person", "Person"),
            ("organisation", "Organisation"),
            ("place", "Place"),
            ("document", "Document"),
        ]

    def queryset(self, request, queryset):
        if self.value() in dict(self.lookup_choices):
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset
