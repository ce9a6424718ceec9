"""Every anonymous surface a published record shows up on: one list, so a new
surface (bulk downloads, OAI-PMH, IIIF...) is added here once and the
no-draft-through-a-link test checks it for every relation.

A surface is a function (record) -> URLs that show `record` to an anonymous
reader; each must answer 200."""

from urllib.parse import quote

from django.urls import reverse

from catalogue.models import Article, Document

API_BASENAMES = {
    "document": "documents",
    "article": "articles",
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "repository": "repositories",
    "collection": "collections",
}
# The citation formats the API offers per record type (JSON-LD for all).
CITABLE = ("csl-json", "bibtex", "ris", "jsonld")
API_FORMATS = {Document: CITABLE, Article: CITABLE}


def _name(record):
    return record._meta.model_name


def page(record):
    url = record.get_absolute_url()  # the page carries the JSON-LD and "Cite this"
    return [url, *(f"{url}cite.{fmt}" for fmt in ("bib", "ris", "json"))]


def browse_list(record):
    return [reverse(f"catalogue:{_name(record)}-list")]


def search_page(record):
    return [f"{reverse('catalogue:search')}?q={quote(str(record))}"]


def api(record):
    base = f"/api/{API_BASENAMES[_name(record)]}/"
    detail = f"{base}{record.identifier}/"
    formats = API_FORMATS.get(type(record), ("jsonld",))
    urls = [base, detail]
    urls += [f"{url}?format={fmt}" for url in (base, detail) for fmt in formats]
    return urls


def site(record):
    """Pages that list across record types."""
    return ["/", reverse("catalogue:timeline"), "/sitemap.xml", "/api/citations/"]


def iiif(record):
    """A document's IIIF manifest and its scans' info.json, where it has scans (the
    no-draft test gives its documents one). Tiles are pictures: no text to leak."""
    if not isinstance(record, Document):
        return []
    urls = []
    for image_id in record.images.values_list("pk", flat=True):
        urls.append(f"/iiif/image/{image_id}/info.json")
    if urls:
        urls.append(f"/iiif/documents/{record.identifier}/manifest.json")
    return urls


def xml_exports(record):
    """Dublin Core, EAC-CPF and EAD3 downloads of the record, where they apply."""
    from catalogue.exports.xml_formats import formats_for

    url = record.get_absolute_url()
    return [f"{url}export.{fmt.name}.xml" for fmt in formats_for(_name(record))]


def oai_pmh(record):
    """The record's OAI-PMH answers in every format that applies, and the lists."""
    from catalogue.exports.xml_formats import formats_for
    from catalogue.oai.protocol import repository_identifier

    class Host:  # the test client's host, as the endpoint will read it
        def get_host(self):
            return "testserver"

    identifier = quote(
        f"oai:{repository_identifier(Host())}:{_name(record)}/{record.identifier}", safe=""
    )
    urls = []
    for fmt in formats_for(_name(record)):
        urls.append(f"/oai/?verb=GetRecord&metadataPrefix={fmt.oai_prefix}&identifier={identifier}")
        urls.append(f"/oai/?verb=ListRecords&metadataPrefix={fmt.oai_prefix}")
    return urls + ["/oai/?verb=ListSets"]


SURFACES = [page, browse_list, search_page, api, site, iiif, xml_exports, oai_pmh]


def urls_showing(record):
    return [url for surface in SURFACES for url in surface(record)]
