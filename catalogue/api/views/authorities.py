"""/api/people/, /api/organisations/, /api/places/: the authority records."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from catalogue.models import Organisation, Person, Place

from ..serializers.authorities import OrganisationSerializer, PersonSerializer, PlaceSerializer
from .base import RecordViewSet


@extend_schema_view(list=extend_schema(summary="List people"))
class PersonViewSet(RecordViewSet):
    model = Person
    serializer_class = detail_serializer_class = PersonSerializer


@extend_schema_view(list=extend_schema(summary="List organisations"))
class OrganisationViewSet(RecordViewSet):
    model = Organisation
    serializer_class = detail_serializer_class = OrganisationSerializer


@extend_schema_view(list=extend_schema(summary="List places"))
class PlaceViewSet(RecordViewSet):
    model = Place
    serializer_class = detail_serializer_class = PlaceSerializer
