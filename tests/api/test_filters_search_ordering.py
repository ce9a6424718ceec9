"""The browse pages' FilterSets, search and ordering work through the API, alone and combined."""

import pytest

pytestmark = pytest.mark.django_db


def ids(client, plural, **params):
    response = client.get(f"/api/{plural}/", params)
    assert response.status_code == 200, response.content
    return [r["identifier"] for r in response.json()["results"]]


def test_kind_filters_documents(seeded, anon):
    assert ids(anon, "documents", kind="treaty") == ["doc-treaty-of-peace-with-japan-1951"]
    assert set(ids(anon, "documents", kind=["treaty", "protocol"])) == {
        "doc-treaty-of-peace-with-japan-1951",
        "doc-trade-protocol-1956",
    }


def test_date_range_overlaps_earliest_and_latest(seeded, anon):
    # Nothing before 1956: the treaty's only dating sentence is negated, so it is undated.
    assert ids(anon, "documents", date_to="1955") == []
    assert set(ids(anon, "documents", date_from="1956-10-20")) == {"doc-nyt-1956-10-20-texts"}
    assert set(ids(anon, "documents", date_from="1956-10", date_to="1956-10-19")) == {
        "doc-joint-declaration-1956",
        "doc-trade-protocol-1956",
    }


def test_person_place_and_organisation_filters(seeded, anon):
    assert "doc-joint-declaration-1956" in ids(anon, "documents", organisation="org-soviet-union")
    assert "doc-joint-declaration-1956" in ids(anon, "documents", place="place-moscow")
    assert ids(anon, "documents", person="person-nobody") == []


def test_mentions_filters_articles(seeded, anon):
    assert ids(anon, "articles", mentions="person-ichiro-hatoyama") == ["article-f5ec84521a8842e8"]


def test_q_searches_through_the_search_entry_point_best_first(seeded, anon):
    assert ids(anon, "documents", q="Habomai") == ["doc-joint-declaration-1956"]
    assert ids(anon, "places", q="Habomai") == ["place-habomai-islands"]
    assert ids(anon, "articles", q="reparations") == [
        "article-0543db3bfdfe29b7",
        "article-f5ec84521a8842e8",
    ]


def test_search_filters_and_ordering_combine(seeded, anon):
    found = ids(anon, "documents", q="U.S.S.R.", kind=["declaration", "newspaper-text"])
    assert set(found) == {"doc-joint-declaration-1956", "doc-nyt-1956-10-20-texts"}
    assert ids(anon, "documents", q="U.S.S.R.", kind="declaration", date_to="1956") == [
        "doc-joint-declaration-1956"
    ]
    by_title = ids(anon, "documents", q="U.S.S.R.", ordering="title")
    assert by_title == sorted(
        by_title, key=lambda i: anon.get(f"/api/documents/{i}/").json()["title"]
    )


def test_ordering_by_date_and_title_both_ways(seeded, anon):
    newest = ids(anon, "documents", ordering="-date")
    dated = [i for i in newest if i != "doc-treaty-of-peace-with-japan-1951"]  # undated
    assert dated[0] == "doc-nyt-1956-10-20-texts"
    assert dated.index("doc-nyt-1956-10-20-texts") < dated.index("doc-joint-declaration-1956")
    names = [r["name"] for r in anon.get("/api/places/", {"ordering": "-name"}).json()["results"]]
    assert names == sorted(names, reverse=True)


def test_an_unknown_ordering_or_kind_is_a_400_naming_the_parameter(seeded, anon):
    response = anon.get("/api/documents/", {"ordering": "password"})
    assert response.status_code == 400 and "ordering" in response.json()
    response = anon.get("/api/documents/", {"kind": "novel"})
    assert response.status_code == 400 and "kind" in response.json()


def test_citations_filter_by_article_and_document(seeded, anon):
    all_citations = anon.get("/api/citations/").json()["results"]
    article = all_citations[0]["citing_article"]["identifier"]
    mine = anon.get("/api/citations/", {"article": article}).json()["results"]
    assert mine and all(c["citing_article"]["identifier"] == article for c in mine)
    cited = anon.get("/api/citations/", {"document": "doc-joint-declaration-1956"}).json()
    assert all(
        c["cited_document"]["identifier"] == "doc-joint-declaration-1956" for c in cited["results"]
    )
