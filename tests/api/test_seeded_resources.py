"""Each resource returns the seeded catalogue's records with the fields a client expects."""

import pytest

pytestmark = pytest.mark.django_db

SEEDED = {
    "documents": {
        "doc-treaty-of-peace-with-japan-1951",
        "doc-joint-declaration-1956",
        "doc-trade-protocol-1956",
        "doc-nyt-1956-10-20-texts",
    },
    "articles": {"article-0543db3bfdfe29b7", "article-f5ec84521a8842e8"},
    "people": {"person-ichiro-hatoyama"},
    "places": {
        "place-east-asia",
        "place-habomai-islands",
        "place-kuril-islands",
        "place-moscow",
        "place-shikotan",
    },
    "organisations": {
        "org-japan",
        "org-new-york-times",
        "org-soviet-union",
        "org-the-full-wiki",
        "org-united-nations",
        "org-united-press",
    },
}
RECORD_FIELDS = {"url", "page", "identifier", "slug", "status", "version", "created", "modified"}


@pytest.mark.parametrize("plural", SEEDED)
def test_each_list_returns_the_seeded_records(plural, seeded, anon):
    body = anon.get(f"/api/{plural}/").json()
    assert {r["identifier"] for r in body["results"]} == SEEDED[plural]
    assert body["count"] == len(SEEDED[plural]) and body["count_capped"] is False
    for record in body["results"]:
        assert record.keys() >= RECORD_FIELDS
        assert record["url"] == f"http://testserver/api/{plural}/{record['identifier']}/"


@pytest.mark.parametrize("plural", SEEDED)
def test_each_record_links_to_itself_and_its_public_page(plural, seeded, anon):
    for identifier in SEEDED[plural]:
        response = anon.get(f"/api/{plural}/{identifier}/")
        assert response.status_code == 200
        body = response.json()
        assert body["identifier"] == identifier and body["status"] == "published"
        assert body["page"].startswith("http://testserver/") and body["slug"] in body["page"]


def test_documents_are_listed_oldest_first_with_their_parties_and_place(seeded, anon):
    results = anon.get("/api/documents/").json()["results"]
    # The oldest dated first, the undated treaty (its only dating sentence is negated) last.
    assert results[0]["identifier"] == "doc-joint-declaration-1956"
    assert results[-1]["identifier"] == "doc-treaty-of-peace-with-japan-1951"
    declaration = next(r for r in results if r["identifier"] == "doc-joint-declaration-1956")
    assert declaration["kind"] == "declaration"
    assert declaration["date_earliest"] == declaration["date_latest"] == "1956-10-19"
    assert declaration["place"]["identifier"] == "place-moscow"
    assert declaration["place"]["url"] == "http://testserver/api/places/place-moscow/"
    parties = {
        (p["role"], (p["person"] or p["organisation"])["identifier"])
        for p in declaration["parties"]
    }
    assert ("party", "org-soviet-union") in parties and ("party", "org-japan") in parties


def test_a_document_detail_has_its_excerpts_relations_and_citations(seeded, anon):
    body = anon.get("/api/documents/doc-joint-declaration-1956/").json()
    assert any("Habomai" in e["text"] for e in body["excerpts"])
    assert {r["document"]["identifier"] for r in body["relations"]} >= {"doc-trade-protocol-1956"}
    for citation in body["cited_by"]:
        assert citation["url"].startswith("http://testserver/api/citations/")
        assert citation["citing_article"]["type"] == "article"


def test_an_article_detail_has_its_mentions_and_citations(seeded, anon):
    body = anon.get("/api/articles/article-0543db3bfdfe29b7/").json()
    assert body["publisher"]["identifier"] == "org-the-full-wiki"
    assert body["source_sha256"] and "Habomai" in body["body"]
    named = {m["record"]["identifier"] for m in body["mentions"]}
    assert {"place-habomai-islands", "org-soviet-union"} <= named
    assert body["citations"], "the Wikipedia mirror cites its sources"
    assert {"kind", "footnote_label", "reference_text", "quoted_text", "cited_document"} <= (
        body["citations"][0].keys()
    )


def test_citations_name_the_citing_and_cited_records(seeded, anon):
    results = anon.get("/api/citations/").json()["results"]
    assert len(results) == 5
    for citation in results:
        assert citation["citing_article"] or citation["citing_document"]
        assert citation["cited_document"] or citation["cited_work"]
        assert anon.get(citation["url"]).json()["id"] == citation["id"]


def test_the_root_links_every_resource(seeded, anon):
    body = anon.get("/api/").json()
    assert set(body) == {
        "documents",
        "articles",
        "people",
        "organisations",
        "places",
        "repositories",
        "collections",
        "citations",
    }
    assert anon.get("/api/", HTTP_ACCEPT="text/html").status_code == 200
