"""Simple Dublin Core for every catalogue record, as the `oai_dc:dc` element
OAI-PMH harvesters read (the same document is the page's and the API's
Dublin Core download). The README maps each field to its element."""

from lxml import etree

from ..models import Article, Collection, Document, Organisation, Person, Place, Repository
from .citation import creator_records
from .xml import XSI, qname, sub

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

# dc:type: the DCMI Type Vocabulary term for each kind of record, then its own label.
DCMI_TYPE = {
    Document: "Text",
    Article: "Text",
    Collection: "Collection",
}


def _access(record):
    """dc:rights and dc:format from the physical description and access fields."""
    values = []
    if record.rights_label or record.rights_uri:
        values += [("rights", v) for v in (record.rights_label, record.rights_uri) if v]
    for text in (record.access_conditions, record.reproduction_conditions):
        if text:
            values.append(("rights", text))
    if record.extent_and_medium:
        values.append(("format", record.extent_and_medium))
    return values


def _authority(record):
    values = [("title", record.name), *(("title", v) for v in record.variants if v)]
    values.append(("type", str(record._meta.verbose_name).capitalize()))
    if isinstance(record, Person) and record.life_dates_edtf:
        values.append(("date", record.life_dates_edtf))
    for text in (record.description, getattr(record, "biography", "")):
        if text:
            values.append(("description", text))
    if isinstance(record, Repository):
        if record.code:
            values.append(("identifier", record.code))
        if record.url:
            values.append(("relation", record.url))
    if record.wikidata:
        values.append(("relation", f"https://www.wikidata.org/wiki/{record.wikidata}"))
    if getattr(record, "viaf", ""):
        values.append(("relation", f"https://viaf.org/viaf/{record.viaf}"))
    return values


def _document(record):
    values = [("title", record.title), *(("title", t) for t in record.other_titles or [] if t)]
    values += [("type", "Text"), ("type", record.get_kind_display())]
    values += [("creator", str(c)) for c in creator_records(record)]
    if record.date_edtf:
        values.append(("date", record.date_edtf))
    if record.description:
        values.append(("description", record.description))
    if record.place:  # emptied when the place is a draft
        values.append(("coverage", str(record.place)))
    values += [("language", code) for code in record.languages or []]
    if record.shown_reference_code:  # no part of a draft collection's code
        values.append(("identifier", record.shown_reference_code))
    if record.collection:  # emptied when the collection is a draft
        values.append(("relation", record.collection.get_absolute_url()))
    return values + _access(record)


def _article(record):
    values = [("title", record.title), ("type", "Text")]
    values += [("creator", str(c)) for c in creator_records(record)]
    publisher = record.site_name or (str(record.publisher) if record.publisher else "")
    if publisher:
        values.append(("publisher", publisher))
    if record.date_edtf:
        values.append(("date", record.date_edtf))
    if record.url:
        values.append(("source", record.url))
    if record.licence:
        values.append(("rights", record.licence))
    return values


def _collection(record):
    values = [("title", record.title), ("type", "Collection"), ("type", record.get_level_display())]
    for creator in (record.creator_person, record.creator_organisation):
        if creator:  # emptied when a draft
            values.append(("creator", str(creator)))
    if record.date_edtf:
        values.append(("date", record.date_edtf))
    if record.scope_and_content:
        values.append(("description", record.scope_and_content))
    values += [("language", code) for code in record.languages or []]
    if record.full_reference_code:
        values.append(("identifier", record.full_reference_code))
    if record.shown_repository:  # emptied when a draft
        values.append(("publisher", str(record.shown_repository)))
    if record.parent:
        values.append(("relation", record.parent.get_absolute_url()))
    return values + _access(record)


def dc_values(record, url):
    """[(element, value)] of `record` in simple Dublin Core, the page's `url` first."""
    values = [("identifier", url), ("identifier", record.identifier)]
    if isinstance(record, (Person, Organisation, Place, Repository)):
        return values + _authority(record)
    if isinstance(record, Document):
        return values + _document(record)
    if isinstance(record, Article):
        return values + _article(record)
    if isinstance(record, Collection):
        return values + _collection(record)
    raise TypeError(f"No Dublin Core for {type(record).__name__}")


def dublin_core(record, url):
    """`record` as an `oai_dc:dc` element (lxml), relations as absolute URLs
    built from the page `url`'s origin."""
    root = etree.Element(qname(OAI_DC, "dc"), nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
    root.set(qname(XSI, "schemaLocation"), f"{OAI_DC} {OAI_DC_SCHEMA}")
    origin = url.split("/", 3)[:3]
    for element, value in dc_values(record, url):
        if element == "relation" and value.startswith("/"):
            value = "/".join(origin) + value
        sub(root, qname(DC, element), value)
    return root
