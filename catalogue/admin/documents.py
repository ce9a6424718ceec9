"""Documents, edited with their people and organisations, related documents,
excerpts and scans on one page."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html

from catalogue.images import checked_pixels
from catalogue.models import (
    Document,
    DocumentAgent,
    DocumentExcerpt,
    DocumentImage,
    DocumentRelation,
)

from .filters import DecadeFilter
from .forms import DocumentImageForm
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
    search_fields = ["title", "identifier", "other_titles", "date_written"]
    date_hierarchy = "date_earliest"
    autocomplete_fields = ["place"]
    readonly_fields = ["date_earliest", "date_latest"]
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
        return super().get_export_queryset(request).select_related("place")
