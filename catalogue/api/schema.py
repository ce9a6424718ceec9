"""The OpenAPI schema states every response the API can give: the error
statuses with their JSON bodies, 304 and the ETag/Retry-After headers, the
precondition headers, and what each citation format's body is."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly

from .renderers import ExportRenderer

DETAIL = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
FIELD_ERRORS = {
    "type": "object",
    "description": (
        "A list of messages per field or query parameter (non_field_errors for the whole "
        "body), or {detail: message} for a body that could not be read."
    ),
    "additionalProperties": {
        "oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}},
            {"type": "object"},
        ]
    },
}
NO_NUL = r"^[^\u0000]*$"
ETAG = {
    "description": 'The version of this representation, e.g. "v3"; send it back in If-Match.',
    "schema": {"type": "string"},
    "required": True,
}
LOCATION = {
    "description": "The new record's API resource.",
    "schema": {"type": "string", "format": "uri"},
    "required": True,
}
RETRY_AFTER = {
    "description": "Seconds to wait before the next request.",
    "schema": {"type": "integer"},
    "required": True,
}

READ_ERRORS = {
    "400": ("A query parameter is not valid.", FIELD_ERRORS),
    "401": ("The token or session sent is not valid.", DETAIL),
    "404": (
        "No such record, or not published, or no such ?format, or a cursor that names no page.",
        DETAIL,
    ),
    "406": ("None of the media types in Accept can be given.", DETAIL),
    "429": ("Too many requests; see Retry-After.", DETAIL),
}
WRITE_ERRORS = {
    **READ_ERRORS,
    "400": ("The body is not valid: a message per field.", FIELD_ERRORS),
    "401": ("Authentication is needed to change records.", DETAIL),
    "403": ("The account lacks the permission (or the publish permission), or CSRF.", DETAIL),
    "409": ("Other records still link to this one, or the change conflicts.", DETAIL),
    "415": ("The body's media type is not accepted (send JSON).", DETAIL),
}
CHANGE_ERRORS = {
    **WRITE_ERRORS,
    "412": ("If-Match names an older version: the record changed; nothing was saved.", DETAIL),
    "428": ("If-Match is missing: GET the record and send its ETag.", DETAIL),
}


def _empty_means_absent(parameter):
    """The filters, the paginator and ?format= read `name=` as not given (a
    browser's form sends its empty fields): say so for every query parameter
    whose schema would otherwise refuse the empty string. Lists (?kind=) are
    the exception: an empty item is refused."""
    schema = parameter.get("schema", {})
    if parameter["in"] != "query" or schema.get("type") == "array":
        return parameter
    if "enum" in schema and "" not in schema["enum"]:
        schema = {**schema, "enum": [*schema["enum"], ""]}
    elif schema.get("type") in {"integer", "number", "boolean"}:
        schema = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
    return {**parameter, "schema": schema}


class CatalogueAutoSchema(AutoSchema):
    def _action(self):
        return getattr(self.view, "action", None)

    def map_parsers(self):
        # Clients send JSON; the form parsers are there for the browsable
        # API's own forms, where every value is text and a schema's types
        # could not hold.
        return [media_type for media_type in super().map_parsers() if "json" in media_type]

    def get_auth(self):
        # Anonymous clients read published records: on a read the token or
        # session is optional ({}), which drf-spectacular cannot tell from this
        # permission class on its own.
        auths = super().get_auth()
        anonymous_reads = any(
            isinstance(p, DjangoModelPermissionsOrAnonReadOnly) for p in self.view.get_permissions()
        )
        if anonymous_reads and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_filter_parameters(self):
        """The FilterSet's own limits (max_length, min_value, max_value) in the
        schema, so that a value within them is one the API takes."""
        parameters = super()._get_filter_parameters()
        filters = getattr(self.view, "filterset_class", None)
        filters = filters.base_filters if filters else {}
        for parameter in parameters:
            extra = filters[parameter["name"]].extra if parameter["name"] in filters else {}
            limits = {
                "maxLength": extra.get("max_length"),
                "minimum": extra.get("min_value"),
                "maximum": extra.get("max_value"),
            }
            limits = {name: value for name, value in limits.items() if value is not None}
            schema = parameter["schema"]
            if schema.get("type") == "string" and not {"enum", "pattern"} & set(schema):
                # Django's form fields refuse a NUL character in any text.
                limits["pattern"] = NO_NUL
            parameter["schema"] = {**schema, **limits}
        return parameters

    def _get_parameters(self):
        return [_empty_means_absent(p) for p in super()._get_parameters()]

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        action = self._action()
        if action == "retrieve":
            parameters.append(
                OpenApiParameter(
                    "If-None-Match",
                    str,
                    OpenApiParameter.HEADER,
                    description="An ETag from an earlier response: 304 if still current.",
                )
            )
        if action in {"update", "partial_update", "destroy"}:
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    str,
                    OpenApiParameter.HEADER,
                    required=True,
                    description="The ETag of the version being changed. Without it: 428; "
                    "stale: 412.",
                )
            )
        if action in {"list", "retrieve"}:
            formats = [r.format for r in self.view.get_renderers() if r.format != "api"]
            if len(formats) > 1:
                parameters.append(
                    OpenApiParameter(
                        "format",
                        str,
                        OpenApiParameter.QUERY,
                        enum=formats,
                        description="Representation, as an alternative to the Accept header.",
                    )
                )
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        action = self._action()
        if action is None:
            return responses
        for code in ("200", "201"):
            if code in responses:
                self._export_schemas(responses[code], writes=action not in {"list", "retrieve"})
                if action != "list":
                    responses[code].setdefault("headers", {})["ETag"] = ETAG
                if code == "201":
                    responses[code]["headers"]["Location"] = LOCATION
        errors = READ_ERRORS
        if action == "create":
            errors = WRITE_ERRORS
        elif action in {"update", "partial_update", "destroy"}:
            errors = CHANGE_ERRORS
        if action == "retrieve":
            responses["304"] = {
                "description": "Not modified: If-None-Match names the current version.",
                "headers": {"ETag": ETAG},
            }
        for code, (description, schema) in errors.items():
            response = {
                "description": description,
                "content": {"application/json": {"schema": schema}},
            }
            if code == "429":
                response["headers"] = {"Retry-After": RETRY_AFTER}
            responses.setdefault(code, response)
        return responses

    def _export_schemas(self, response, writes):
        """Citation formats are not the serializer's shape: say what their bodies
        are; a write answers in JSON only."""
        content = response.get("content", {})
        for renderer in self.view.get_renderers():
            if isinstance(renderer, ExportRenderer) and renderer.media_type in content:
                if writes:
                    del content[renderer.media_type]
                else:
                    content[renderer.media_type] = {"schema": renderer.openapi_schema}
