"""Citations, mentions and statements on their own pages, for searching
across articles and editing one at a time."""

from django.contrib import admin
from django.utils.text import Truncator

from catalogue.models import Citation, Mention, Statement

from .filters import MentionTargetFilter
from .mixins import CatalogueAdmin

# Long texts of the related rows that a changelist never shows.
ARTICLE_TEXT = ("source_text", "body", "sections", "key_points")
DOCUMENT_TEXT = ("transcription", "description")


def _deferred(relation, names):
    return [f"{relation}__{name}" for name in names]


@admin.register(Citation)
class CitationAdmin(CatalogueAdmin):
    list_display = ["citing", "footnote_label", "kind", "cited", "locator", "quote_found"]
    list_select_related = ["citing_article", "citing_document", "cited_document"]
    list_filter = ["kind", "quote_found"]
    search_fields = [
        "reference_text",
        "quoted_text",
        "cited_work",
        "citing_article__title",
        "citing_document__title",
        "cited_document__title",
    ]
    autocomplete_fields = ["citing_article", "citing_document", "cited_document"]
    readonly_fields = ["quote_found"]
    changelist_defer = [
        *_deferred("citing_article", ARTICLE_TEXT),
        *_deferred("citing_document", DOCUMENT_TEXT),
        *_deferred("cited_document", DOCUMENT_TEXT),
    ]
    fieldsets = [
        ("Citing", {"fields": ["citing_article", "citing_document", "footnote_label"]}),
        ("Cited", {"fields": ["cited_document", "cited_work", "kind", "locator"]}),
        ("Words", {"fields": ["reference_text", "quoted_text", "quote_found"]}),
        ("Place in the citing text", {"fields": [("source_start", "source_end")]}),
    ]

    @admin.display(description="citing", ordering="citing_article__title")
    def citing(self, obj):
        return obj.citing_article or obj.citing_document

    @admin.display(description="cited")
    def cited(self, obj):
        return obj.cited_document or Truncator(obj.cited_work).chars(80)


@admin.register(Mention)
class MentionAdmin(CatalogueAdmin):
    list_display = ["surface", "target", "article", "start", "end"]
    list_select_related = ["article", "person", "organisation", "place", "document"]
    list_filter = [MentionTargetFilter]
    search_fields = ["surface", "article__title"]
    autocomplete_fields = ["article", "person", "organisation", "place", "document"]
    changelist_defer = [*_deferred("article", ARTICLE_TEXT), *_deferred("document", DOCUMENT_TEXT)]
    fieldsets = [
        (None, {"fields": ["article", "surface", ("start", "end")]}),
        ("Names", {"fields": ["person", "organisation", "place", "document"]}),
    ]

    @admin.display(description="names")
    def target(self, obj):
        return obj.target


@admin.register(Statement)
class StatementAdmin(CatalogueAdmin):
    list_display = ["topic", "summary", "document", "article"]
    list_select_related = ["document", "article"]
    list_filter = ["topic"]
    search_fields = ["topic", "text", "document__title", "article__title"]
    autocomplete_fields = ["document", "article"]
    changelist_defer = [*_deferred("article", ARTICLE_TEXT), *_deferred("document", DOCUMENT_TEXT)]
    fields = ["document", "topic", "text", "article", ("start", "end")]

    @admin.display(description="text")
    def summary(self, obj):
        return Truncator(obj.text).chars(100)
