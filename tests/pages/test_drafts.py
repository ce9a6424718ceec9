"""Drafts: a 404 for anonymous readers everywhere, a preview with a banner for staff."""

import pytest

from catalogue.models import Status
from tests.factories import make_article, make_document, make_person

pytestmark = pytest.mark.django_db
BANNER = "Draft preview."


@pytest.fixture
def drafts():
    return [
        make_document(title="Draft memo", status=Status.DRAFT),
        make_article(title="Draft article", status=Status.DRAFT),
        make_person(name="Draft Person", status=Status.DRAFT),
    ]


def test_draft_detail_pages_and_downloads_are_404_for_anonymous(client, drafts):
    for record in drafts:
        url = record.get_absolute_url()
        assert client.get(url).status_code == 404
        assert client.get(url + "cite.bib").status_code == 404


def test_drafts_appear_nowhere_for_anonymous(client, drafts):
    for url in [
        "/",
        "/documents/",
        "/articles/",
        "/people/",
        "/timeline/",
        "/sitemap.xml",
        "/search/?q=Draft",
    ]:
        html = client.get(url).content.decode()
        assert "Draft memo" not in html and "Draft Person" not in html, url


def test_staff_preview_drafts_with_a_banner(staff_client, drafts):
    for record in drafts:
        response = staff_client.get(record.get_absolute_url())
        assert response.status_code == 200
        assert BANNER in response.content.decode()


def test_published_pages_have_no_banner_for_staff(staff_client):
    document = make_document(title="Published")
    assert BANNER not in staff_client.get(document.get_absolute_url()).content.decode()


def test_draft_mentioned_in_a_published_article_is_not_linked_for_anonymous(client):
    secret = make_person(name="Hidden Name", status=Status.DRAFT)
    article = make_article(source_text="Title\nHidden Name spoke.", body="Hidden Name spoke.")
    from tests.factories import make_mention

    make_mention(article, secret, "Hidden Name")
    html = client.get(article.get_absolute_url()).content.decode()
    assert secret.get_absolute_url() not in html
    assert "Hidden Name spoke." in html  # the words stay, unlinked
