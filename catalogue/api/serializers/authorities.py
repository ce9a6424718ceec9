"""People, organisations and places: the controlled vocabulary."""

from rest_framework import serializers

from catalogue.models import Organisation, Person, Place

from .common import RecordSerializer

NAME_FIELDS = ("name", "sort_name", "variants", "description", "wikidata")


class AuthoritySerializer(RecordSerializer):
    def validate_variants(self, value):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise serializers.ValidationError("variants is a list of strings.")
        return value


class PersonSerializer(AuthoritySerializer):
    basename = "person"

    class Meta(RecordSerializer.Meta):
        model = Person
        fields = (
            *RecordSerializer.identity_fields,
            *NAME_FIELDS,
            "life_dates_edtf",
            "biography",
            "viaf",
            *RecordSerializer.stamp_fields,
        )
        extra_kwargs = {**RecordSerializer.Meta.extra_kwargs, "sort_name": {"required": False}}


class OrganisationSerializer(AuthoritySerializer):
    basename = "organisation"

    class Meta(RecordSerializer.Meta):
        model = Organisation
        fields = (
            *RecordSerializer.identity_fields,
            *NAME_FIELDS,
            "kind",
            "viaf",
            *RecordSerializer.stamp_fields,
        )
        extra_kwargs = PersonSerializer.Meta.extra_kwargs


class PlaceSerializer(AuthoritySerializer):
    basename = "place"

    class Meta(RecordSerializer.Meta):
        model = Place
        fields = (
            *RecordSerializer.identity_fields,
            *NAME_FIELDS,
            "kind",
            "geonames",
            *RecordSerializer.stamp_fields,
        )
        extra_kwargs = PersonSerializer.Meta.extra_kwargs
