"""The holdings pages and API resources cost the same number of queries for
one unit or fifty a page: the tree is read one level at a time by keyset,
the breadcrumb in one query, and nothing is read per row."""

import pytest

from tests.factories import make_collection, make_document, make_repository

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """A repository with 55 fonds; the first with a series holding 55 units and
    55 documents, its series three levels deep (for the breadcrumb)."""
    repository = make_repository(code="JP-1")
    fonds = [make_collection(repository=repository, position=i) for i in range(55)]
    series = make_collection(parent=fonds[0])
    file = make_collection(parent=series, level="file")
    for i in range(55):
        make_collection(parent=series, position=i + 1, level="file")
        make_document(collection=series, collection_position=i, reference_code=str(i))
    make_document(collection=file, reference_code="x")
    return repository, fonds[0], series, file


# The session and user are not read for anonymous readers; each count lists its queries.
PAGES = {
    # the repository; its top units page
    "repository": 2,
    # the unit (repository, parent, creators joined); the breadcrumb; its units
    # page; its documents page
    "series": 4,
}


@pytest.mark.parametrize("n", [1, 50])
@pytest.mark.parametrize("name", PAGES)
def test_holdings_pages_cost_the_same_for_one_row_or_fifty(
    client, django_assert_num_queries, tree, name, n
):
    repository, _, series, _ = tree
    record = repository if name == "repository" else series
    with django_assert_num_queries(PAGES[name]):
        response = client.get(record.get_absolute_url(), {"per_page": n})
    assert response.status_code == 200
    assert response.content.decode().count('rel="next"') >= 1


@pytest.mark.parametrize("n", [1, 50])
def test_a_filed_document_page_reads_its_breadcrumb_in_one_query(
    client, django_assert_num_queries, tree, n
):
    *_, file = tree
    document = file.documents.get()
    # As any document page (9: tests/pages/test_document_detail.py; the
    # collection and its repository are joined to the document), plus the
    # breadcrumb above its unit: one query however deep.
    with django_assert_num_queries(10):
        assert client.get(document.get_absolute_url()).status_code == 200


BROWSE = {
    # capped count, page, kind, year spans, people, organisations, places,
    # repositories, collections (grouped, then the units named), levels
    "/documents/": 11,
    # capped count, page (repository joined), year spans, repositories, levels
    "/collections/": 5,
    # capped count, page
    "/repositories/": 2,
}


@pytest.mark.parametrize("n", [1, 50])
@pytest.mark.parametrize("url", BROWSE)
def test_holdings_browse_pages_cost_the_same_for_one_row_or_fifty(
    client, django_assert_num_queries, tree, url, n
):
    with django_assert_num_queries(BROWSE[url]):
        response = client.get(url, {"per_page": n})
    assert response.status_code == 200


API = {
    # capped count, page (repository joined for anonymous readers)
    "/api/collections/": 2,
    "/api/repositories/": 2,
    # capped count, page (place, collection, repository joined), parties
    "/api/documents/?collection={series}": 3,
}


@pytest.mark.parametrize("n", [1, 50])
@pytest.mark.parametrize("url", API)
def test_holdings_api_lists_cost_the_same_for_one_row_or_fifty(
    client, django_assert_num_queries, tree, url, n
):
    _, _, series, _ = tree
    for _ in range(50):
        make_repository()
    with django_assert_num_queries(API[url]):
        response = client.get(url.format(series=series.identifier), {"limit": n})
    assert response.status_code == 200
    assert len(response.json()["results"]) == n


def test_a_collection_resource_is_one_query(client, django_assert_num_queries, tree):
    _, _, series, _ = tree
    with django_assert_num_queries(1):
        response = client.get(f"/api/collections/{series.identifier}/")
    assert response.json()["parent"] is not None
