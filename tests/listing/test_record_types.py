"""Every record type in catalogue/record_types.py is listed, routed and sorted
from the table alone."""

import pytest
from django.urls import reverse

from catalogue.record_types import RECORD_TYPES, by_model, by_prefix, with_pages
from catalogue.sitemaps import SITEMAPS
from tests.factories import make_article, make_document, make_person, make_place

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("record_type", RECORD_TYPES, ids=lambda t: t.name)
def test_every_type_has_an_api_list_and_pages_only_where_the_table_says(client, record_type):
    assert client.get(f"/api/{record_type.url_prefix}/").status_code == 200
    page = client.get(f"/{record_type.url_prefix}/")
    assert page.status_code == (200 if record_type.page else 404)
    assert (record_type.url_prefix in SITEMAPS) is record_type.page
    assert by_prefix(record_type.url_prefix) is by_model(record_type.model) is record_type
    assert reverse(f"api:{record_type.basename}-list") == f"/api/{record_type.url_prefix}/"


def test_home_counts_every_type_with_pages(client):
    html = client.get("/").content.decode()
    for record_type in with_pages():
        assert f'href="/{record_type.url_prefix}/"' in html


def test_the_api_schema_offers_the_sorts_the_pages_offer(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for record_type in with_pages():
        parameters = schema["paths"][f"/api/{record_type.url_prefix}/"]["get"]["parameters"]
        ordering = next(p for p in parameters if p["name"] == "ordering")
        # Plus "": an empty ordering is the default sort, as on the pages.
        sorts = {v for v, _ in record_type.sort_choices()}
        assert set(ordering["schema"]["enum"]) == sorts | {""}
        documented = {p["name"] for p in parameters}
        assert {"limit", "cursor"} <= documented


def test_a_record_shows_the_same_summary_line_on_its_browse_page_and_in_the_api(client):
    place = make_place(name="Moscow")
    document = make_document(title="Declaration", date_edtf="1956-10-19", place=place)
    article = make_article(site_name="The Paper", date_edtf="1956")
    article.authors.add(make_person(name="Ann Author"))
    for record, prefix in ((document, "documents"), (article, "articles")):
        summary = client.get(f"/api/{prefix}/{record.identifier}/").json()["summary"]
        assert summary == record.summary
        assert summary in client.get(f"/{prefix}/").content.decode()
    assert document.summary == "Declaration · 1956-10-19 · Moscow"
    assert article.summary == "The Paper · 1956 · Ann Author"
