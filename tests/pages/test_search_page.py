"""The search page: one box across record types, type facets, highlights, did you mean."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_search_lists_hits_across_types_with_highlighted_snippets(seeded, client):
    html = client.get("/search/", {"q": "Habomai"}).content.decode()
    hits = re.findall(r'<li>\s*<a href="(/[a-z]+/[^"]+)"', html)
    assert hits[:3] == [
        "/places/habomai-islands/",
        "/documents/soviet-japanese-joint-declaration-of-1956/",
        "/articles/soviet-japanese-joint-declaration-of-1956/",
    ]
    assert "<mark>Habomai</mark>" in html
    assert "3 results" in html


def test_type_facet_narrows_to_one_record_type(seeded, client):
    html = client.get("/search/", {"q": "Habomai"}).content.decode()
    assert re.search(
        r'href="\?q=Habomai&amp;type=document">Documents</a> <span class="count">1<', html
    )
    html = client.get("/search/", {"q": "Habomai", "type": "document"}).content.decode()
    assert re.findall(r'<li>\s*<a href="(/[a-z]+/[^"]+)"', html) == [
        "/documents/soviet-japanese-joint-declaration-of-1956/"
    ]


def test_misspelt_name_suggests_the_authority_name(seeded, client):
    html = client.get("/search/", {"q": "Hatoyma"}).content.decode()
    assert 'Did you mean <a href="?q=Hatoyama">Hatoyama</a>?' in html


def test_empty_search_shows_only_the_box(client):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "result" not in response.content.decode().split('id="search-q"')[1]


@pytest.mark.parametrize("records", [1, 50])
def test_search_page_query_count_is_constant(client, django_assert_num_queries, records):
    from tests.factories import make_document

    for _ in range(records):
        make_document(title="Joint declaration")
    # names for the words; counts per type; the page of hits; their documents.
    with django_assert_num_queries(4):
        response = client.get("/search/", {"q": "declaration"})
    assert response.content.decode().count("<mark>") >= min(records, 20)
