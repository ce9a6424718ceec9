"""/api/repositories/ and /api/collections/: the holdings. Publishing a unit
goes through the services like every record; what the publication rule
refuses (a draft repository or parent, a missing ISAD(G) essential element)
is a JSON 400 naming it (api/errors.py)."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from catalogue.models import Collection, Repository

from ..serializers.holdings import (
    CollectionDetailSerializer,
    CollectionSerializer,
    RepositorySerializer,
)
from .base import RecordViewSet


@extend_schema_view(
    list=extend_schema(summary="List repositories", description="Holding institutions."),
    retrieve=extend_schema(summary="One repository, with its contact details"),
)
class RepositoryViewSet(RecordViewSet):
    model = Repository
    serializer_class = detail_serializer_class = RepositorySerializer


@extend_schema_view(
    list=extend_schema(
        summary="List collections",
        description="Units of description at every level, by reference code: filter by "
        "repository, by parent (one level down), within a unit (its whole subtree) or level.",
    ),
    retrieve=extend_schema(summary="One collection, with its whole ISAD(G) description"),
)
class CollectionViewSet(RecordViewSet):
    model = Collection
    serializer_class = CollectionSerializer
    detail_serializer_class = CollectionDetailSerializer
