"""schema.org JSON-LD for every catalogue record."""

from ..models import Article, Document, Organisation, Person, Place
from .citation import creator_records

TYPES = {Article: "Article", Person: "Person", Organisation: "Organization", Place: "Place"}


def _schema_type(record):
    if isinstance(record, Document):
        return "NewsArticle" if record.kind == Document.Kind.NEWSPAPER_TEXT else "CreativeWork"
    return TYPES[type(record)]


# The IIIF manifest of a document's scans, as schema.org `subjectOf`: a work
# about the record, in the media type the IIIF specifications give a manifest
# (with its profile), as Linked Art's `subject_of` links a manifest to its object.
IIIF_MANIFEST_FORMAT = (
    'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
)


def jsonld(record, url, api_url=None, manifest_url=None):
    """A schema.org description (a dict) of any catalogue record; `manifest_url`
    is the IIIF manifest of a document's published scans, where it has one."""
    data = {
        "@context": "https://schema.org",
        "@type": _schema_type(record),
        "@id": url,
        "url": url,
        "identifier": record.identifier,
        "name": str(record),
    }
    if api_url:
        data["sameAs"] = [api_url]
    if isinstance(record, (Person, Organisation, Place)):
        if record.variants:
            data["alternateName"] = list(record.variants)
        if record.description:
            data["description"] = record.description
        if record.wikidata:
            data.setdefault("sameAs", []).append(f"https://www.wikidata.org/wiki/{record.wikidata}")
        return data
    if record.date_edtf:
        data["dateCreated"] = record.date_edtf
    creators = creator_records(record)
    if creators:
        data["author"] = [
            {"@type": TYPES[type(c)], "name": str(c), "identifier": c.identifier} for c in creators
        ]
    if isinstance(record, Document):
        data["genre"] = record.get_kind_display()
        if record.other_titles:
            data["alternateName"] = list(record.other_titles)
        if record.place:  # emptied when the place is a draft the reader may not see
            data["locationCreated"] = {"@type": "Place", "name": str(record.place)}
        if record.languages:
            data["inLanguage"] = list(record.languages)
        if record.description:
            data["description"] = record.description
        if manifest_url:
            data["subjectOf"] = {
                "@type": "CreativeWork",
                "name": "IIIF manifest",
                "url": manifest_url,
                "encodingFormat": IIIF_MANIFEST_FORMAT,
            }
    else:
        data["headline"] = record.title
        if record.site_name:
            data["publisher"] = {"@type": "Organization", "name": record.site_name}
        if record.source_sha256:
            data["sha256"] = record.source_sha256
    return data
