"""A document's IIIF Presentation 3.0 manifest: valid by the iiif-prezi3 models,
one canvas per scan in order, the record's description around it, and nothing
of a draft in it."""

import io

import pytest
from iiif_prezi3 import Manifest
from PIL import Image

from catalogue.models import DocumentAgent, Status
from tests.factories import make_agent, make_document, make_person, make_place, make_scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    document = make_document(
        title="Joint Declaration",
        date_written="19 October 1956",
        description="Ends the state of war.",
        place=make_place(name="Moscow"),
    )
    make_agent(document, person=make_person(name="Ichiro Hatoyama"))
    make_scan(document, caption="First page", size=(1300, 700))
    make_scan(document, caption="Second page", size=(600, 900))
    return document


def _manifest(client, document):
    response = client.get(f"/iiif/documents/{document.identifier}/manifest.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "presentation/3/context.json" in response["Content-Type"]
    return response.json()


def test_the_manifest_is_valid_presentation_3(client, document):
    data = _manifest(client, document)
    assert data["@context"] == "http://iiif.io/api/presentation/3/context.json"
    parsed = Manifest(**data)  # iiif-prezi3's models refuse what the spec does not allow
    assert len(parsed.items) == 2
    assert parsed.id == f"http://testserver/iiif/documents/{document.identifier}/manifest.json"


def test_one_canvas_per_scan_in_order_with_its_image_service(client, document):
    canvases = _manifest(client, document)["items"]
    assert [c["label"]["none"] for c in canvases] == [["First page"], ["Second page"]]
    assert [(c["width"], c["height"]) for c in canvases] == [(1300, 700), (600, 900)]
    for canvas in canvases:
        body = canvas["items"][0]["items"][0]["body"]
        service = body["service"][0]
        assert service["type"] == "ImageService3" and service["profile"] == "level0"
        info = client.get(service["id"] + "/info.json").json()
        assert (info["width"], info["height"]) == (canvas["width"], canvas["height"])
        full = client.get(body["id"])
        assert full.status_code == 200
        picture = Image.open(io.BytesIO(b"".join(full.streaming_content)))
        assert picture.size == (body["width"], body["height"])


def test_the_manifest_describes_the_record_and_links_back(client, document):
    data = _manifest(client, document)
    assert data["label"] == {"none": ["Joint Declaration"]}
    assert data["summary"] == {"none": ["Ends the state of war."]}
    rows = {row["label"]["en"][0]: row["value"]["none"][0] for row in data["metadata"]}
    assert rows["Date"] == "19 October 1956"
    assert rows["Place"] == "Moscow"
    assert "Ichiro Hatoyama" in rows["Parties"]
    assert rows["Identifier"] == document.identifier
    assert data["requiredStatement"]["label"] == {"en": ["Attribution"]}
    assert data["homepage"][0]["id"] == f"http://testserver{document.get_absolute_url()}"
    see_also = [entry["id"] for entry in data["seeAlso"]]
    assert f"http://testserver/api/documents/{document.identifier}/" in see_also
    assert any(url.endswith("cite.bib") for url in see_also)
    assert data["thumbnail"][0]["type"] == "Image"


def test_a_draft_party_or_place_is_not_named_in_the_manifest(client):
    document = make_document(place=make_place(name="Zqhiddenplace", status=Status.DRAFT))
    make_agent(
        document,
        person=make_person(name="Zqhiddenperson", status=Status.DRAFT),
        role=DocumentAgent.Role.SIGNATORY,
    )
    make_scan(document)
    text = client.get(f"/iiif/documents/{document.identifier}/manifest.json").content.decode()
    assert "zqhidden" not in text.lower()


def test_a_draft_document_has_no_manifest_for_anonymous(client, admin_client, document):
    document.status = Status.DRAFT
    document.save()
    url = f"/iiif/documents/{document.identifier}/manifest.json"
    assert client.get(url).status_code == 404
    assert admin_client.get(url).status_code == 200


def test_a_document_without_tiled_scans_has_no_manifest(client):
    document = make_document()
    make_scan(document, tiles=False)
    assert client.get(f"/iiif/documents/{document.identifier}/manifest.json").status_code == 404


@pytest.mark.parametrize("scans", [1, 5])
def test_the_manifest_costs_the_same_queries_whatever_the_number_of_scans(
    client, django_assert_num_queries, scans
):
    document = make_document()
    for _ in range(scans):
        make_scan(document, size=(40, 30))
    # The document with its place; its parties; excerpts, relations out and in,
    # citations, statements and scans (detail_for's prefetches): 8 queries.
    with django_assert_num_queries(8):
        client.get(f"/iiif/documents/{document.identifier}/manifest.json")
