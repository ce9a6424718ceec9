"""Conditional GET: unchanged pages answer 304; staff and public pages never share an ETag."""

import pytest

from tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return make_document(title="The declaration")


@pytest.mark.parametrize("url", ["/", "/documents/", "/timeline/", "/search/?q=declaration"])
def test_unchanged_page_answers_304(client, document, url):
    first = client.get(url)
    assert first["ETag"]
    assert "Cookie" in first["Vary"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_changed_record_gets_a_new_etag(client, document):
    url = document.get_absolute_url()
    etag = client.get(url)["ETag"]
    document.title = "The declaration, corrected"
    document.save()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "corrected" in response.content.decode()


def test_a_staff_etag_never_answers_304_to_anonymous(client, staff_client, document):
    from django.test import Client

    staff_etag = staff_client.get(document.get_absolute_url())["ETag"]
    anonymous = Client()
    response = anonymous.get(document.get_absolute_url(), HTTP_IF_NONE_MATCH=staff_etag)
    assert response.status_code == 200
    assert response["ETag"] != staff_etag


def test_staff_pages_are_private_and_public_pages_revalidate(staff_client, document):
    from django.test import Client

    assert "private" in staff_client.get("/documents/")["Cache-Control"]
    public = Client().get("/documents/")["Cache-Control"]
    assert "public" in public and "max-age=0" in public


def test_public_pages_send_a_csp_that_forbids_inline_code(client, document):
    policy = client.get(document.get_absolute_url())["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_admin_is_left_without_the_public_csp(client):
    assert "Content-Security-Policy" not in client.get("/admin/login/")
