"""People (with the titles they held), organisations and places."""

from django.contrib import admin

from catalogue.models import Organisation, Person, PersonTitle, Place

from .mixins import RecordAdmin
from .resources import OrganisationResource, PersonResource, PlaceResource

NAME_SEARCH = ["name", "sort_name", "variants", "identifier", "wikidata"]
NAME_FIELDSET = (None, {"fields": ["name", "sort_name", "variants", "status"]})
IDENTITY_FIELDSET = ("Identity", {"fields": ["identifier", "slug"]})


class PersonTitleInline(admin.TabularInline):
    model = PersonTitle
    extra = 0
    fields = ["title", "organisation", "date_written", "date_edtf"]
    autocomplete_fields = ["organisation"]
    verbose_name = "title or office held"
    verbose_name_plural = "titles and offices held"


@admin.register(Person)
class PersonAdmin(RecordAdmin):
    resource_classes = [PersonResource]
    list_display = ["name", "sort_name", "identifier", "life_dates_edtf", "status", "last_changed"]
    list_filter = ["status"]
    search_fields = [*NAME_SEARCH, "viaf"]
    changelist_defer = ["biography", "description"]
    fieldsets = [
        NAME_FIELDSET,
        ("Life", {"fields": ["life_dates_edtf", "biography", "description"]}),
        ("Authority files", {"fields": ["wikidata", "viaf"]}),
        IDENTITY_FIELDSET,
    ]
    inlines = [PersonTitleInline]


@admin.register(Organisation)
class OrganisationAdmin(RecordAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "kind", "identifier", "status", "last_changed"]
    list_filter = ["status", "kind"]
    search_fields = [*NAME_SEARCH, "viaf"]
    changelist_defer = ["description"]
    fieldsets = [
        NAME_FIELDSET,
        (None, {"fields": ["kind", "description"]}),
        ("Authority files", {"fields": ["wikidata", "viaf"]}),
        IDENTITY_FIELDSET,
    ]


@admin.register(Place)
class PlaceAdmin(RecordAdmin):
    resource_classes = [PlaceResource]
    list_display = ["name", "kind", "identifier", "status", "last_changed"]
    list_filter = ["status", "kind"]
    search_fields = [*NAME_SEARCH, "geonames"]
    changelist_defer = ["description"]
    fieldsets = [
        NAME_FIELDSET,
        (None, {"fields": ["kind", "description"]}),
        ("Authority files", {"fields": ["wikidata", "geonames"]}),
        IDENTITY_FIELDSET,
    ]
