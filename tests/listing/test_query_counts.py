"""A search listing costs the same number of queries for one record a page or
fifty, on the page and in the API: relevance pages by rank position, with no
query per row and no CASE over every match."""

import pytest

from tests.factories import make_document

pytestmark = pytest.mark.django_db

# Search: the names the words may be (name expansion), the capped count of
# matches, the ranked matches' ids, the page. A filter beside the words adds
# one: the matches it leaves.
SEARCH = 4
# The page adds its eight facets (kind, year spans, people, organisations,
# places, repositories, collections, levels); the API adds the documents' parties.
QUERIES = {
    "/documents/?q=declaration&per_page=": SEARCH + 8,
    "/api/documents/?q=declaration&limit=": SEARCH + 1,
    "/api/documents/?q=declaration&kind=declaration&limit=": SEARCH + 1 + 1,
}


@pytest.mark.parametrize("url", QUERIES)
@pytest.mark.parametrize("n", [1, 50])
def test_search_listing_query_count_is_the_same_for_one_record_or_fifty(
    client, django_assert_num_queries, url, n
):
    for i in range(55):
        make_document(title=f"Joint declaration {i}")
    with django_assert_num_queries(QUERIES[url]):
        response = client.get(f"{url}{n}")
    assert response.status_code == 200
    if url.startswith("/api/"):
        assert len(response.json()["results"]) == n
    else:
        assert response.content.decode().count('<li>\n        <a href="/documents/') == n
