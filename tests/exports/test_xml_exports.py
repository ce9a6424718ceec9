"""Dublin Core, EAC-CPF and EAD3 downloads (page and API): well-formed,
namespaced, hostile strings escaped and read back to the same values, linked
drafts left out."""

import importlib.util
from pathlib import Path

import pytest
from lxml import etree

from catalogue.models import DocumentAgent, Status
from tests import factories

pytestmark = pytest.mark.django_db
DC = "{http://purl.org/dc/elements/1.1/}"
EAC = "{urn:isbn:1-931666-33-4}"
EAD = "{http://ead3.archivists.org/schema/}"
EAD3_XSD = Path(importlib.util.find_spec("ead").submodule_search_locations[0]) / (
    "management/commands/ead3.xsd"
)
# Markup, entities, a CDATA end, quotes of both kinds, and a control character
# XML cannot carry (exported as U+FFFD, the one change made to a value).
HOSTILE = "<b>&amp; \"x\" 'y' ]]> &#0; \x01 end"
AS_READ = HOSTILE.replace("\x01", "\ufffd")


def download(client, record, fmt):
    response = client.get(f"{record.get_absolute_url()}export.{fmt}.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert f'filename="{record.identifier}.{fmt}.xml"' in response["Content-Disposition"]
    return etree.fromstring(response.content)


def test_dublin_core_reads_back_hostile_values(client):
    place = factories.make_place(status=Status.PUBLISHED, name=HOSTILE)
    document = factories.make_document(
        status=Status.PUBLISHED,
        title=HOSTILE,
        other_titles=[HOSTILE + "2"],
        description=HOSTILE,
        place=place,
        languages=["ja"],
        access_conditions=HOSTILE,
        extent_and_medium=HOSTILE,
        date_edtf="1956-10-19",
    )
    root = download(client, document, "dc")
    assert root.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"
    values = {}
    for child in root:
        values.setdefault(child.tag.removeprefix(DC), []).append(child.text)
    assert values["title"] == [AS_READ, AS_READ + "2"]
    assert values["description"] == [AS_READ]
    assert values["coverage"] == [AS_READ]
    assert AS_READ in values["rights"] and values["format"] == [AS_READ]
    assert values["date"] == ["1956-10-19"] and values["language"] == ["ja"]


def test_eac_cpf_reads_back_names_dates_relations_and_sources(client):
    person = factories.make_person(
        status=Status.PUBLISHED,
        name=HOSTILE,
        variants=["Variant " + HOSTILE],
        biography=HOSTILE,
        life_dates_edtf="1883-01-01/1959-03-07",
    )
    document = factories.make_document(status=Status.PUBLISHED, title="Declaration " + HOSTILE)
    factories.make_agent(document, person=person, role=DocumentAgent.Role.SIGNATORY)
    hidden = factories.make_document(status=Status.DRAFT, title="Secret draft")
    factories.make_agent(hidden, person=person)
    article = factories.make_article(status=Status.PUBLISHED, title="Source " + HOSTILE)
    article.about_people.add(person)
    root = download(client, person, "eac-cpf")
    names = [p.text for p in root.iter(f"{EAC}part")]
    assert names == [AS_READ, "Variant " + AS_READ]
    assert root.find(f".//{EAC}fromDate").get("standardDate") == "1883-01-01"
    assert root.find(f".//{EAC}toDate").get("standardDate") == "1959-03-07"
    assert root.find(f".//{EAC}biogHist/{EAC}p").text == AS_READ
    relations = [r.text for r in root.iter(f"{EAC}relationEntry")]
    assert relations == ["Declaration " + AS_READ]
    assert [s.text for s in root.iter(f"{EAC}sourceEntry")] == ["Source " + AS_READ]
    assert b"Secret draft" not in etree.tostring(root)


@pytest.mark.usefixtures("holdings")
def test_ead3_carries_the_subtree_and_its_documents_and_is_valid(client):
    fonds = factories.make_collection(title=HOSTILE, scope_and_content=HOSTILE)
    series = factories.make_collection(parent=fonds, title="Series " + HOSTILE)
    factories.make_collection(parent=fonds, status=Status.DRAFT, title="Secret series")
    document = factories.make_document(
        status=Status.PUBLISHED, collection=series, title="Item " + HOSTILE, reference_code="7"
    )
    factories.make_document(status=Status.DRAFT, collection=series, title="Secret item")
    root = download(client, fonds, "ead3")
    etree.XMLSchema(etree.parse(str(EAD3_XSD))).assertValid(root)
    assert root.find(f"{EAD}archdesc/{EAD}did/{EAD}unittitle").text == AS_READ
    assert root.find(f"{EAD}archdesc/{EAD}scopecontent/{EAD}p").text == AS_READ
    (unit,) = root.iterfind(f".//{EAD}dsc/{EAD}c")
    assert unit.get("level") == "series" and unit.get("id") == series.identifier
    (item,) = unit.iterfind(f"{EAD}c")
    assert item.get("level") == "item" and item.get("id") == document.identifier
    assert item.find(f"{EAD}did/{EAD}unittitle").text == "Item " + AS_READ
    assert item.find(f"{EAD}did/{EAD}unitid").text == document.full_reference_code
    assert b"Secret" not in etree.tostring(root)


def test_formats_that_do_not_apply_and_drafts_are_404(client):
    document = factories.make_document(status=Status.PUBLISHED)
    assert client.get(f"{document.get_absolute_url()}export.eac-cpf.xml").status_code == 404
    assert client.get(f"{document.get_absolute_url()}export.marc.xml").status_code == 404
    draft = factories.make_person(status=Status.DRAFT)
    assert client.get(f"{draft.get_absolute_url()}export.eac-cpf.xml").status_code == 404


def test_the_detail_page_offers_its_exports(client):
    person = factories.make_person(status=Status.PUBLISHED)
    html = client.get(person.get_absolute_url()).content.decode()
    assert f"{person.get_absolute_url()}export.dc.xml" in html
    assert f"{person.get_absolute_url()}export.eac-cpf.xml" in html
    assert "export.ead3.xml" not in html


def test_the_api_gives_the_same_xml_by_format_and_accept(client):
    person = factories.make_person(status=Status.PUBLISHED, name=HOSTILE)
    by_format = client.get(f"/api/people/{person.identifier}/?format=eac-cpf")
    assert by_format.status_code == 200
    assert by_format["Content-Type"].startswith("application/vnd.eac-cpf+xml")
    root = etree.fromstring(by_format.content)
    assert root.find(f".//{EAC}part").text == AS_READ
    by_accept = client.get(f"/api/people/{person.identifier}/", HTTP_ACCEPT="application/xml")
    assert etree.fromstring(by_accept.content).tag.endswith("}dc")
    listing = etree.fromstring(client.get("/api/people/?format=dc").content)
    assert listing.tag == "records" and len(listing) == 1
