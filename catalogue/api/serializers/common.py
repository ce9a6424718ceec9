"""What every record serializer shares: links to other records as objects
with a URL and stable identifier, and identity fields. Serializers read and
validate; the viewsets write what they validated through the services."""

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..links import api_url, link, page_url


class LinkSerializer(serializers.Serializer):
    """The schema of a link; `LinkField` makes the dict itself (faster than a serializer)."""

    type = serializers.CharField(help_text="document, article, person, organisation or place")
    identifier = serializers.CharField(help_text="The record's stable public identifier.")
    name = serializers.CharField(help_text="Title or display name.")
    url = serializers.URLField(help_text="The record's API resource.")


@extend_schema_field(LinkSerializer)
class LinkField(serializers.Field):
    """A linked record, read-only, as {type, identifier, name, url}."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return link(self.context["request"], value)

    def get_attribute(self, instance):
        # A null foreign key gives None without asking the field to represent it.
        try:
            return super().get_attribute(instance)
        except AttributeError:
            return None


@extend_schema_field(serializers.ListSerializer(child=LinkSerializer()))
class LinkListField(serializers.Field):
    """Linked records from a prefetched relation, read-only."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        request = self.context["request"]
        return [link(request, record) for record in value.all()]


class TextField(serializers.CharField):
    """Text, and only text: DRF's CharField takes 0 or 1.5 and stores "0",
    where the schema says string."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


# What a ModelSerializer makes of the models' text columns.
FIELD_MAPPING = {
    **serializers.ModelSerializer.serializer_field_mapping,
    models.CharField: TextField,
    models.TextField: TextField,
}


def string_list(**kwargs):
    """A JSON list of strings (other titles, languages, name variants, key points)."""
    return serializers.ListField(
        child=TextField(max_length=1000), required=False, max_length=500, **kwargs
    )


def identifier_field(model, source, **kwargs):
    """A write-only field naming a linked record by its identifier."""
    kwargs.setdefault("required", False)
    kwargs.setdefault("allow_null", True)
    return serializers.SlugRelatedField(
        slug_field="identifier",
        queryset=model._default_manager.all(),
        source=source,
        write_only=True,
        **kwargs,
    )


class IdentifierListField(serializers.ManyRelatedField):
    """A JSON array of identifiers, and nothing else: DRF's many-field iterates
    whatever it is given, so a JSON object would pass as the list of its keys."""

    def to_internal_value(self, data):
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return super().to_internal_value(data)


def identifier_list_field(model, source, **kwargs):
    """A write-only list of linked records named by their identifiers."""
    kwargs.setdefault("required", False)
    return IdentifierListField(
        child_relation=serializers.SlugRelatedField(
            slug_field="identifier", queryset=model._default_manager.all()
        ),
        source=source,
        write_only=True,
        **kwargs,
    )


class RecordSerializer(serializers.ModelSerializer):
    """Identity, status and version of a catalogue record."""

    serializer_field_mapping = FIELD_MAPPING

    url = serializers.SerializerMethodField(help_text="This resource.")
    page = serializers.SerializerMethodField(help_text="The record's public page.")
    summary = serializers.CharField(
        read_only=True, help_text="The line a list shows under the name (the model's summary)."
    )
    basename = None

    identity_fields = ("url", "page", "identifier", "slug", "status", "version", "summary")
    stamp_fields = ("created", "modified")

    class Meta:
        read_only_fields = ("slug", "version", "created", "modified")
        extra_kwargs = {"identifier": {"required": False}}

    def get_url(self, record) -> str:
        return api_url(self.context["request"], self.basename, record.identifier)

    def get_page(self, record) -> str:
        return page_url(self.context["request"], record)

    def validate_identifier(self, value):
        if self.instance is not None and value and value != self.instance.identifier:
            raise serializers.ValidationError("An identifier never changes once made.")
        return value
