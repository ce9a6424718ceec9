"""People, organisations and places: the controlled vocabulary."""

from catalogue.models import Organisation, Person, Place

from .common import RecordSerializer, string_list

NAME_FIELDS = ("name", "sort_name", "variants", "description", "wikidata")


class AuthoritySerializer(RecordSerializer):
    variants = string_list(help_text="Other spellings and forms of the name.")


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
