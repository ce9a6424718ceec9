"""Repositories and collections (holdings): the ISAD(G) description of a unit,
its place in the tree and where it is held. Links to other records are read
through the relation, so a link to a draft reads null for readers who may not
see drafts (the querysets empty it)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from catalogue.models import Collection, Organisation, Person, Repository

from .authorities import NAME_FIELDS, AuthoritySerializer, PersonSerializer
from .common import LinkField, RecordSerializer, identifier_field, string_list

DATE_FIELDS = ("date_written", "date_edtf", "date_earliest", "date_latest")
ACCESS_FIELDS = (
    "extent_and_medium",
    "access_conditions",
    "reproduction_conditions",
    "rights_uri",
    "rights_label",
)


class RepositorySerializer(AuthoritySerializer):
    basename = "repository"

    class Meta(RecordSerializer.Meta):
        model = Repository
        fields = (
            *RecordSerializer.identity_fields,
            *NAME_FIELDS,
            "code",
            "address",
            "url",
            "email",
            "telephone",
            *RecordSerializer.stamp_fields,
        )
        extra_kwargs = PersonSerializer.Meta.extra_kwargs


class CollectionSerializer(RecordSerializer):
    basename = "collection"
    repository = LinkField(help_text="The holding institution.")
    repository_identifier = identifier_field(
        Repository, "repository", allow_null=False, help_text="Set the repository (identifier)."
    )
    parent = LinkField(allow_null=True, help_text="The unit this one is part of; null at the top.")
    parent_identifier = identifier_field(Collection, "parent")
    creator_person = LinkField(allow_null=True)
    creator_person_identifier = identifier_field(Person, "creator_person")
    creator_organisation = LinkField(allow_null=True)
    creator_organisation_identifier = identifier_field(Organisation, "creator_organisation")
    languages = string_list(help_text="Language codes (ISO 639), e.g. ja, ru.")

    class Meta(RecordSerializer.Meta):
        model = Collection
        fields = (
            *RecordSerializer.identity_fields,
            "repository",
            "repository_identifier",
            "parent",
            "parent_identifier",
            "position",
            "level",
            "reference_code",
            "full_reference_code",
            "title",
            *DATE_FIELDS,
            *ACCESS_FIELDS,
            "creator_person",
            "creator_person_identifier",
            "creator_organisation",
            "creator_organisation_identifier",
            "scope_and_content",
            "languages",
            *RecordSerializer.stamp_fields,
        )
        read_only_fields = (
            *RecordSerializer.Meta.read_only_fields,
            "full_reference_code",
            "date_earliest",
            "date_latest",
        )

    def validate(self, attrs):
        """The unit's own rules (models.Collection.clean: same repository as its
        parent, not moved inside itself, a unique reference code there) on the
        values it would have: a 400 naming the problem, nothing saved."""
        attrs = super().validate(attrs)
        if self.instance is None and "repository" not in attrs:
            raise serializers.ValidationError({"repository_identifier": "This field is required."})
        # A copy with the new values: the row itself changes only in the service.
        candidate = Collection()
        if self.instance is not None:
            for field in Collection._meta.concrete_fields:
                setattr(candidate, field.attname, getattr(self.instance, field.attname))
            candidate._state.adding = False  # its own row is no duplicate of it
        names = {field.name for field in Collection._meta.concrete_fields}
        for name, value in attrs.items():
            if name in names:
                setattr(candidate, name, value)
        # Publication is the service's question (with its own message); this is the shape.
        candidate.status = Collection._meta.get_field("status").default
        try:
            candidate.clean()
            candidate.validate_constraints()
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        return attrs


class CollectionDetailSerializer(CollectionSerializer):
    """The whole description, area by area (ISAD(G); the README maps each element)."""

    class Meta(CollectionSerializer.Meta):
        fields = (
            *CollectionSerializer.Meta.fields,
            *(name for name in Collection.DESCRIPTION_TEXTS if name != "scope_and_content"),
            "rules_conventions",
        )
