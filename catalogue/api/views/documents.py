"""/api/documents/: primary sources with their parties; citation formats."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from catalogue.models import Document, DocumentAgent, links

from ..links import link_from
from ..renderers import BibTeXRenderer, CSLJSONRenderer, RISRenderer
from ..serializers.documents import DocumentDetailSerializer, DocumentSerializer
from .base import RecordViewSet


@extend_schema_view(
    list=extend_schema(summary="List documents", description="Published documents, with parties."),
    retrieve=extend_schema(summary="One document, with excerpts, relations and citations"),
)
class DocumentViewSet(RecordViewSet):
    model = Document
    serializer_class = DocumentSerializer
    detail_serializer_class = DocumentDetailSerializer
    renderer_classes = [
        *RecordViewSet.renderer_classes,
        CSLJSONRenderer,
        BibTeXRenderer,
        RISRenderer,
    ]

    def add_summaries(self, documents):
        """Each document's parties, from plain rows read in one query."""
        parties = {document.pk: [] for document in documents}
        rows = links(DocumentAgent, self.request.user).summaries(parties)
        request = self.request
        for document_id, role, note, person, person_name, org, org_name in rows:
            parties[document_id].append(
                {
                    "role": role,
                    "note": note,
                    "person": link_from(request, "person", person, person_name),
                    "organisation": link_from(request, "organisation", org, org_name),
                }
            )
        for document in documents:
            document.party_summaries = parties[document.pk]
