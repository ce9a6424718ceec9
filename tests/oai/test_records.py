"""What a harvester reads: the envelope and each metadata format checked with
lxml (namespaces, required elements; EAD3 against its official schema), drafts
linked from a record left out, and a page's cost independent of its size."""

import importlib.util
from pathlib import Path

import pytest
from lxml import etree

from catalogue.models import DocumentAgent, Status
from tests import factories

from .xml import NS, error_code, oai

pytestmark = pytest.mark.django_db
EAD3_XSD = Path(importlib.util.find_spec("ead").submodule_search_locations[0]) / (
    "management/commands/ead3.xsd"
)
EAC = "urn:isbn:1-931666-33-4"
EAD = "http://ead3.archivists.org/schema/"


def test_identify_states_the_repository(client):
    root = oai(client, verb="Identify")
    body = root.find("o:Identify", NS)
    assert body.findtext("o:protocolVersion", namespaces=NS) == "2.0"
    assert body.findtext("o:deletedRecord", namespaces=NS) == "persistent"
    assert body.findtext("o:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert body.findtext("o:baseURL", namespaces=NS).endswith("/oai/")
    for required in ("repositoryName", "adminEmail", "earliestDatestamp"):
        assert body.findtext(f"o:{required}", namespaces=NS)


@pytest.mark.usefixtures("holdings")
def test_every_format_is_listed_and_applies_to_its_types(client):
    root = oai(client, verb="ListMetadataFormats")
    prefixes = [n.text for n in root.iter("{http://www.openarchives.org/OAI/2.0/}metadataPrefix")]
    assert prefixes == ["oai_dc", "eac-cpf", "ead3"]
    person = factories.make_person(status=Status.PUBLISHED)
    identifier = f"oai:catalogue.example.org:person/{person.identifier}"
    root = oai(client, verb="ListMetadataFormats", identifier=identifier)
    prefixes = [n.text for n in root.iter("{http://www.openarchives.org/OAI/2.0/}metadataPrefix")]
    assert prefixes == ["oai_dc", "eac-cpf"]


def test_dublin_core_records_leave_out_linked_drafts(client):
    secret = factories.make_place(status=Status.DRAFT, name="Secret place")
    document = factories.make_document(status=Status.PUBLISHED, place=secret, title="Public")
    root = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    dc = root.find(".//o:metadata/oai_dc:dc", NS)
    assert dc.findtext("dc:title", namespaces=NS) == "Public"
    assert dc.find("dc:identifier", NS).text.endswith(document.get_absolute_url())
    assert b"Secret place" not in etree.tostring(root)


@pytest.mark.usefixtures("holdings")
def test_ead3_records_are_valid_against_the_official_schema(client):
    schema = etree.XMLSchema(etree.parse(str(EAD3_XSD)))
    fonds = factories.make_collection(languages=["ja", "ru"], access_conditions="Open")
    factories.make_collection(parent=fonds)
    root = oai(client, verb="ListRecords", metadataPrefix="ead3")
    eads = root.findall(f".//o:metadata/{{{EAD}}}ead", NS)
    assert len(eads) == 2
    for ead in eads:
        schema.assertValid(etree.fromstring(etree.tostring(ead)))


def test_eac_cpf_records_carry_the_required_elements(client):
    person = factories.make_person(
        status=Status.PUBLISHED, variants=["Another Name"], life_dates_edtf="1883/1959"
    )
    document = factories.make_document(status=Status.PUBLISHED)
    factories.make_agent(document, person=person, role=DocumentAgent.Role.SIGNATORY)
    root = oai(client, verb="ListRecords", metadataPrefix="eac-cpf", set="type:person")
    eac = root.find(f".//o:metadata/{{{EAC}}}eac-cpf", NS)
    ns = {"e": EAC}
    for path in (
        "e:control/e:recordId",
        "e:control/e:maintenanceStatus",
        "e:control/e:maintenanceAgency/e:agencyName",
        "e:control/e:maintenanceHistory/e:maintenanceEvent/e:eventType",
        "e:cpfDescription/e:identity/e:entityType",
        "e:cpfDescription/e:identity/e:nameEntry/e:part",
    ):
        assert eac.find(path, ns) is not None, path
    names = [n.text for n in eac.iterfind(".//e:nameEntry/e:part", ns)]
    assert names == [person.name, "Another Name"]
    relation = eac.find(".//e:resourceRelation/e:relationEntry", ns)
    assert relation.text == document.title


@pytest.mark.parametrize("size", [1, 50])
def test_a_list_records_page_costs_the_same_whatever_its_size(
    client, settings, size, django_assert_num_queries
):
    settings.OAI_PAGE_SIZE = size
    for _ in range(50):
        document = factories.make_document(status=Status.PUBLISHED)
        factories.make_agent(document, person=factories.make_person(status=Status.PUBLISHED))
    # The page of entries, the list's size (first page only), the documents and
    # their parties (prefetched); one more for the collections above them, when filed.
    with django_assert_num_queries(4):
        root = oai(client, verb="ListRecords", metadataPrefix="oai_dc", set="type:document")
    assert error_code(root) is None
    assert len(root.findall(".//o:record", NS)) == size
