"""sitemap.xml lists published records only; robots.txt points to it."""

import pytest

from catalogue.models import Status
from tests.factories import make_document, make_person

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_records_only(client):
    published = make_document(title="Published")
    draft = make_document(title="Draft", status=Status.DRAFT)
    person = make_person()
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{published.get_absolute_url()}" in xml
    assert f"http://testserver{person.get_absolute_url()}" in xml
    assert draft.get_absolute_url() not in xml
    assert "<lastmod>" in xml


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
