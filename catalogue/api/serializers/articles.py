"""Articles: the list shape with authors, the detail shape with text,
mentions and citations."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalogue.models import Article, Organisation, Person

from ..links import api_url, link
from .common import (
    LinkField,
    LinkListField,
    LinkSerializer,
    RecordSerializer,
    identifier_field,
    identifier_list_field,
    string_list,
)
from .documents import DATE_FIELDS


class ArticleSerializer(RecordSerializer):
    basename = "article"
    publisher = LinkField(allow_null=True, help_text="The site or publisher of the text.")
    publisher_identifier = identifier_field(Organisation, "publisher")
    authors = LinkListField()
    author_identifiers = identifier_list_field(Person, "authors")
    source_url = serializers.URLField(
        source="url", max_length=1000, required=False, allow_blank=True
    )

    class Meta(RecordSerializer.Meta):
        model = Article
        fields = (
            *RecordSerializer.identity_fields,
            "title",
            "publisher",
            "publisher_identifier",
            "site_name",
            "source_url",
            "authors",
            "author_identifiers",
            "licence",
            "accessed",
            *DATE_FIELDS,
            *RecordSerializer.stamp_fields,
        )
        read_only_fields = (*RecordSerializer.Meta.read_only_fields, "date_earliest", "date_latest")


class MentionSerializer(serializers.Serializer):
    surface = serializers.CharField(help_text="The words as written.")
    start = serializers.IntegerField(help_text="Character offset in the source text.")
    end = serializers.IntegerField()
    record = serializers.SerializerMethodField()

    @extend_schema_field(LinkSerializer)
    def get_record(self, mention):
        return link(self.context["request"], mention.target)


class ArticleCitationSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    kind = serializers.CharField()
    footnote_label = serializers.CharField()
    reference_text = serializers.CharField()
    quoted_text = serializers.CharField()
    locator = serializers.CharField()
    quote_found = serializers.BooleanField(allow_null=True)
    cited_document = LinkField(allow_null=True)
    cited_work = serializers.CharField()

    def get_url(self, citation) -> str:
        return api_url(self.context["request"], "citation", citation.pk)


class ArticleDetailSerializer(ArticleSerializer):
    key_points = string_list()
    sections = serializers.ListField(
        child=serializers.DictField(),
        required=False,
        max_length=500,
        help_text=("Headed sections: {heading, text, start, end}."),
    )
    about_documents = LinkListField()
    mentions = MentionSerializer(many=True, read_only=True)
    citations = ArticleCitationSerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = (
            *ArticleSerializer.Meta.fields,
            "body",
            "sections",
            "key_points",
            "source_filename",
            "source_text",
            "source_sha256",
            "about_documents",
            "mentions",
            "citations",
        )
        read_only_fields = (*ArticleSerializer.Meta.read_only_fields, "source_sha256")
