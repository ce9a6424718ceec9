"""Citation formats and linked data by content negotiation (Accept) or
?format=. The renderers only choose and encode: the shapes come from
catalogue/exports, so a record cites the same way on its page and here."""

import json

from lxml import etree
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer

from catalogue import exports
from catalogue.exports.xml import serialise
from catalogue.exports.xml_formats import OAI_BUILD, XML_FORMATS, formats_for
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


class XMLExportRenderer(ExportRenderer):
    """Dublin Core, EAC-CPF and EAD3 (catalogue/exports/xml_formats.py). A record
    is its own document; a page of records is their documents, one after the
    other, under a plain <records> element (each keeps its namespace). In a
    page a collection's EAD3 is the unit alone, as OAI-PMH gives it; its
    detail carries the whole subtree."""

    xml_format = None

    def export(self, request, record, **options):
        return self.xml_format.build(record, page_url(request, record), **options)

    def one(self, request, record):
        options = {"user": request.user} if self.xml_format.name == "ead3" else {}
        return serialise(self.export(request, record, **options))

    def many(self, request, records):
        build = OAI_BUILD.get(self.xml_format.name, self.xml_format.build)
        root = etree.Element("records")
        for record in records:
            root.append(build(record, page_url(request, record)))
        return serialise(root)

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return super().render(data, accepted_media_type, renderer_context)


def xml_renderer(xml_format):
    """The renderer class of one XML format (?format=dc, eac-cpf, ead3)."""
    name = "".join(part.capitalize() for part in xml_format.name.split("-"))
    return type(
        f"{name}XMLRenderer",
        (XMLExportRenderer,),
        {"xml_format": xml_format, "format": xml_format.name, "media_type": xml_format.media_type},
    )


XML_RENDERERS = {fmt.name: xml_renderer(fmt) for fmt in XML_FORMATS}


def xml_renderers_for(model):
    """The XML renderers that apply to records of `model`."""
    return [XML_RENDERERS[fmt.name] for fmt in formats_for(model._meta.model_name)]


class BrowsableRenderer(BrowsableAPIRenderer):
    """The browsable API with the raw JSON form only: an HTML form would list
    every place and person in a select box on each page."""

    def get_rendered_html_form(self, data, view, method, request):
        return None
