"""A page reached by a cursor is read as a range of the sort's index: its dated
rows from the cursor on, then (only when the page runs past them) the undated
ones, which come last either way. The order is the one the first page starts."""

import pytest

from tests.factories import make_document

pytestmark = pytest.mark.django_db

DATES = ["1956-10-19", "", "1951", "1956-10-19", "", "1945-08/1956-10", "1960", "", "1951"]


def _documents():
    return [make_document(title=f"Treaty {i % 3}", date_edtf=d) for i, d in enumerate(DATES)]


def _expected(documents, descending):
    dated = sorted(
        (d for d in documents if d.date_earliest),
        key=lambda d: (d.date_earliest, d.title, d.pk),
        reverse=descending,
    )
    undated = sorted(
        (d for d in documents if not d.date_earliest),
        key=lambda d: (d.title, d.pk),
        reverse=descending,
    )
    return [d.identifier for d in dated + undated]


def _walk(client, url, key):
    identifiers = []
    while url:
        body = client.get(url).json()
        identifiers += [r["identifier"] for r in body["results"]]
        url = body[key]
    return identifiers


@pytest.mark.parametrize("sort", ["date", "-date"])
@pytest.mark.parametrize("size", [1, 2, 4])
def test_pages_cross_from_dated_into_undated_documents_in_order_both_ways(client, sort, size):
    expected = _expected(_documents(), descending=sort.startswith("-"))
    assert _walk(client, f"/api/documents/?ordering={sort}&limit={size}", "next") == expected
    last = f"/api/documents/?ordering={sort}&limit={size}"
    while (following := client.get(last).json()["next"]) is not None:
        last = following
    backwards = _walk(client, last, "previous")
    pages = [expected[i : i + size] for i in range(0, len(expected), size)]
    assert backwards == [i for page in pages[::-1] for i in page]


@pytest.mark.parametrize("n", [1, 50])
def test_a_deep_page_costs_what_the_first_does(client, django_assert_num_queries, n):
    for i in range(2 * n + 1):
        make_document(title=f"Treaty {i}", date_edtf=f"{1900 + i}")
    cursor = client.get("/api/documents/", {"limit": n}).json()["next"]
    # The capped count, the page's dated rows from the cursor on, the parties.
    with django_assert_num_queries(3):
        body = client.get(cursor).json()
    assert len(body["results"]) == n


def test_a_page_running_into_the_undated_documents_reads_them_in_one_more_query(
    client, django_assert_num_queries
):
    for i in range(3):
        make_document(title=f"Dated {i}", date_edtf=f"{1900 + i}")
        make_document(title=f"Undated {i}", date_edtf="")
    cursor = client.get("/api/documents/", {"limit": 2}).json()["next"]
    # The count, the dated rows left (one), the undated ones to fill the page, the parties.
    with django_assert_num_queries(4):
        body = client.get(cursor).json()
    assert [r["title"] for r in body["results"]] == ["Dated 2", "Undated 0"]
