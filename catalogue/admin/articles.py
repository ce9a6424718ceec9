"""Articles, edited with the citations, mentions and statements drawn from them."""

from django import forms
from django.contrib import admin
from django.db import models

from catalogue.models import Article, Citation, Mention, Statement

from .claims import ClaimReviewMixin
from .filters import DecadeFilter
from .forms import VersionedRecordForm
from .ingest import IngestUploadMixin
from .mixins import RecordAdmin
from .resources import ArticleResource

COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}


class CitationInline(admin.TabularInline):
    """The citations' links and locators; their words (the reference as
    written, the quoted text) are edited on each citation's own page."""

    model = Citation
    fk_name = "citing_article"
    extra = 0
    fields = ["footnote_label", "kind", "cited_document", "cited_work", "locator", "quote_found"]
    readonly_fields = ["quote_found"]
    autocomplete_fields = ["cited_document"]
    show_change_link = True
    verbose_name_plural = "citations made by this article"


class MentionInline(admin.TabularInline):
    """Mentions are spans of the source text found by the build: listed here,
    edited one at a time on their own page; new ones can be added here."""

    model = Mention
    extra = 0
    fields = ["surface", "start", "end", "person", "organisation", "place", "document"]
    autocomplete_fields = ["person", "organisation", "place", "document"]
    show_change_link = True
    verbose_name_plural = "mentions (where the source text names a record)"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("person", "organisation", "place", "document")
            .defer("document__transcription", "document__description")
        )

    def has_change_permission(self, request, obj=None):
        # Existing rows are shown read-only: one editable row per mention
        # would make a long article's page unusable.
        return False


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["topic", "document", "text", "start", "end"]
    autocomplete_fields = ["document"]
    formfield_overrides = COMPACT_TEXT
    verbose_name_plural = "statements (what this article says about a document)"


class ArticleForm(VersionedRecordForm):
    class Meta:
        labels = {"url": "URL"}


@admin.register(Article)
class ArticleAdmin(ClaimReviewMixin, IngestUploadMixin, RecordAdmin):
    form = ArticleForm
    import_export_change_list_template = "admin/catalogue/article/change_list.html"
    resource_classes = [ArticleResource]
    list_display = ["title", "identifier", "publisher", "date", "status", "last_changed"]
    list_select_related = ["publisher"]
    list_filter = ["status", DecadeFilter]
    search_fields = ["title", "identifier", "site_name", "url"]
    date_hierarchy = "date_earliest"
    autocomplete_fields = [
        "publisher",
        "authors",
        "about_documents",
        "about_people",
        "about_places",
        "about_organisations",
    ]
    readonly_fields = [
        "date_earliest",
        "date_latest",
        "source_sha256",
        "parse_warnings",
        "review_link",
    ]
    changelist_defer = [
        "body",
        "sections",
        "key_points",
        "source_text",
        "publisher__description",
    ]
    fieldsets = [
        (None, {"fields": ["title", "status", "publisher", "site_name", "url", "authors"]}),
        ("Ingest", {"fields": ["review_link", "parse_warnings"]}),
        (
            "Date and licence",
            {
                "fields": [
                    "date_written",
                    "date_edtf",
                    ("date_earliest", "date_latest"),
                    "licence",
                    "accessed",
                ]
            },
        ),
        (
            "What it is about",
            {
                "fields": [
                    "about_documents",
                    "about_people",
                    "about_places",
                    "about_organisations",
                ]
            },
        ),
        ("Text", {"fields": ["body", "sections", "key_points"], "classes": ["collapse"]}),
        (
            "Source as received",
            {
                "fields": ["source_filename", "source_text", "source_sha256"],
                "classes": ["collapse"],
            },
        ),
        ("Identity", {"fields": ["identifier", "slug"]}),
    ]
    inlines = [CitationInline, MentionInline, StatementInline]

    @admin.display(description="date", ordering="date_earliest")
    def date(self, obj):
        return obj.date_display

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None:
            # The verbatim text is what mentions and citations point into.
            readonly.append("source_text")
        return readonly

    def get_export_queryset(self, request):
        return (
            super()
            .get_export_queryset(request)
            .select_related("publisher")
            .prefetch_related(
                "authors", "about_documents", "about_people", "about_places", "about_organisations"
            )
        )
