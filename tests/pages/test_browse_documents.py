"""The documents browse page: facets, sorting, keyset pages, capped counts."""

import re

import pytest

from catalogue.models import Document, DocumentAgent, Status
from catalogue.selectors import listing as listing_module
from tests.factories import make_agent, make_document, make_person, make_place

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<li>\s*<a href="/documents/[^"]+">([^<]+)</a>', response.content.decode())


def next_link(response):
    match = re.search(r'href="(\?[^"]*after=[^"]*)" rel="next"', response.content.decode())
    return match.group(1).replace("&amp;", "&") if match else None


def test_seeded_documents_are_listed_by_date_with_facets(seeded, client):
    response = client.get("/documents/")
    assert titles(response)[0] == "Soviet-Japanese Joint Declaration of 1956"
    assert titles(response)[-1] == "Treaty of Peace with Japan"  # undated: after the dated
    html = response.content.decode()
    assert "4 documents" in html
    assert 'href="?kind=declaration"' in html
    assert 'href="?decade=1950"' in html
    assert 'href="?person=person-ichiro-hatoyama"' in html
    assert 'href="?place=place-moscow"' in html


def test_facet_links_filter_and_can_be_removed(seeded, client):
    response = client.get("/documents/?kind=declaration")
    assert titles(response) == ["Soviet-Japanese Joint Declaration of 1956"]
    html = response.content.decode()
    assert "Kind: Declaration" in html
    assert 'aria-label="Remove filter Kind: Declaration"' in html


def test_decade_facet_then_year_facet_match_ranged_dates_by_overlap(client):
    make_document(title="A range across decades", date_edtf="1945-08/1956-10")
    make_document(title="Only the fifties", date_edtf="1956")
    html = client.get("/documents/").content.decode()
    assert re.search(r'href="\?decade=1940">1940s</a> <span class="count">1<', html)
    assert re.search(r'href="\?decade=1950">1950s</a> <span class="count">2<', html)
    response = client.get("/documents/?decade=1940")
    assert titles(response) == ["A range across decades"]
    assert 'href="?decade=1940&amp;year=1947"' in response.content.decode()
    assert titles(client.get("/documents/?decade=1950&year=1956")) == [
        "A range across decades",
        "Only the fifties",
    ]


def test_person_and_place_facets_filter_by_identifier(client):
    moscow = make_place(name="Moscow", identifier="place-moscow")
    hatoyama = make_person(name="Ichiro Hatoyama", identifier="person-hatoyama")
    signed = make_document(title="Signed in Moscow", place=moscow)
    make_agent(signed, person=hatoyama, role=DocumentAgent.Role.SIGNATORY)
    make_document(title="Elsewhere")
    assert titles(client.get("/documents/?person=person-hatoyama")) == ["Signed in Moscow"]
    assert titles(client.get("/documents/?place=place-moscow")) == ["Signed in Moscow"]


def test_sorting_by_title_both_ways(client):
    for title in ["Bravo", "Alpha", "Charlie"]:
        make_document(title=title)
    assert titles(client.get("/documents/?ordering=title")) == ["Alpha", "Bravo", "Charlie"]
    assert titles(client.get("/documents/?ordering=-title")) == ["Charlie", "Bravo", "Alpha"]


def test_keyset_pages_visit_every_record_once_in_order_undated_last(client):
    dates = ["1956-10-19", "1951", "", "1956-10-19", "1945-08/1956-10", "", "1956~"]
    for n, date in enumerate(dates):
        make_document(title=f"Doc {n}", date_edtf=date)
    expected = titles(client.get("/documents/?per_page=100"))
    seen, url = [], "?per_page=2"
    while url:
        response = client.get("/documents/" + url)
        assert response.status_code == 200
        seen += titles(response)
        url = next_link(response)
    assert seen == expected
    assert sorted(seen) == sorted(f"Doc {n}" for n in range(len(dates)))
    assert seen[-2:] == ["Doc 2", "Doc 5"]  # undated last


def previous_link(response):
    match = re.search(r'href="(\?[^"]*before=[^"]*)" rel="prev"', response.content.decode())
    return match.group(1).replace("&amp;", "&") if match else None


@pytest.mark.parametrize("ordering", ["date", "-date", "title", "-title"])
def test_previous_page_links_walk_back_through_the_same_pages(client, ordering):
    dates = ["1956-10-19", "1951", "", "1956-10-19", "1945-08/1956-10", "", "1956~"]
    for n, date in enumerate(dates):
        make_document(title=f"Doc {n}", date_edtf=date)
    forward, url = [], f"?per_page=2&ordering={ordering}"
    while url:
        response = client.get("/documents/" + url)
        forward.append(titles(response))
        url = next_link(response)
    assert previous_link(client.get(f"/documents/?per_page=2&ordering={ordering}")) is None
    backward, url = [], previous_link(response)
    while url:
        response = client.get("/documents/" + url)
        assert response.status_code == 200
        backward.append(titles(response))
        url = previous_link(response)
    assert backward[::-1] == forward[:-1]


def test_deep_page_query_has_no_offset(client):
    for n in range(6):
        make_document(title=f"Doc {n}")
    cursor = next_link(client.get("/documents/?per_page=2"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/documents/" + cursor)
    page_sql = [q["sql"] for q in queries.captured_queries if "LIMIT 3" in q["sql"]]
    assert page_sql and all("OFFSET" not in sql for sql in page_sql)


def test_counts_above_the_cap_show_a_plus(client, monkeypatch):
    monkeypatch.setattr(listing_module, "COUNT_CAP", 3)
    for _ in range(5):
        make_document()
    assert "3+ documents" in client.get("/documents/").content.decode()


def test_draft_documents_are_not_listed_for_anonymous_readers(client):
    make_document(title="Published one")
    make_document(title="Unchecked draft", status=Status.DRAFT)
    assert titles(client.get("/documents/")) == ["Published one"]


def test_staff_see_drafts_marked(staff_client):
    make_document(title="Unchecked draft", status=Status.DRAFT)
    html = staff_client.get("/documents/").content.decode()
    assert "Unchecked draft" in html and '<span class="badge">Draft</span>' in html


def test_search_words_rank_best_match_first(seeded, client):
    response = client.get("/documents/?q=Habomai")
    assert titles(response)[0] == "Soviet-Japanese Joint Declaration of 1956"
    assert "Best matches first" in response.content.decode()


@pytest.mark.parametrize("per_page", [1, 50])
def test_document_list_query_count_is_constant(client, django_assert_num_queries, per_page):
    place = make_place()
    person = make_person()
    for n in range(55):
        document = make_document(kind=Document.Kind.TREATY if n % 2 else Document.Kind.PROTOCOL)
        document.place = place
        document.save()
        make_agent(document, person=person)
    # capped count, page (place joined), kind facet, year spans, people facet,
    # organisations facet, places facet, repository, collection and level
    # facets (the collection facet names its units in one more query when any
    # document is held: tests/holdings/test_pages_query_counts.py).
    with django_assert_num_queries(10):
        response = client.get(f"/documents/?per_page={per_page}&kind=treaty")
    assert len(titles(response)) == min(per_page, 27)


def test_search_results_in_best_match_order_page_back_too(client):
    for n in range(5):
        make_document(title=f"Joint declaration {n}")
    first = client.get("/documents/?q=declaration&per_page=2")
    second = client.get("/documents/" + next_link(first))
    back = re.search(r'href="(\?[^"]*)" rel="prev"', second.content.decode()).group(1)
    assert titles(client.get("/documents/" + back.replace("&amp;", "&"))) == titles(first)
