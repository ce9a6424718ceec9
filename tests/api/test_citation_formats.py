"""Citation formats by Accept or ?format=: CSL-JSON that a real citation
processor renders, BibTeX and RIS that parse back, JSON-LD for every record."""

import json

import bibtexparser
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

pytestmark = pytest.mark.django_db

DECLARATION = "/api/documents/doc-joint-declaration-1956/"
ARTICLE = "/api/articles/article-0543db3bfdfe29b7/"


def test_csl_json_renders_in_citeproc(seeded, anon):
    items = []
    for address in (DECLARATION, ARTICLE):
        response = anon.get(address, HTTP_ACCEPT="application/vnd.citationstyles.csl+json")
        assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
        items += json.loads(response.content)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False),
        CiteProcJSON(items),
        formatter.plain,
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert any("Soviet-Japanese Joint Declaration of 1956" in entry for entry in rendered)
    assert any("1956" in entry for entry in rendered)


def test_bibtex_parses_back(seeded, anon):
    response = anon.get(DECLARATION, {"format": "bibtex"})
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.key == "DocJointDeclaration1956"
    assert "Joint Declaration" in entry["title"] and entry["year"] == "1956"


def test_ris_parses_back_for_a_page_of_documents(seeded, anon):
    response = anon.get("/api/documents/", {"format": "ris"})
    entries = rispy.loads(response.content.decode())
    assert len(entries) == 4
    declaration = next(e for e in entries if e["id"] == "doc-joint-declaration-1956")
    assert declaration["title"] == "Soviet-Japanese Joint Declaration of 1956"
    assert declaration["year"] == "1956"


@pytest.mark.parametrize(
    "address",
    [
        DECLARATION,
        ARTICLE,
        "/api/people/person-ichiro-hatoyama/",
        "/api/organisations/org-soviet-union/",
        "/api/places/place-habomai-islands/",
    ],
)
def test_every_record_has_schema_org_json_ld(address, seeded, anon):
    response = anon.get(address, HTTP_ACCEPT="application/ld+json")
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] in {"CreativeWork", "Article", "Person", "Organization", "Place"}
    assert data["sameAs"][0] == f"http://testserver{address}"


def test_a_page_of_records_is_one_json_ld_graph(seeded, anon):
    data = json.loads(anon.get("/api/places/", {"format": "jsonld", "limit": 2}).content)
    assert len(data["@graph"]) == 2 and all(n["@type"] == "Place" for n in data["@graph"])
    assert 'rel="next"' in anon.get("/api/places/", {"format": "jsonld", "limit": 2})["Link"]


def test_an_unknown_format_is_a_json_404_and_an_unacceptable_type_a_406(seeded, anon):
    response = anon.get(DECLARATION, {"format": "docx"})
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    response = anon.get(DECLARATION, HTTP_ACCEPT="application/msword")
    assert response.status_code == 406
    # Authorities have no citation formats of their own.
    assert anon.get("/api/places/place-moscow/", {"format": "bibtex"}).status_code == 404
