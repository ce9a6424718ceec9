"""Citations: one work citing another. They have no identifier of their
own (they are links between records), so their address uses their id."""

from rest_framework import serializers

from catalogue.models import Article, Citation, Document

from ..links import api_url
from .common import FIELD_MAPPING, LinkField, identifier_field


class CitationSerializer(serializers.ModelSerializer):
    serializer_field_mapping = FIELD_MAPPING
    url = serializers.SerializerMethodField(help_text="This resource.")
    citing_article = LinkField(allow_null=True)
    citing_document = LinkField(allow_null=True)
    cited_document = LinkField(allow_null=True)
    citing_article_identifier = identifier_field(Article, "citing_article")
    citing_document_identifier = identifier_field(Document, "citing_document")
    cited_document_identifier = identifier_field(Document, "cited_document")

    class Meta:
        model = Citation
        fields = (
            "url",
            "id",
            "kind",
            "citing_article",
            "citing_article_identifier",
            "citing_document",
            "citing_document_identifier",
            "cited_document",
            "cited_document_identifier",
            "cited_work",
            "footnote_label",
            "reference_text",
            "quoted_text",
            "locator",
            "quote_found",
            "source_start",
            "source_end",
        )
        read_only_fields = ("id", "quote_found")
        # The same bound on both databases (SQLite would take larger numbers).
        extra_kwargs = {
            "source_start": {"max_value": 2**31 - 1},
            "source_end": {"max_value": 2**31 - 1},
        }

    def get_url(self, citation) -> str:
        return api_url(self.context["request"], "citation", citation.pk)

    def validate(self, data):
        # The database refuses these too; saying so here gives a 400 with the field.
        merged = {
            name: data.get(name, getattr(self.instance, name, None))
            for name in ("citing_article", "citing_document", "cited_document", "cited_work")
        }
        if not (merged["citing_article"] or merged["citing_document"]):
            raise serializers.ValidationError(
                {"citing_article_identifier": "A citation needs a citing article or document."}
            )
        if not (merged["cited_document"] or merged["cited_work"]):
            raise serializers.ValidationError(
                {"cited_document_identifier": "A citation needs a cited document or cited work."}
            )
        start = data.get("source_start", getattr(self.instance, "source_start", None))
        end = data.get("source_end", getattr(self.instance, "source_end", None))
        if start is not None and end is not None and end < start:
            raise serializers.ValidationError({"source_end": "The end comes after the start."})
        return data
