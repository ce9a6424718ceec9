"""The draft rule for holdings as readers meet it: a draft unit's own page and
everything below it is a 404 for anonymous readers (the cascade keeps what is
below a draft unit a draft), while the published documents filed in it stay
visible everywhere, held nowhere as far as the reader can tell: no name,
code, identifier or address of the draft unit on any surface."""

import json
import re

import pytest

from catalogue.models import Status
from catalogue.services.records import record_set_status
from tests.factories import make_collection, make_document, make_repository
from tests.visibility.surfaces import urls_showing

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    repository = make_repository(name="National Archives", code="JP-1000001")
    fonds = make_collection(repository=repository, title="Foreign Ministry", reference_code="F1")
    series = make_collection(parent=fonds, title="Zqsecret series", reference_code="ZQCODE")
    file = make_collection(parent=series, title="Zqsecret file", reference_code="ZQFILE")
    document = make_document(title="Joint declaration", collection=series, reference_code="7")
    # Unpublished through the service, as an archivist would: the file goes with it.
    record_set_status(record=series, status=Status.DRAFT)
    file.refresh_from_db()
    assert file.status == Status.DRAFT
    return repository, fonds, series, file, document


TRACES = ("zqsecret", "zqcode", "zqfile")


def _traces(series, file):
    return (*TRACES, series.identifier, series.slug, file.identifier, file.slug)


def test_a_draft_unit_and_its_subtree_are_404_for_anonymous_readers(client, tree):
    _, _, series, file, _ = tree
    for unit in (series, file):
        assert client.get(unit.get_absolute_url()).status_code == 404
        assert client.get(f"/api/collections/{unit.identifier}/").status_code == 404


def test_staff_preview_the_draft_unit(staff_client, tree):
    _, _, series, _, document = tree
    page = staff_client.get(series.get_absolute_url()).content.decode()
    assert "Zqsecret series" in page and "Draft" in page
    held = staff_client.get(document.get_absolute_url()).content.decode()
    assert "JP-1000001/F1/ZQCODE/7" in held


def test_its_published_document_shows_no_trace_of_it_anywhere(client, tree):
    _, _, series, file, document = tree
    urls = urls_showing(document)
    urls += ["/collections/", "/repositories/", "/documents/?level=series"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode().lower()
        if url.startswith("/oai/"):
            # OAI-PMH must tell a harvester that a unit it collected was
            # unpublished: a header with status "deleted", the identifier and
            # the datestamp of the change, and nothing else (no metadata).
            text = DELETED_HEADER.sub("", text)
        for trace in _traces(series, file):
            assert trace.lower() not in text, (url, trace)


DELETED_HEADER = re.compile(r'<header status="deleted">.*?</header>', re.S)


def test_a_harvester_learns_only_that_the_unpublished_unit_was_deleted(client, tree):
    _, _, series, _, _ = tree
    xml = client.get("/oai/", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    deleted = DELETED_HEADER.findall(xml.content.decode())
    assert any(series.identifier in header for header in deleted)
    assert "zqsecret" not in xml.content.decode().lower()


def test_its_published_document_keeps_its_own_code_and_is_held_nowhere(client, tree):
    *_, document = tree
    api = client.get(f"/api/documents/{document.identifier}/").json()
    assert api["collection"] is None
    assert api["full_reference_code"] == "7"
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Held at" not in page and "<code>7</code>" in page
    jsonld = client.get(f"/api/documents/{document.identifier}/?format=jsonld").json()
    assert "holdingArchive" not in jsonld and "isPartOf" not in jsonld


def test_the_draft_unit_counts_nowhere_and_filters_to_nothing(client, anon, tree):
    _, fonds, series, _, _ = tree
    assert anon.get("/api/documents/", {"collection": series.identifier}).json()["count"] == 0
    assert anon.get("/api/documents/", {"level": "series"}).json()["count"] == 0
    # The page echoes the reader's own filter, and finds nothing with it.
    listing = client.get("/documents/", {"collection": series.identifier}).content.decode()
    assert "No documents match" in listing
    assert anon.get("/api/collections/", {"within": fonds.identifier}).json()["count"] == 1
    fonds_page = client.get(fonds.get_absolute_url()).content.decode()
    assert "Zqsecret" not in fonds_page
    # The fonds holds no visible document: its subtree's only one is in the draft series.
    listing = client.get("/documents/", {"collection": fonds.identifier}).content.decode()
    assert "Joint declaration" not in listing


def test_the_sitemap_lists_the_published_units_only(client, tree):
    repository, fonds, series, file, _ = tree
    body = client.get("/sitemap.xml").content.decode()
    assert fonds.get_absolute_url() in body and repository.get_absolute_url() in body
    assert series.get_absolute_url() not in body and file.get_absolute_url() not in body


def test_publishing_the_unit_again_brings_back_where_the_document_is_held(client, tree):
    _, _, series, _, document = tree
    record_set_status(record=series, status=Status.PUBLISHED)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Held at" in page and "JP-1000001/F1/ZQCODE/7" in page
    jsonld = json.loads(client.get(f"/api/documents/{document.identifier}/?format=jsonld").content)
    assert jsonld["holdingArchive"]["name"] == "National Archives"
    assert jsonld["isPartOf"]["name"] == str(series)
