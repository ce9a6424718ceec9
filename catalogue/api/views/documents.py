"""/api/documents/: primary sources with their parties; citation formats."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view

from catalogue.filters import DocumentFilterSet
from catalogue.models import Document, DocumentAgent, links

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
        user = self.request.user
        if isinstance(getattr(self.request, "accepted_renderer", None), ExportRenderer):
            # The exports read document.agents.all(): the model's own prefetch.
            return queryset.with_agents(user)
        # A list shows each document's parties: one prefetch for the page, into
        # a plain list (to_attr), which spares Django a queryset per document.
        return queryset.prefetch_related(
            Prefetch(
                "agents",
                queryset=links(DocumentAgent, user).select_related("person", "organisation"),
                to_attr="visible_parties",
            )
        )
