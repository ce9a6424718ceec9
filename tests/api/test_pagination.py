"""Keyset pagination: next and previous links walk every record exactly once,
in order, and the count stops at the cap."""

import pytest

from catalogue.selectors import listing
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def walk(client, url, key="next"):
    seen = []
    while url:
        body = client.get(url).json()
        seen.append([r["identifier"] for r in body["results"]])
        url = body[key]
    return seen


@pytest.fixture
def documents(db):
    # Ties on date, and undated documents, which come last going forward.
    made = [make_document(title=f"Doc {i:02}", date_edtf="1956-10-19") for i in range(7)]
    made += [make_document(title=f"Undated {i}", date_edtf="") for i in range(3)]
    made += [make_document(title="Early", date_edtf="1945")]
    return made


def test_next_links_visit_every_record_once_in_order(documents, anon):
    pages = walk(anon, "/api/documents/?limit=3")
    assert [len(page) for page in pages] == [3, 3, 3, 2]
    titles = [anon.get(f"/api/documents/{i}/").json()["title"] for p in pages for i in p]
    # By date, ties by title; undated last, on SQLite as on PostgreSQL.
    assert titles == [
        "Early",
        *[f"Doc {i:02}" for i in range(7)],
        "Undated 0",
        "Undated 1",
        "Undated 2",
    ]


def test_previous_links_walk_back_to_the_first_page(documents, anon):
    pages = walk(anon, "/api/documents/?limit=4")
    last = anon.get("/api/documents/?limit=4").json()
    while last["next"]:
        last = anon.get(last["next"]).json()
    back = walk(anon, last["previous"], key="previous")
    assert back == list(reversed(pages[:-1]))
    assert anon.get(last["previous"]).json()["next"]


def test_descending_order_pages_too(documents, anon):
    flat = [i for page in walk(anon, "/api/documents/?limit=2&ordering=-title") for i in page]
    titles = [anon.get(f"/api/documents/{i}/").json()["title"] for i in flat]
    assert titles == sorted(titles, reverse=True)


def test_search_results_page_in_relevance_order(seeded, anon):
    one_page = [r["identifier"] for r in anon.get("/api/documents/?q=U.S.S.R.").json()["results"]]
    paged = [i for page in walk(anon, "/api/documents/?q=U.S.S.R.&limit=1") for i in page]
    assert paged == one_page and len(paged) == 2


def test_the_count_is_capped_and_flagged(documents, anon, monkeypatch):
    monkeypatch.setattr(listing, "COUNT_CAP", 5)
    body = anon.get("/api/documents/").json()
    assert body["count"] == 5 and body["count_capped"] is True
    body = anon.get("/api/documents/", {"kind": "treaty"}).json()
    assert body["count"] == 0 and body["count_capped"] is False


@pytest.mark.parametrize("limit", ["0", "101", "-1", "ten", "1" * 400, "1.5"])
def test_a_limit_outside_1_to_100_is_a_400(limit, documents, anon):
    response = anon.get("/api/documents/", {"limit": limit})
    assert response.status_code == 400 and "limit" in response.json()


@pytest.mark.parametrize(
    "cursor",
    ["garbage", "eyJrIjpbXX0", "eyJrIjpbMSwyLDNdLCJyIjpmYWxzZX0", "%00", "\x00", "A" * 5000, "e30"],
)
def test_a_forged_or_broken_cursor_is_a_404(cursor, documents, anon):
    # Any text fits the schema's opaque cursor, so one that names no page is
    # "no such page" (as in DRF's own cursor paging), not a bad request.
    response = anon.get("/api/documents/", {"cursor": cursor})
    assert response.status_code == 404 and "broken" in response.json()["detail"]
