"""/api/articles/: secondary texts; the detail has their mentions and citations."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from catalogue.models import Article

from ..renderers import BibTeXRenderer, CSLJSONRenderer, RISRenderer
from ..serializers.articles import ArticleDetailSerializer, ArticleSerializer
from .base import RecordViewSet


@extend_schema_view(
    list=extend_schema(summary="List articles", description="Published articles, with authors."),
    retrieve=extend_schema(summary="One article, with its text, mentions and citations"),
)
class ArticleViewSet(RecordViewSet):
    model = Article
    serializer_class = ArticleSerializer
    detail_serializer_class = ArticleDetailSerializer
    renderer_classes = [
        *RecordViewSet.renderer_classes,
        CSLJSONRenderer,
        BibTeXRenderer,
        RISRenderer,
    ]
