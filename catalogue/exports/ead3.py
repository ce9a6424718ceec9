"""EAD3 for collections: the unit's ISAD(G) description as `archdesc` and,
for the full export, its published subtree as nested `c` components with
the published documents filed in each as item-level components. OAI-PMH
harvests every unit as its own record, so its `ead3` is the unit alone
(`components=False`): a page of records costs the same whatever the depth."""

import re

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from lxml import etree

from ..models import Collection, Document
from .xml import XSI, iso_datetime, qname, sub, xml_text

EAD = "http://ead3.archivists.org/schema/"
EAD_SCHEMA = "https://www.loc.gov/ead/ead3.xsd"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")

# ISAD(G) fields kept as text, in the order EAD3 lists its description
# elements, each as <element><p>text</p></element>.
DESCRIPTIVE = (
    ("custodhist", "archival_history"),
    ("acqinfo", "acquisition"),
    ("scopecontent", "scope_and_content"),
    ("appraisal", "appraisal"),
    ("accruals", "accruals"),
    ("arrangement", "arrangement"),
    ("accessrestrict", "access_conditions"),
    ("userestrict", "reproduction_conditions"),
    ("phystech", "physical_characteristics"),
    ("otherfindaid", "finding_aids"),
    ("originalsloc", "originals_location"),
    ("altformavail", "copies_location"),
    ("relatedmaterial", "related_units"),
    ("bibliography", "publication_note"),
    ("odd", "note"),
    ("processinfo", "archivist_note"),
)


def _e(tag):
    return qname(EAD, tag)


def _unitdate(did, record):
    if not (record.date_written or record.date_edtf):
        return
    normal = None
    if record.date_earliest and record.date_latest:
        normal = f"{record.date_earliest.isoformat()}/{record.date_latest.isoformat()}"
    sub(did, _e("unitdate"), record.date_display, normal=normal)


def _did(parent, record, url):
    did = sub(parent, _e("did"))
    code = record.full_reference_code or record.reference_code
    if code:
        sub(did, _e("unitid"), code)
    sub(did, _e("unitid"), url, localtype="uri")
    sub(did, _e("unittitle"), record.title)
    _unitdate(did, record)
    if record.extent_and_medium:
        physdesc = sub(did, _e("physdesc"), record.extent_and_medium)
        physdesc.set("label", "Extent and medium")
    if record.languages:
        langmaterial = sub(did, _e("langmaterial"))
        for code in record.languages:
            sub(
                langmaterial,
                _e("language"),
                code,
                langcode=code if LANGUAGE_CODE.match(code) else None,
            )
    return did


def _origination(did, record):
    creators = [
        ("persname", getattr(record, "creator_person", None)),
        ("corpname", getattr(record, "creator_organisation", None)),
    ]
    for tag, creator in creators:
        if creator:  # emptied when a draft
            origination = sub(did, _e("origination"))
            sub(sub(origination, _e(tag)), _e("part"), str(creator))


def _access_texts(parent, record):
    rights = " ".join(v for v in (record.rights_label, record.rights_uri) if v)
    for tag, field in DESCRIPTIVE:
        text = getattr(record, field, "")
        if field == "reproduction_conditions" and rights:
            text = "\n".join(t for t in (text, rights) if t)
        if text:
            sub(sub(parent, _e(tag)), _e("p"), text)


def _absolute(origin, record):
    return origin + record.get_absolute_url()


def _control(root, collection, url):
    control = sub(root, _e("control"))
    sub(control, _e("recordid"), collection.identifier)
    sub(sub(sub(control, _e("filedesc")), _e("titlestmt")), _e("titleproper"), collection.title)
    sub(control, _e("maintenancestatus"), value="revised" if collection.version > 1 else "new")
    agency = sub(control, _e("maintenanceagency"))
    # The repository maintains the description; where the reader may not see
    # it (a draft, emptied by visible_to) the catalogue names itself instead.
    repository = collection.shown_repository
    if repository is not None and repository.code:
        sub(agency, _e("agencycode"), repository.code)
    sub(agency, _e("agencyname"), str(repository or settings.CATALOGUE_SITE_NAME))
    if collection.rules_conventions:
        convention = sub(control, _e("conventiondeclaration"))
        sub(convention, _e("citation"), collection.rules_conventions)
    history = sub(control, _e("maintenancehistory"))
    for kind, when in (("created", collection.created), ("revised", collection.modified)):
        event = sub(history, _e("maintenanceevent"))
        sub(event, _e("eventtype"), value=kind)
        sub(event, _e("eventdatetime"), iso_datetime(when), standarddatetime=iso_datetime(when))
        sub(event, _e("agenttype"), value="machine")
        sub(event, _e("agent"), settings.CATALOGUE_SITE_NAME)


def _describe(element, record, origin):
    did = _did(element, record, _absolute(origin, record))
    if isinstance(record, Collection):
        _origination(did, record)
    elif record.description:
        sub(sub(element, _e("scopecontent")), _e("p"), record.description)
    _access_texts(element, record)


def ead3(collection, url, *, components=True, user=None):
    """`collection` as an `ead` element (lxml); with `components`, its subtree
    (units and documents `user` may see; anonymous by default) as nested `c`."""
    origin = "/".join(url.split("/", 3)[:3])
    root = etree.Element(_e("ead"), nsmap={None: EAD, "xsi": XSI})
    root.set(qname(XSI, "schemaLocation"), f"{EAD} {EAD_SCHEMA}")
    _control(root, collection, url)
    archdesc = sub(root, _e("archdesc"), level=collection.level)
    did = _did(archdesc, collection, url)
    if collection.shown_repository is not None:
        repository = sub(sub(did, _e("repository")), _e("corpname"))
        repository.append(_part(str(collection.shown_repository)))
    _origination(did, collection)
    _access_texts(archdesc, collection)
    if components:
        _components(archdesc, collection, origin, user or AnonymousUser())
    return root


def _part(text):
    part = etree.Element(_e("part"))
    part.text = xml_text(text)
    return part


def _components(archdesc, collection, origin, user):
    """The subtree below `collection` as nested <c> (two queries whatever its size)."""
    units = list(
        Collection.objects.visible_to(user)
        .subtree(collection, include_self=False)
        .order_by("tree_path")
    )
    unit_ids = [collection.pk, *(unit.pk for unit in units)]
    documents = (
        Document.objects.visible_to(user)
        .filter(collection_id__in=unit_ids)
        .defer("transcription")
        .order_by("collection_position", "title", "pk")
    )
    children, items = {}, {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    for document in documents:
        items.setdefault(document.collection_id, []).append(document)
    for siblings in children.values():
        siblings.sort(key=lambda unit: (unit.position, unit.pk))

    def add(parent_element, unit_id):
        for document in items.get(unit_id, []):
            component = sub(parent_element, _e("c"), level="item", id=document.identifier)
            _describe(component, document, origin)
        for unit in children.get(unit_id, []):
            component = sub(parent_element, _e("c"), level=unit.level, id=unit.identifier)
            _describe(component, unit, origin)
            add(component, unit.pk)

    dsc = etree.SubElement(archdesc, _e("dsc"))
    add(dsc, collection.pk)
    if len(dsc) == 0:
        archdesc.remove(dsc)
