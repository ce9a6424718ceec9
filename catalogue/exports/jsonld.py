"""schema.org JSON-LD for every catalogue record."""

from ..models import Article, Collection, Document, Organisation, Person, Place, Repository
from .citation import creator_records

TYPES = {
    Article: "Article",
    Person: "Person",
    Organisation: "Organization",
    Place: "Place",
    Repository: "ArchiveOrganization",
    Collection: "ArchiveComponent",
}


def _schema_type(record):
    if isinstance(record, Document):
        kind = "NewsArticle" if record.kind == Document.Kind.NEWSPAPER_TEXT else "CreativeWork"
        # Filed in a unit the reader may see: also a component of that archive.
        return [kind, "ArchiveComponent"] if record.collection else kind
    return TYPES[type(record)]


def _node(record):
    """A linked record as a node: its page (@id), type and name."""
    return {
        "@type": TYPES[type(record)],
        "@id": record.get_absolute_url(),
        "name": str(record),
        "identifier": record.identifier,
    }


def _absolute(node, url, record):
    # The node's @id as an absolute URL, made from the described record's own.
    node["@id"] = url.removesuffix(record.get_absolute_url()) + node["@id"]
    return node


def _holdings(record, url, data):
    """holdingArchive (the repository) and isPartOf (the unit above) of a
    collection or a filed document, where the reader may see them: the
    querysets empty links to drafts, so a draft unit leaves no node."""
    unit = record.parent if isinstance(record, Collection) else record.collection
    repository = record.shown_repository if isinstance(record, Collection) else None
    if unit is not None:
        data["isPartOf"] = _absolute(_node(unit), url, record)
        repository = repository or unit.shown_repository
    if repository is not None:
        data["holdingArchive"] = _absolute(_node(repository), url, record)
    code = (
        record.full_reference_code
        if isinstance(record, Collection)
        else record.shown_reference_code
    )
    if code:
        data["identifier"] = [
            record.identifier,
            {"@type": "PropertyValue", "propertyID": "reference code", "value": code},
        ]
    if record.extent_and_medium:
        data["materialExtent"] = record.extent_and_medium
    if record.access_conditions:
        data["conditionsOfAccess"] = record.access_conditions
    if record.rights_uri:
        data["license"] = record.rights_uri


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
    if isinstance(record, Repository):
        if record.code:
            data["identifier"] = [
                record.identifier,
                {"@type": "PropertyValue", "propertyID": "ISIL", "value": record.code},
            ]
        for field, key in (("url", "sameAs"), ("email", "email"), ("telephone", "telephone")):
            value = getattr(record, field)
            if value and key == "sameAs":
                data.setdefault("sameAs", []).append(value)
            elif value:
                data[key] = value
        if record.address:
            data["address"] = record.address
    if isinstance(record, (Person, Organisation, Place, Repository)):
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
    if isinstance(record, (Collection, Document)):
        _holdings(record, url, data)
    if isinstance(record, Collection):
        data["headline"] = record.title
        data["genre"] = record.get_level_display()
        if record.languages:
            data["inLanguage"] = list(record.languages)
        if record.scope_and_content:
            data["description"] = record.scope_and_content
    elif isinstance(record, Document):
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
