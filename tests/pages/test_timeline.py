"""The timeline: every dated record on one axis, ranges drawn as ranges, each linked."""

import re

import pytest

from catalogue.models import Status
from tests.factories import make_article, make_document

pytestmark = pytest.mark.django_db


def test_seeded_timeline_links_every_dated_document(seeded, client):
    html = client.get("/timeline/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    # The treaty is undated: its only dating sentence in the sources is negated.
    assert svg.count('<a href="/documents/') == 3
    assert "Treaty of Peace with Japan" not in svg


def test_uncertain_and_ranged_dates_are_drawn_wider_than_a_day(client):
    make_document(title="A day", date_edtf="1956-10-19")
    make_document(title="A range", date_edtf="1945-08/1956-10")
    make_document(title="About a year", date_edtf="1950~")
    html = client.get("/timeline/").content.decode()
    widths = dict(
        re.findall(
            r'<title>([^(<]+) \(.*?</title>\s*<rect x="[^"]+" y="[^"]+" width="([^"]+)"', html
        )
    )
    assert float(widths["A range"]) > float(widths["About a year"]) > float(widths["A day"])
    assert "1945-08-01 to 1956-10-31" in html  # the list says the same in words


def test_undated_and_draft_records_are_left_out(client):
    make_document(title="Undated", date_edtf="")
    make_document(title="Secret", status=Status.DRAFT)
    make_article(title="Dated article", date_edtf="1956-10-20")
    html = client.get("/timeline/").content.decode()
    assert "Dated article" in html and "Undated" not in html and "Secret" not in html


def test_decade_narrows_the_timeline(client):
    make_document(title="Fifties", date_edtf="1956")
    make_document(title="Forties", date_edtf="1945")
    html = client.get("/timeline/", {"decade": "1940"}).content.decode()
    assert "Forties" in html and "Fifties" not in html.split("<svg")[1]


@pytest.mark.parametrize("records", [1, 50])
def test_timeline_query_count_is_constant(client, django_assert_num_queries, records):
    for n in range(records):
        make_document(date_edtf=f"{1900 + n}")
        make_article(date_edtf=f"{1900 + n}-05")
    # dated documents; dated articles; year spans of each for the decade links.
    with django_assert_num_queries(4):
        response = client.get("/timeline/")
    assert response.content.decode().count("<rect") == 2 * records
