"""Documents, edited with their people and organisations, related documents,
excerpts and scans on one page."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from catalogue.images import checked_pixels
from catalogue.models import (
    Collection,
    Document,
    DocumentAgent,
    DocumentExcerpt,
    DocumentImage,
    DocumentRelation,
)
from catalogue.services import holdings as holding_services

from .filters import DecadeFilter
from .forms import DocumentImageForm
from .holdings import ACCESS_FIELDSET_FIELDS, tree_label
from .mixins import RecordAdmin
from .resources import DocumentResource


class DocumentAgentInline(admin.TabularInline):
    model = DocumentAgent
    extra = 0
    fields = ["role", "person", "organisation", "note", "order"]
    autocomplete_fields = ["person", "organisation"]
    verbose_name = "person or organisation involved"
    verbose_name_plural = "people and organisations involved"


class DocumentRelationInline(admin.TabularInline):
    model = DocumentRelation
    fk_name = "source"
    extra = 0
    fields = ["kind", "target", "note"]
    autocomplete_fields = ["target"]
    verbose_name = "related document"
    verbose_name_plural = "related documents"


class DocumentExcerptInline(admin.StackedInline):
    model = DocumentExcerpt
    extra = 0
    fields = ["text", ("locator", "provenance"), "source_article", ("source_start", "source_end")]
    autocomplete_fields = ["source_article"]
    verbose_name_plural = "excerpts (the document's words as other texts quote them)"


class ScanFormSet(BaseInlineFormSet):
    def clean(self):
        # Scans are decoded one after another, so memory is bounded per file;
        # this bounds the work one save may ask of a server process.
        super().clean()
        limit = settings.MAX_SCAN_PIXELS_PER_REQUEST
        total = sum(
            checked_pixels(form.cleaned_data.get("image"))
            for form in self.forms
            if getattr(form, "cleaned_data", None)
        )
        if total > limit:
            raise ValidationError(
                f"These scans hold {total:,} pixels together; one save accepts at most "
                f"{limit:,}. Upload them in several saves."
            )


class DocumentImageInline(admin.StackedInline):
    model = DocumentImage
    form = DocumentImageForm
    formset = ScanFormSet
    extra = 0
    fields = ["preview", "image", "caption", "alt_text", "order", "fixity"]
    readonly_fields = ["preview", "fixity"]
    verbose_name = "scan"
    verbose_name_plural = "scans"

    @admin.display(description="thumbnail")
    def preview(self, obj):
        if not obj.thumbnail:
            return "\u2014"
        return format_html(
            '<img src="{}" alt="{}" class="catalogue-thumbnail">',
            obj.thumbnail.url,
            obj.alt_text or obj.caption or "",
        )

    @admin.display(description="master file")
    def fixity(self, obj):
        if not obj.sha256:
            return "\u2014"
        return format_html(
            "{} \u00d7 {} pixels, uploaded as \u201c{}\u201d<br>sha256 <code>{}</code>",
            obj.width,
            obj.height,
            obj.original_filename or obj.image.name,
            obj.sha256,
        )


@admin.register(Document)
class DocumentAdmin(RecordAdmin):
    resource_classes = [DocumentResource]
    list_display = ["title", "identifier", "kind", "date", "place", "status", "last_changed"]
    list_select_related = ["place"]
    list_filter = ["status", "kind", DecadeFilter]
    search_fields = ["title", "identifier", "other_titles", "date_written", "full_reference_code"]
    date_hierarchy = "date_earliest"
    autocomplete_fields = ["place", "collection"]
    readonly_fields = ["date_earliest", "date_latest", "full_reference_code"]
    actions = [*RecordAdmin.actions, "move_to_collection"]
    file_template = "admin/catalogue/document/move.html"
    changelist_defer = ["description", "transcription", "place__description"]
    fieldsets = [
        (None, {"fields": ["title", "other_titles", "kind", "status"]}),
        (
            "Date and place",
            {
                "fields": [
                    "date_written",
                    "date_edtf",
                    ("date_earliest", "date_latest"),
                    "place",
                    "languages",
                ]
            },
        ),
        ("Text", {"fields": ["description", "transcription", "transcription_provenance"]}),
        (
            "Held at",
            {
                "fields": [
                    "collection",
                    "collection_position",
                    "reference_code",
                    "full_reference_code",
                ]
            },
        ),
        ("Physical description and access", {"fields": ACCESS_FIELDSET_FIELDS}),
        ("Identity", {"fields": ["identifier", "slug"]}),
    ]
    inlines = [
        DocumentAgentInline,
        DocumentRelationInline,
        DocumentExcerptInline,
        DocumentImageInline,
    ]

    @admin.display(description="date", ordering="date_earliest")
    def date(self, obj):
        return obj.date_display

    def get_export_queryset(self, request):
        return super().get_export_queryset(request).select_related("place", "collection")

    # --- filing documents in a collection ----------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view(self.file_view)
        return [path("move/", view, name="catalogue_document_move"), *super().get_urls()]

    @admin.action(description="Move to collection\u2026", permissions=["change"])
    def move_to_collection(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(reverse("admin:catalogue_document_move") + f"?ids={ids}")

    def file_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        ids = request.GET.get("ids", "").split(",")
        ids = [part for part in ids if part.isascii() and part.isdigit()]
        documents = list(
            Document.objects.filter(pk__in=ids)
            .select_related("collection")
            .order_by("collection_position", "title", "pk")
        )
        changelist = reverse("admin:catalogue_document_changelist")
        if not documents:
            self.message_user(request, "Choose the documents to move first.", messages.WARNING)
            return HttpResponseRedirect(changelist)
        form = FileForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            collection = form.cleaned_data["collection"]
            count = holding_services.documents_file(
                documents=documents,
                collection=collection,
                position=form.cleaned_data["position"],
                user=request.user,
            )
            name = "document" if count == 1 else "documents"
            where = (
                f"filed in \u201c{collection}\u201d"
                if collection
                else "taken out of their collections"
            )
            self.message_user(request, f"{count} {name} {where}.", messages.SUCCESS)
            return HttpResponseRedirect(changelist)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Move documents to a collection",
            "documents": documents,
            "form": form,
        }
        return TemplateResponse(request, self.file_template, context)


class FileForm(forms.Form):
    """The unit of description the chosen documents go to, and where among its documents."""

    collection = forms.ModelChoiceField(
        queryset=Collection.objects.all(),
        required=False,
        empty_label="(no collection: take them out of their collections)",
        label="Collection",
        help_text="Every unit of every repository, in tree order.",
    )
    position = forms.IntegerField(
        min_value=0,
        required=False,
        label="Position among its documents",
        help_text="0 is first; leave empty to put them after its last document.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = (
            Collection.objects.select_related("repository")
            .only(
                "pk",
                "title",
                "tree_path",
                "full_reference_code",
                "level",
                "parent_id",
                "status",
                "repository__name",
            )
            .order_by("repository__name", "tree_path")
        )
        field = self.fields["collection"]
        field.choices = [("", field.empty_label)] + [
            (unit.pk, f"{unit.repository.name}: {tree_label(unit)}") for unit in units
        ]
