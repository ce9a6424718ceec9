"""What every resource does: list through the listing pipeline (the pages'
FilterSet, sorts and keyset paging), open details from detail_for, tag details with ETags,
require If-Match on changes, write through the services, and render the
citation formats through catalogue/exports.

Serializers only validate; the viewset hands what they validated to the
services (catalogue/services/records.py, links.py), which own the
transaction, the version check and the many-to-many links."""

import re

from rest_framework import status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import SAFE_METHODS
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from catalogue.models import Status
from catalogue.models.base import IDENTIFIER_RE
from catalogue.record_types import by_model
from catalogue.services import links, records

from ..conditional import etag, expected_version, not_modified
from ..pagination import KeysetPagination
from ..renderers import BrowsableRenderer, ExportRenderer, JSONLDRenderer, xml_renderers_for


class CatalogueViewSet(viewsets.ModelViewSet):
    """Shared behaviour; subclasses name the model, serializers and renderers."""

    model = None
    serializer_class = None
    detail_serializer_class = None
    pagination_class = KeysetPagination
    renderer_classes = [JSONRenderer, BrowsableRenderer]
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    @property
    def filterset_class(self):
        # Read by the OpenAPI schema, which documents the FilterSet's parameters.
        return by_model(self.model).filterset

    # Actions that change a record: they read the bare row to change, and the
    # detail's joins only once, for the answer (`_written`).
    write_actions = {"update", "partial_update", "destroy"}

    def get_queryset(self):
        user = self.request.user
        if self.action in self.write_actions:
            return self.model.objects.visible_to(user)
        if self.action != "list":
            return self.model.objects.detail_for(user)
        queryset = self.model.objects.listing_for(user)
        if isinstance(getattr(self.request, "accepted_renderer", None), ExportRenderer):
            # The citation formats read more than the list's JSON (a document's parties).
            queryset = queryset.for_export(user)
        return queryset

    # Any path segment reaches the view, so that an address no record could
    # have is a JSON 404 like any other, and is refused before the database.
    lookup_value_regex = "[^/]+"
    lookup_pattern = None

    def get_object(self, queryset=None):
        """The addressed record from `queryset` (default: the action's, get_queryset())."""
        value = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, "")
        if not self.lookup_pattern.fullmatch(value):
            raise NotFound()
        if queryset is None:
            return super().get_object()
        record = get_object_or_404(queryset, **{self.lookup_field: value})
        self.check_object_permissions(self.request, record)
        return record

    def get_bare_object(self):
        """The addressed record as its reader may see it, without the detail's joins
        and prefetches: one query, for what a conditional GET compares. A record's
        tag is its version; a link row's is a digest of all its stored fields."""
        queryset = self.model.objects.visible_to(self.request.user).select_related(None)
        if any(f.name == "version" for f in self.model._meta.concrete_fields):
            queryset = queryset.only("version")
        return self.get_object(queryset)

    def filter_queryset(self, queryset):
        # A detail address names one record whatever the query string; lists
        # filter in the listing pipeline (see list()).
        return queryset

    def get_serializer_class(self):
        return self.serializer_class if self.action == "list" else self.detail_serializer_class

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors are JSON whatever format was asked for: a BibTeX 404 has no meaning.
        # A write answers with the record as JSON, whatever format was asked for.
        if isinstance(getattr(request, "accepted_renderer", None), ExportRenderer) and (
            response.status_code >= 400 or request.method not in SAFE_METHODS
        ):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        # The paginator runs the listing pipeline: filters, search, sort and page in one.
        page = self.paginate_queryset(self.get_queryset())
        renderer = request.accepted_renderer
        if isinstance(renderer, ExportRenderer):
            links = [
                f'<{url}>; rel="{rel}"'
                for rel, url in (
                    ("next", self.paginator.get_next_link()),
                    ("prev", self.paginator.get_previous_link()),
                )
                if url
            ]
            headers = {"Link": ", ".join(links)} if links else None
            return Response(renderer.many(request, page), headers=headers)
        self.add_summaries(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def add_summaries(self, records):
        """Attach what a list shows beside each record's own fields (one query each)."""

    def retrieve(self, request, *args, **kwargs):
        renderer = request.accepted_renderer
        if request.headers.get("If-None-Match"):
            # Answered from the version alone: the detail's eight queries only
            # when the reader's copy is stale.
            current = self.get_bare_object()
            if not_modified(request, current, renderer):
                headers = {"ETag": etag(current, renderer)}
                return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
        record = self.get_object()
        headers = {"ETag": etag(record, renderer)}
        if isinstance(renderer, ExportRenderer):
            return Response(renderer.one(request, record), headers=headers)
        return Response(self.get_serializer(record).data, headers=headers)

    def _written(self, record, code):
        """The record as its reader now sees it, with its new ETag: read once, with the joins."""
        fresh = self.model.objects.detail_for(self.request.user).filter(pk=record.pk).first()
        fresh = fresh or record
        data = self.get_serializer(fresh).data
        headers = {"ETag": etag(fresh)}
        if code == status.HTTP_201_CREATED:
            headers["Location"] = data["url"]
        return Response(data, status=code, headers=headers)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = self.create_record(dict(serializer.validated_data))
        return self._written(record, status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        record = self.get_object()
        expected = expected_version(request, record)
        serializer = self.get_serializer(record, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        self.update_record(record, dict(serializer.validated_data), expected)
        return self._written(record, status.HTTP_200_OK)

    def destroy(self, request, *args, **kwargs):
        record = self.get_object()
        self.delete_record(record, expected_version(request, record))
        return Response(status=status.HTTP_204_NO_CONTENT)


def _pop_many(model, data):
    """Take the many-to-many values out of validated `data`: they are set after the row."""
    names = {f.name for f in model._meta.many_to_many}
    return {name: data.pop(name) for name in list(data) if name in names}


class RecordViewSet(CatalogueViewSet):
    """Catalogue records: addressed by their stable identifier, versioned, with JSON-LD."""

    lookup_field = "identifier"
    lookup_pattern = IDENTIFIER_RE
    renderer_classes = [*CatalogueViewSet.renderer_classes, JSONLDRenderer]

    def __init_subclass__(cls, **kwargs):
        # Each record type's XML exports (Dublin Core for all, EAC-CPF, EAD3),
        # from the one table of formats, so a new record type gets its own.
        super().__init_subclass__(**kwargs)
        if cls.model is not None:
            extra = [r for r in xml_renderers_for(cls.model) if r not in cls.renderer_classes]
            cls.renderer_classes = [*cls.renderer_classes, *extra]

    def get_queryset(self):
        queryset = super().get_queryset()
        renderer = getattr(self.request, "accepted_renderer", None)
        if self.action in ("list", "retrieve") and hasattr(renderer, "xml_format"):
            queryset = renderer.xml_format.prepare(
                queryset.for_export(self.request.user), self.request.user
            )
        return queryset

    def create_record(self, data):
        status, many = data.pop("status", Status.DRAFT), _pop_many(self.model, data)
        return records.record_create(
            record=self.model(**data), many=many, status=status, user=self.request.user
        )

    def update_record(self, record, data, expected):
        records.record_update(
            record=record,
            status=data.pop("status", None),
            many=_pop_many(self.model, data),
            changes=data,
            user=self.request.user,
            expected_version=expected,
        )

    def delete_record(self, record, expected):
        records.record_delete(record=record, expected_version=expected)


class LinkViewSet(CatalogueViewSet):
    """Link rows (citations): no version column, so the tag is a digest of the
    stored row, compared by the service under a row lock before the change."""

    lookup_pattern = re.compile(r"[1-9][0-9]{0,17}")

    def create_record(self, data):
        return links.link_create(link=self.model(**data))

    def update_record(self, record, data, expected):
        links.link_update(link=record, changes=data, expected=expected)

    def delete_record(self, record, expected):
        links.link_delete(link=record, expected=expected)
