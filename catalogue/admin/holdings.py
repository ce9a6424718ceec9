"""Repositories and collections: the holdings tree, edited area by area as
ISAD(G) lays a description out, moved without dragging, with the documents
filed in each unit listed on its page."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from catalogue.models import Collection, Document, Repository
from catalogue.models.holdings import TREE_PATH_DIGITS
from catalogue.services import holdings as holding_services
from catalogue.services import records as services

from .authorities import IDENTITY_FIELDSET, NAME_FIELDSET, NAME_SEARCH
from .forms import VersionedRecordForm
from .mixins import RecordAdmin
from .resources import CollectionResource, RepositoryResource

# One level of the tree_path: the zero-padded key and its slash.
PATH_PART = TREE_PATH_DIGITS + 1
# Deeper units are indented as far as this (admin.css has a class per depth).
MAX_SHOWN_DEPTH = 8
ACCESS_FIELDSET_FIELDS = [
    "extent_and_medium",
    "access_conditions",
    "reproduction_conditions",
    ("rights_uri", "rights_label"),
]


def depth(collection):
    """0 for a unit at the top of its repository, 1 below it, and so on."""
    return max(len(collection.tree_path) // PATH_PART - 1, 0)


def tree_label(collection):
    """The unit as a line of the tree: indented by depth, code, title, level."""
    indent = "\u2003" * depth(collection) + ("\u2514 " if collection.parent_id else "")
    return f"{indent}{collection} ({collection.get_level_display()})"


@admin.register(Repository)
class RepositoryAdmin(RecordAdmin):
    resource_classes = [RepositoryResource]
    list_display = ["name", "code", "identifier", "units", "status", "last_changed"]
    list_filter = ["status"]
    search_fields = [*NAME_SEARCH, "code"]
    changelist_defer = ["description", "address"]
    fieldsets = [
        NAME_FIELDSET,
        ("Identity and contact", {"fields": ["code", "address", "url", "email", "telephone"]}),
        ("Description", {"fields": ["description", "wikidata"]}),
        IDENTITY_FIELDSET,
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match is not None and match.url_name == "catalogue_repository_changelist":
            # The units column, counted in the page's own query (the list only:
            # autocomplete and the forms have no use for the count).
            queryset = queryset.annotate(unit_count=Count("collections"))
        return queryset

    @admin.display(description="units of description", ordering="unit_count")
    def units(self, obj):
        url = reverse("admin:catalogue_collection_changelist")
        return format_html(
            '<a href="{}?repository__id__exact={}">{}</a>', url, obj.pk, obj.unit_count
        )


class FiledDocumentForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A table row's inputs have no <label>; name each after its document.
        title = self.instance.title if self.instance.pk else "new document"
        for name, words in (("reference_code", "Shelfmark"), ("collection_position", "Position")):
            if name in self.fields:
                self.fields[name].widget.attrs["aria-label"] = f"{words} of {title}"


class DocumentInline(admin.TabularInline):
    """The documents filed in the unit, in their order: their shelfmarks and
    positions are edited here; a document is filed or taken out on its own
    page or with the document list's "Move to collection…" action."""

    model = Document
    form = FiledDocumentForm
    fk_name = "collection"
    extra = 0
    fields = ["document", "reference_code", "collection_position", "full_reference_code"]
    readonly_fields = ["document", "full_reference_code"]
    ordering = ["collection_position", "pk"]
    can_delete = False
    verbose_name = "document filed here"
    verbose_name_plural = "documents filed in this unit"

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="document")
    def document(self, obj):
        url = reverse("admin:catalogue_document_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.title)


class CollectionForm(VersionedRecordForm):
    def clean(self):
        cleaned = super().clean()
        # The database refuses a second unit with the same full code in a
        # repository; say which unit has it, on the field to change.
        repository = cleaned.get("repository") or getattr(self.instance, "repository", None)
        code = cleaned.get("reference_code", self.instance.reference_code)
        if repository is None or not code:
            return cleaned
        parent = cleaned.get("parent", self.instance.parent if self.instance.parent_id else None)
        prefix = parent.full_reference_code if parent is not None else repository.code
        full = "/".join(part for part in (prefix, code) if part)
        other = (
            Collection.objects.filter(repository=repository, full_reference_code=full)
            .exclude(pk=self.instance.pk)
            .only("pk", "title", "full_reference_code", "level")
            .first()
        )
        if other is not None:
            self.add_error(
                "reference_code",
                f"\u201c{full}\u201d is already the reference code of \u201c{other.title}\u201d "
                f"({other.get_level_display().lower()}) in this repository; choose another.",
            )
        return cleaned


@admin.register(Collection)
class CollectionAdmin(RecordAdmin):
    """The changelist is the tree: units in tree order, indented by depth,
    fifty to a page; sorting by a column would break the tree, so it is off."""

    form = CollectionForm
    resource_classes = [CollectionResource]
    list_display = ["tree_title", "level", "repository", "date", "status", "move_link"]
    list_display_links = None
    list_select_related = ["repository"]
    list_filter = ["status", "level", "repository"]
    search_fields = ["title", "full_reference_code", "reference_code", "identifier"]
    sortable_by = ()
    ordering = ["tree_path"]
    autocomplete_fields = ["repository", "parent", "creator_person", "creator_organisation"]
    readonly_fields = ["full_reference_code", "date_earliest", "date_latest", "essentials"]
    changelist_defer = [
        *Collection.DESCRIPTION_TEXTS,
        "extent_and_medium",
        "access_conditions",
        "reproduction_conditions",
        "repository__description",
        "repository__address",
    ]
    fieldsets = [
        (
            "Identity statement (ISAD(G) 3.1)",
            {
                "fields": [
                    "essentials",
                    "repository",
                    "parent",
                    "position",
                    "reference_code",
                    "full_reference_code",
                    "title",
                    "level",
                    "status",
                    "date_written",
                    "date_edtf",
                    ("date_earliest", "date_latest"),
                    "extent_and_medium",
                ]
            },
        ),
        (
            "Context (3.2)",
            {
                "fields": [
                    "creator_person",
                    "creator_organisation",
                    "archival_history",
                    "acquisition",
                ]
            },
        ),
        (
            "Content and structure (3.3)",
            {"fields": ["scope_and_content", "appraisal", "accruals", "arrangement"]},
        ),
        (
            "Conditions of access and use (3.4)",
            {
                "fields": [
                    "access_conditions",
                    "reproduction_conditions",
                    ("rights_uri", "rights_label"),
                    "languages",
                    "physical_characteristics",
                    "finding_aids",
                ]
            },
        ),
        (
            "Allied materials (3.5)",
            {
                "fields": [
                    "originals_location",
                    "copies_location",
                    "related_units",
                    "publication_note",
                ],
                "classes": ["collapse"],
            },
        ),
        (
            "Notes and description control (3.6, 3.7)",
            {"fields": ["note", "archivist_note", "rules_conventions"]},
        ),
        ("Identity", {"fields": ["identifier", "slug"]}),
    ]
    inlines = [DocumentInline]
    # Twenty-odd ISAD(G) texts, most a sentence or two: small boxes keep the form in view.
    formfield_overrides = {
        **RecordAdmin.formfield_overrides,
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"})},
    }
    actions = [*RecordAdmin.actions, "move_units"]
    move_template = "admin/catalogue/collection/move.html"

    @admin.display(description="unit of description")
    def tree_title(self, obj):
        # Indented by a class per depth (admin.css), so that a long title wraps
        # under itself rather than under the units above it.
        url = reverse("admin:catalogue_collection_change", args=[obj.pk])
        level = depth(obj)
        return format_html(
            '<span class="tree-node tree-depth-{}">{}<a href="{}">{}</a></span>',
            min(level, MAX_SHOWN_DEPTH),
            mark_safe('<span aria-hidden="true">\u2514\u2002</span>') if level else "",
            url,
            obj,
        )

    @admin.display(description="date")
    def date(self, obj):
        return obj.date_display

    @admin.display(description="move")
    def move_link(self, obj):
        url = reverse("admin:catalogue_collection_move") + f"?ids={obj.pk}"
        return format_html(
            '<a href="{}">Move\u2026<span class="visually-hidden"> {}</span></a>', url, obj
        )

    @admin.display(description="ISAD(G) essential elements")
    def essentials(self, obj):
        missing = obj.missing_essentials() if obj and obj.pk else None
        if missing is None:
            return "Reference code, title, creator, dates, extent and level are needed to publish."
        if not missing:
            return "All six present: the unit can be published once the units above it are."
        return f"Missing before it can be published: {', '.join(missing)}."

    # --- the change form ------------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None:
            # A unit changes place in the tree only through "Move…", which
            # checks the move and renumbers the siblings.
            readonly += ["repository", "parent", "position"]
        else:
            readonly.append("position")  # a new unit goes last among its siblings
        return readonly

    def change_view(self, request, object_id, form_url="", extra_context=None):
        url = reverse("admin:catalogue_collection_move") + f"?ids={object_id}"
        extra_context = {**(extra_context or {}), "move_url": url}
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.position = Collection.objects.filter(
                repository_id=obj.repository_id, parent_id=obj.parent_id
            ).count()
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Document:
            return super().save_formset(request, form, formset, change)
        # The documents are records: their new shelfmarks and positions are saved
        # through the records service, a version and a history row each.
        for document in formset.save(commit=False):
            services.record_update(
                record=document,
                changes={},
                expected_version=None,
                user=request.user,
                reason=f"Changed on \u201c{form.instance}\u201d",
            )

    def get_export_queryset(self, request):
        return (
            super()
            .get_export_queryset(request)
            .select_related("repository", "parent", "creator_person", "creator_organisation")
        )

    # --- moving units -----------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view(self.move_view)
        return [path("move/", view, name="catalogue_collection_move"), *super().get_urls()]

    @admin.action(description="Move selected units of description\u2026", permissions=["change"])
    def move_units(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(reverse("admin:catalogue_collection_move") + f"?ids={ids}")

    def move_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        ids = [
            part
            for part in request.GET.get("ids", "").split(",")
            if part.isascii() and part.isdigit()
        ]
        units = list(Collection.objects.filter(pk__in=ids).select_related("repository", "parent"))
        changelist = reverse("admin:catalogue_collection_changelist")
        if not units:
            self.message_user(request, "Choose the units to move first.", messages.WARNING)
            return HttpResponseRedirect(changelist)
        form = MoveForm(request.POST or None, units=units)
        if request.method == "POST" and form.is_valid():
            parent, position = form.cleaned_data["parent"], form.cleaned_data["position"]
            try:
                moved = holding_services.collections_move(
                    collections=units, parent=parent, position=position, user=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                where = f"under \u201c{parent}\u201d" if parent else "to the top of the repository"
                self.message_user(
                    request,
                    f"Moved {', '.join(f'“{u}”' for u in moved)} {where}.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(changelist)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Move units of description",
            "units": units,
            "form": form,
        }
        return TemplateResponse(request, self.move_template, context)


class MoveForm(forms.Form):
    """Where the chosen units go: a new parent in the same repository (or the
    top of it) and a position among its units."""

    parent = forms.ModelChoiceField(
        queryset=Collection.objects.select_related("repository"),
        required=False,
        empty_label="(the top of the repository)",
        label="New parent",
        help_text="Units are listed in tree order; a unit and the units inside it are left out.",
    )
    position = forms.IntegerField(
        min_value=0,
        required=False,
        label="Position among its new siblings",
        help_text="0 is first; leave empty to put the units last.",
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        repositories = {unit.repository_id for unit in units}
        # Every unit stays a valid answer (a refused move is explained, not
        # "select a valid choice"); the list offers only the places that make sense.
        offered = (
            Collection.objects.filter(repository_id__in=repositories)
            .only("pk", "title", "tree_path", "full_reference_code", "level", "parent_id", "status")
            .order_by("tree_path")
        )
        for unit in units:
            offered = offered.exclude(tree_path__startswith=unit.tree_path)
        self.fields["parent"].choices = [("", self.fields["parent"].empty_label)] + [
            (unit.pk, tree_label(unit) + (" \u2014 draft" if not unit.is_published else ""))
            for unit in offered
        ]
