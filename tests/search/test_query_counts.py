import pytest

from catalogue.search import search
from tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("limit", [1, 50])
def test_a_page_of_hits_costs_the_same_queries_whatever_its_size(
    db, limit, django_assert_num_queries
):
    for n in range(60):
        make_document(title=f"Fisheries note {n}")
    # 1. authority names among the query's words (for variants)
    # 2. matches per record type, each capped at 10,001
    # 3. the page of matches, ranked, with their index text for snippets
    # 4. the documents on the page, with their places
    with django_assert_num_queries(4):
        results = search("fisheries", limit=limit)
        [(hit.title, hit.url, str(hit.snippet)) for hit in results.hits]
    assert len(results.hits) == limit
