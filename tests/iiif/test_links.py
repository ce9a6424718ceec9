"""Where the manifest is named: the API's document detail, the page's JSON-LD
and links; and what a reader without JavaScript still gets."""

import json
import re

import pytest

from tests.factories import make_document, make_scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    document = make_document()
    make_scan(document)
    return document


def _manifest_url(document):
    return f"http://testserver/iiif/documents/{document.identifier}/manifest.json"


def test_the_api_detail_gives_the_manifest_and_null_without_scans(client, document):
    detail = client.get(f"/api/documents/{document.identifier}/").json()
    assert detail["iiif_manifest"] == _manifest_url(document)
    bare = make_document()
    assert client.get(f"/api/documents/{bare.identifier}/").json()["iiif_manifest"] is None


def test_the_pages_json_ld_names_the_manifest_as_subject_of(client, document):
    html = client.get(document.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    assert data["subjectOf"]["url"] == _manifest_url(document)
    assert "presentation/3/context.json" in data["subjectOf"]["encodingFormat"]


def test_the_apis_json_ld_of_a_document_names_the_manifest(client, document):
    url = f"/api/documents/{document.identifier}/?format=jsonld"
    assert client.get(url).json()["subjectOf"]["url"] == _manifest_url(document)


def test_without_javascript_the_page_shows_the_display_copy_and_a_full_size_link(client, document):
    scan = document.images.get()
    html = client.get(document.get_absolute_url()).content.decode()
    assert f'href="{scan.display.url}"' in html
    assert f'href="http://testserver/iiif/image/{scan.pk}/full/max/0/default.jpg"' in html
    assert 'id="scan-viewer"' in html and "hidden" in html
    assert f'href="{_manifest_url(document)}"' in html
    assert "<script>" not in html  # the viewer starts from a static file, never inline


def test_a_page_without_tiled_scans_loads_no_viewer(client):
    document = make_document()
    make_scan(document, tiles=False)
    html = client.get(document.get_absolute_url()).content.decode()
    assert "openseadragon" not in html
