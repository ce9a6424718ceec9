"""A word too common to rank (more matches than SEARCH_RANK_LIMIT) is listed
most recently changed first, and each page reads only its own window of the
matches: never the whole list of them, however many there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def common(settings):
    settings.SEARCH_RANK_LIMIT = 3
    return [make_document(title=f"Joint declaration {n}") for n in range(7)]


def _walk(client, url, key):
    pages = []
    while url:
        body = client.get(url).json()
        pages.append([r["identifier"] for r in body["results"]])
        url = body[key]
    return pages


def test_a_common_word_pages_newest_first_both_ways_and_says_how_many(client, common):
    newest = sorted(common, key=lambda d: (d.modified, d.pk), reverse=True)
    first = client.get("/api/documents/?q=declaration&limit=3").json()
    assert first["count"] == 7 and not first["count_capped"]
    forward = _walk(client, "/api/documents/?q=declaration&limit=3", "next")
    assert [i for page in forward for i in page] == [d.identifier for d in newest]
    last = client.get(client.get(first["next"]).json()["next"]).json()
    assert last["next"] is None
    url = "/api/documents/?q=declaration&limit=3&cursor=" + last["previous"].split("cursor=")[1]
    assert _walk(client, url, "previous") == forward[-2::-1]
    page = client.get("/documents/?q=declaration").content.decode()
    assert "too many to rank" in page


@pytest.mark.parametrize("n", [1, 50])
def test_a_page_of_a_common_word_reads_one_window_of_matches(client, settings, n):
    settings.SEARCH_RANK_LIMIT = 3
    for i in range(n + 5):
        make_document(title=f"Joint declaration {i}")
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/api/documents/", {"q": "declaration", "limit": n}).json()
    assert len(body["results"]) == n
    # Names the words may be, the capped count, the page's window of matches
    # (n and one more), the page's records, their parties.
    assert len(queries) == 5
    window = [q["sql"] for q in queries if "LIMIT" in q["sql"] and "record_id FROM" in q["sql"]]
    assert len(window) == 1 and f"LIMIT {n + 1} OFFSET 0" in window[0]
