"""Old links keep working: the pages accept the API's parameter names and the
API the pages', and a cursor made before the cursors carried a direction
still reads."""

import base64
import json

import pytest

from tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(db):
    return [make_document(title=f"Doc {n}", date_edtf=f"19{50 + n}") for n in range(5)]


def _legacy_cursor(document):
    """A page cursor as /documents/ made them before: a bare list of sort values."""
    values = [document.date_earliest.isoformat(), document.title, document.pk]
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _slugs(client, url):
    return [r["slug"] for r in client.get(url).json()["results"]]


def test_the_api_accepts_per_page_after_and_before(client, documents):
    assert len(_slugs(client, "/api/documents/?per_page=2")) == 2
    cursor = _legacy_cursor(documents[1])
    assert _slugs(client, f"/api/documents/?after={cursor}") == [d.slug for d in documents[2:]]
    assert _slugs(client, f"/api/documents/?before={cursor}") == [documents[0].slug]


def test_pages_accept_limit_and_the_apis_cursor(client, documents):
    body = client.get("/api/documents/?limit=2").json()
    cursor = body["next"].split("cursor=")[1]
    html = client.get(f"/documents/?limit=2&cursor={cursor}").content.decode()
    assert documents[2].title in html and documents[1].title not in html
    assert documents[4].title not in html  # two a page


def test_an_old_page_link_with_a_bare_cursor_still_opens_the_next_page(client, documents):
    html = client.get(f"/documents/?after={_legacy_cursor(documents[2])}").content.decode()
    assert documents[3].title in html and documents[4].title in html
    assert documents[2].title not in html


def test_api_next_links_carry_one_cursor_whatever_name_came_in(client, documents):
    cursor = _legacy_cursor(documents[0])
    body = client.get(f"/api/documents/?limit=1&after={cursor}").json()
    assert "after=" not in body["next"] and "cursor=" in body["next"]
    assert _slugs(client, body["next"]) == [documents[2].slug]


def test_the_default_page_is_25_records_on_page_and_api(client):
    for n in range(30):
        make_document(title=f"Doc {n:02}")
    assert len(client.get("/api/documents/").json()["results"]) == 25
    assert (
        client.get("/documents/").content.decode().count('<li>\n        <a href="/documents/') == 25
    )


@pytest.mark.parametrize("name", ["after", "before", "cursor"])
def test_a_broken_cursor_is_a_404_on_the_api_and_a_400_on_the_page(client, documents, name):
    # The API's schema takes any text as a cursor, so one naming no page is "no such page".
    response = client.get("/api/documents/", {name: "not-a-cursor"})
    assert response.status_code == 404 and "link is broken" in response.json()["detail"]
    response = client.get("/documents/", {name: "not-a-cursor"})
    assert response.status_code == 400 and "link is broken" in response.content.decode()


def test_search_pages_still_follow_on_when_the_ranking_moved(client):
    found = [make_document(title=f"Joint declaration {n}") for n in range(4)]
    first = client.get("/api/documents/?q=declaration&limit=2").json()
    seen = [r["slug"] for r in first["results"]]
    # The last record of the first page is unpublished before the reader goes on.
    gone = next(d for d in found if d.slug == seen[-1])
    gone.status = "draft"
    gone.save()
    following = [r["slug"] for r in client.get(first["next"]).json()["results"]]
    assert sorted(seen[:1] + following) == sorted(d.slug for d in found if d != gone)


def test_a_forged_search_cursor_with_a_negative_position_reads_from_the_start(client):
    found = [make_document(title=f"Joint declaration {n}") for n in range(3)]
    forged = base64.urlsafe_b64encode(b'{"k":[-1,999999999],"r":false}').decode().rstrip("=")
    body = client.get(f"/api/documents/?q=declaration&cursor={forged}").json()
    assert sorted(r["slug"] for r in body["results"]) == sorted(d.slug for d in found)
