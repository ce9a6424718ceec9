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
@pytest.mark.parametrize("size", [1, 2, 4, 8])
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


def test_a_first_page_newest_first_is_read_off_the_date_index(client):
    """Newest first with undated documents last: PostgreSQL reads its date index
    backwards with the nulls first, so the first page reads the dated rows and
    then the undated ones as two ranges, instead of sorting every document (a
    kind's 15,764 at 100,000). Plans are read with sequential and bitmap scans
    off, as at a catalogue's size: what is checked is that no sort is needed."""
    from django.db import connection

    _documents()
    statements = []

    def record(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get("/api/documents/", {"ordering": "-date", "limit": 8})
    pages = [(sql, p) for sql, p in statements if "ORDER BY" in sql and "LIMIT 9" in sql]
    assert pages
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET enable_seqscan = off")
            cursor.execute("SET enable_bitmapscan = off")
        try:
            for sql, params in pages:
                prefix = "EXPLAIN " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
                cursor.execute(prefix + sql, params)
                plan = "\n".join(str(row) for row in cursor.fetchall())
                assert "Sort" not in plan and "TEMP B-TREE" not in plan, plan
        finally:
            if connection.vendor == "postgresql":
                cursor.execute("RESET enable_seqscan")
                cursor.execute("RESET enable_bitmapscan")
