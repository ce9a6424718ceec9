"""Documents: the list shape with their parties, the detail shape with
excerpts, relations, citations, statements and scans."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalogue.iiif.manifest import manifest_url, tiled_images
from catalogue.models import Collection, Document, Place

from ..links import api_url, link
from .common import LinkField, RecordSerializer, identifier_field, string_list

DATE_FIELDS = ("date_written", "date_edtf", "date_earliest", "date_latest")


class PartySerializer(serializers.Serializer):
    """A person or organisation involved in a document (exactly one of the two is set)."""

    role = serializers.CharField()
    note = serializers.CharField()
    person = LinkField(allow_null=True)
    organisation = LinkField(allow_null=True)


@extend_schema_field(PartySerializer(many=True))
class PartiesField(serializers.Field):
    """A document's parties, built as plain dicts: on a page of fifty documents
    this is the hottest loop, and a nested serializer per party costs several
    times the database work (measured with bench/run.py)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, document):
        summaries = getattr(document, "party_summaries", None)
        if summaries is not None:
            return summaries  # made by the list view in one query
        request = self.context["request"]
        agents = document.agents.all()
        return [
            {
                "role": agent.role,
                "note": agent.note,
                "person": link(request, agent.person),
                "organisation": link(request, agent.organisation),
            }
            for agent in agents
        ]


class DocumentSerializer(RecordSerializer):
    basename = "document"
    place = LinkField(allow_null=True, help_text="Where the document was made or signed.")
    place_identifier = identifier_field(Place, "place")
    parties = PartiesField()
    other_titles = string_list()
    languages = string_list(help_text="Language codes (ISO 639), e.g. ru, ja.")
    collection = LinkField(
        allow_null=True, help_text="The unit it is filed in; null when none (or a draft)."
    )
    collection_identifier = identifier_field(Collection, "collection")
    full_reference_code = serializers.CharField(
        source="shown_reference_code",
        read_only=True,
        help_text="The collection's full code and the document's own, e.g. JP-1/F12/S3/7.",
    )

    class Meta(RecordSerializer.Meta):
        model = Document
        fields = (
            *RecordSerializer.identity_fields,
            "title",
            "other_titles",
            "kind",
            *DATE_FIELDS,
            "place",
            "place_identifier",
            "languages",
            "description",
            "parties",
            "collection",
            "collection_identifier",
            "collection_position",
            "reference_code",
            "full_reference_code",
            "extent_and_medium",
            "access_conditions",
            "reproduction_conditions",
            "rights_uri",
            "rights_label",
            *RecordSerializer.stamp_fields,
        )
        read_only_fields = (*RecordSerializer.Meta.read_only_fields, "date_earliest", "date_latest")


class ExcerptSerializer(serializers.Serializer):
    text = serializers.CharField()
    locator = serializers.CharField()
    provenance = serializers.CharField()
    source_article = LinkField(allow_null=True)


class RelationOutSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="e.g. accompanied-by: this document is accompanied by")
    document = LinkField(source="target")
    note = serializers.CharField()


class RelationInSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="e.g. accompanied-by: that document is accompanied by")
    document = LinkField(source="source")
    note = serializers.CharField()


class CitedBySerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    kind = serializers.CharField()
    citing_article = LinkField(allow_null=True)
    citing_document = LinkField(allow_null=True)
    locator = serializers.CharField()
    quoted_text = serializers.CharField()
    quote_found = serializers.BooleanField(allow_null=True)

    def get_url(self, citation) -> str:
        return api_url(self.context["request"], "citation", citation.pk)


class StatementSerializer(serializers.Serializer):
    topic = serializers.CharField()
    text = serializers.CharField()
    article = LinkField()


class ImageSerializer(serializers.Serializer):
    caption = serializers.CharField()
    alt_text = serializers.CharField()
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    sha256 = serializers.CharField(help_text="Checksum of the master scan.")
    display = serializers.SerializerMethodField(help_text="The served copy, without metadata.")
    thumbnail = serializers.SerializerMethodField()

    def _file_url(self, file):
        return self.context["request"].build_absolute_uri(file.url) if file else None

    def get_display(self, image) -> str | None:
        return self._file_url(image.display)

    def get_thumbnail(self, image) -> str | None:
        return self._file_url(image.thumbnail)


class DocumentDetailSerializer(DocumentSerializer):
    excerpts = ExcerptSerializer(many=True, read_only=True)
    relations = RelationOutSerializer(source="relations_out", many=True, read_only=True)
    related_from = RelationInSerializer(source="relations_in", many=True, read_only=True)
    cited_by = CitedBySerializer(many=True, read_only=True)
    statements = StatementSerializer(many=True, read_only=True)
    images = ImageSerializer(many=True, read_only=True)
    iiif_manifest = serializers.SerializerMethodField(
        help_text="The IIIF Presentation 3.0 manifest of the scans; null without tiled scans."
    )

    class Meta(DocumentSerializer.Meta):
        fields = (
            *DocumentSerializer.Meta.fields,
            "transcription",
            "transcription_provenance",
            "excerpts",
            "relations",
            "related_from",
            "cited_by",
            "statements",
            "images",
            "iiif_manifest",
        )

    def get_iiif_manifest(self, document) -> str | None:
        if not tiled_images(document):
            return None
        return manifest_url(self.context["request"], document)
