"""Citation formats and linked data by content negotiation (Accept) or
?format=. The renderers only choose and encode: the shapes come from
catalogue/exports, so a record cites the same way on its page and here."""

import json

from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer

from catalogue import exports
from catalogue.iiif.manifest import manifest_url as iiif_manifest_url
from catalogue.iiif.manifest import tiled_images
from catalogue.models import Document

from .links import api_url, page_url


class ExportRenderer(BaseRenderer):
    """Renders records through an export function; errors fall back to JSON (see the views)."""

    charset = "utf-8"
    # What the body is, for the OpenAPI schema.
    openapi_schema = {"type": "string"}

    def export(self, request, record):
        raise NotImplementedError

    def many(self, request, records):
        return [self.export(request, record) for record in records]

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, str):
            return data.encode(self.charset)
        return json.dumps(data, ensure_ascii=False, indent=2).encode(self.charset)


class CSLJSONRenderer(ExportRenderer):
    """CSL-JSON: an array of items, as citation processors and reference managers read it."""

    media_type = "application/vnd.citationstyles.csl+json"
    format = "csl-json"
    openapi_schema = {"type": "array", "items": {"type": "object"}}

    def export(self, request, record):
        return exports.csl_json(record, page_url(request, record))

    def one(self, request, record):
        return [self.export(request, record)]


class TextExportRenderer(ExportRenderer):
    """Formats whose records are text entries one after another (BibTeX, RIS)."""

    # An empty body would lose its Content-Type (DRF drops it), so a list that
    # matches nothing answers with this valid, empty file instead.
    empty = "\n"

    def one(self, request, record):
        return self.export(request, record)

    def many(self, request, records):
        return "\n".join(super().many(request, records)) or self.empty


class BibTeXRenderer(TextExportRenderer):
    media_type = "application/x-bibtex"
    format = "bibtex"
    empty = "% No records match this request.\n"  # BibTeX skips text outside entries

    def export(self, request, record):
        return exports.bibtex(record, page_url(request, record))


class RISRenderer(TextExportRenderer):
    media_type = "application/x-research-info-systems"
    format = "ris"

    def export(self, request, record):
        return exports.ris(record, page_url(request, record))


class JSONLDRenderer(ExportRenderer):
    """schema.org JSON-LD; a page of records is one @graph."""

    media_type = "application/ld+json"
    format = "jsonld"
    openapi_schema = {"type": "object"}

    def export(self, request, record, manifest_url=None):
        return exports.jsonld(
            record,
            page_url(request, record),
            api_url=api_url(request, record._meta.model_name, record.identifier),
            manifest_url=manifest_url,
        )

    def one(self, request, record):
        # A document's detail has its scans at hand (detail_for); a list does
        # not, so only the detail names the IIIF manifest.
        manifest_url = None
        if isinstance(record, Document) and tiled_images(record):
            manifest_url = iiif_manifest_url(request, record)
        return self.export(request, record, manifest_url)

    def many(self, request, records):
        graph = []
        for item in super().many(request, records):
            item.pop("@context", None)
            graph.append(item)
        return {"@context": "https://schema.org", "@graph": graph}


class BrowsableRenderer(BrowsableAPIRenderer):
    """The browsable API with the raw JSON form only: an HTML form would list
    every place and person in a select box on each page."""

    def get_rendered_html_form(self, data, view, method, request):
        return None
