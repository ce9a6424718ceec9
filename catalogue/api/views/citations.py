"""/api/citations/: who cites what, with the quoted words and locator."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from catalogue.models import Citation

from ..serializers.citations import CitationSerializer
from .base import LinkViewSet


@extend_schema_view(list=extend_schema(summary="List citations"))
class CitationViewSet(LinkViewSet):
    model = Citation
    serializer_class = detail_serializer_class = CitationSerializer
