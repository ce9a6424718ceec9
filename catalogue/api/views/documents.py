"""/api/documents/: primary sources with their parties; citation formats."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from catalogue.filters import DocumentFilterSet
from catalogue.models import Document

from ..renderers import BibTeXRenderer, CSLJSONRenderer, RISRenderer
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
        if self.action == "list":
            # A list shows each document's parties: one prefetch for the page.
            queryset = queryset.with_agents(self.request.user)
        return queryset
