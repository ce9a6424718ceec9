"""The browse page and the API list the same records in the same order, for
every sort of every type, forwards and backwards: both go through
catalogue.selectors.listing, with undated records and ties present."""

import re

import pytest

from catalogue.record_types import with_pages
from tests.factories import (
    make_article,
    make_collection,
    make_document,
    make_organisation,
    make_person,
    make_place,
    make_repository,
)

pytestmark = pytest.mark.django_db

# Ties on the date, on the title and on both; two undated records.
DATES = ["1956-10-19", "1956-10-19", "1951", "", "1956-10-19", "1945-08/1956-10", ""]
TITLES = ["Bravo", "Alpha", "Alpha", "Charlie", "Alpha", "Delta", "Bravo"]
MAKERS = {
    "document": lambda t, d: make_document(title=t, date_edtf=d),
    "article": lambda t, d: make_article(title=t, date_edtf=d),
    "person": lambda t, d: make_person(name=t),
    "organisation": lambda t, d: make_organisation(name=t),
    "place": lambda t, d: make_place(name=t),
    "repository": lambda t, d: make_repository(name=t),
    # Repositories without a code: units with the same local code ("A") tie on
    # the full reference code (each in its own repository, where codes are unique).
    "collection": lambda t, d: make_collection(
        title=t, date_edtf=d, reference_code=t[0], repository=make_repository(code="")
    ),
}
CASES = [
    (record_type, sort)
    for record_type in with_pages()
    for sort in ["", *(value for value, _ in record_type.sort_choices())]
]


def _records(record_type):
    made = [MAKERS[record_type.name](t, d) for t, d in zip(TITLES, DATES, strict=True)]
    # Ties on the last-changed time too (update() leaves auto_now alone).
    tied = [r.pk for r in made[::2]]
    record_type.model.objects.filter(pk__in=tied).update(modified=made[0].modified)
    return made


def _page_walk(client, url, rel):
    """[[slug, ...] per page] following the page's `rel` links from `url`."""
    pages, prefix = [], url.split("?")[0]
    while url:
        html = client.get(url).content.decode()
        pages.append(re.findall(rf'<li>\s*<a href="{prefix}([^/"]+)/">', html))
        link = re.search(rf'href="(\?[^"]*)" rel="{rel}"', html)
        url = prefix + link.group(1).replace("&amp;", "&") if link else None
    return pages


def _api_walk(client, url, key):
    pages = []
    while url:
        body = client.get(url).json()
        pages.append([r["slug"] for r in body["results"]])
        url = body[key]
    return pages


def _last_url(pages_url, client, is_api):
    """The address of the last page, reached by next links."""
    url = pages_url
    while True:
        if is_api:
            following = client.get(url).json()["next"]
        else:
            html = client.get(url).content.decode()
            link = re.search(r'href="(\?[^"]*)" rel="next"', html)
            following = url.split("?")[0] + link.group(1).replace("&amp;", "&") if link else None
        if not following:
            return url
        url = following


@pytest.mark.parametrize(("record_type", "sort"), CASES, ids=lambda c: getattr(c, "name", c))
def test_page_and_api_walk_the_same_records_in_the_same_order_both_ways(client, record_type, sort):
    _records(record_type)
    page_url = f"/{record_type.url_prefix}/?per_page=2&ordering={sort}"
    api_url = f"/api/{record_type.url_prefix}/?limit=2&ordering={sort}"

    forward = _page_walk(client, page_url, "next")
    assert forward == _api_walk(client, api_url, "next")
    flat = [slug for page in forward for slug in page]
    assert len(flat) == len(set(flat)) == len(TITLES)

    back = _page_walk(client, _last_url(page_url, client, False), "prev")
    api_back = _api_walk(client, _last_url(api_url, client, True), "previous")
    assert back == api_back == forward[::-1]


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_undated_documents_come_last_in_both_directions_on_page_and_api(client, sort):
    made = _records(next(t for t in with_pages() if t.name == "document"))
    undated = {d.slug for d in made if not d.date_edtf}
    api = client.get(f"/api/documents/?ordering={sort}").json()["results"]
    assert {r["slug"] for r in api[-2:]} == undated
    page = _page_walk(client, f"/documents/?ordering={sort}", "next")[0]
    assert page == [r["slug"] for r in api]


def test_ties_break_by_title_then_pk_in_the_sorts_direction(client):
    made = _records(next(t for t in with_pages() if t.name == "document"))
    slugs = [r["slug"] for r in client.get("/api/documents/?ordering=-date").json()["results"]]
    same_day = [d for d in made if d.date_edtf == "1956-10-19"]
    expected = sorted(same_day, key=lambda d: (d.title, d.pk), reverse=True)
    assert slugs[: len(same_day)] == [d.slug for d in expected]


def test_search_results_page_the_same_best_first_on_page_and_api(client):
    for n in range(5):
        make_document(title=f"Joint declaration {n}", description="declaration " * n)
    make_document(title="Something else")
    forward = _page_walk(client, "/documents/?q=declaration&per_page=2", "next")
    assert forward == _api_walk(client, "/api/documents/?q=declaration&limit=2", "next")
    assert [len(p) for p in forward] == [2, 2, 1]
    api_back = _api_walk(
        client, _last_url("/api/documents/?q=declaration&limit=2", client, True), "previous"
    )
    assert api_back == forward[::-1]
