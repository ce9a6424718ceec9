"""/api/documents/: primary sources with their parties; citation formats."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from catalogue.filters import DocumentFilterSet
from catalogue.models import Document, DocumentAgent, links

from ..links import link_from
from ..renderers import BibTeXRenderer, CSLJSONRenderer, ExportRenderer, RISRenderer
from ..serializers.documents import DocumentDetailSerializer, DocumentSerializer
from .base import RecordViewSet


@extend_schema_view(
    list=extend_schema(summary="List documents", description="Published documents, with parties."),
    retrieve=extend_schema(summary="One document, with excerpts, relations and citations"),
)
class DocumentViewSet(RecordViewSet):
    model = Document
    filterset_class = DocumentFilterSet
    serializer_class = DocumentSerializer
    detail_serializer_class = DocumentDetailSerializer
    renderer_classes = [
        *RecordViewSet.renderer_classes,
        CSLJSONRenderer,
        BibTeXRenderer,
        RISRenderer,
    ]

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action != "list":
            return queryset
        if isinstance(getattr(self.request, "accepted_renderer", None), ExportRenderer):
            # The exports read document.agents.all(): the model's own prefetch.
            return queryset.with_agents(self.request.user)
        # The transcription can be long, and a list does not show it.
        return queryset.defer("transcription")

    def add_summaries(self, documents):
        """Each document's parties, read as plain rows in one query.

        On a page of fifty documents this is the hottest path: a prefetch would
        build a model instance per party and per person or organisation, which
        cost more than the whole database work (measured with bench/run.py)."""
        parties = {document.pk: [] for document in documents}
        rows = (
            links(DocumentAgent, self.request.user)
            .filter(document_id__in=parties)
            .order_by("document_id", "order", "pk")
            .values_list("document_id", "role", "note", *PARTY_COLUMNS)
        )
        request = self.request
        for document_id, role, note, *agent in rows:
            parties[document_id].append(
                {
                    "role": role,
                    "note": note,
                    "person": link_from(request, "person", *agent[0:2]),
                    "organisation": link_from(request, "organisation", *agent[2:4]),
                }
            )
        for document in documents:
            document.party_summaries = parties[document.pk]


PARTY_COLUMNS = (
    "person__identifier",
    "person__name",
    "organisation__identifier",
    "organisation__name",
)
