"""A link to a draft is left out, not shown broken: the published record
reads as if the link were not set, while staff still preview it."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser

from catalogue.models import Document, PersonTitle, Status
from tests.factories import make_article, make_document, make_organisation, make_person, make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    place = make_place(name="Hidden Harbour", status=Status.DRAFT)
    return make_document(title="Joint declaration", place=place)


def test_a_draft_place_is_absent_from_citations_not_written_as_none(client, document):
    ris = client.get(document.get_absolute_url() + "cite.ris").content.decode()
    csl = json.loads(client.get(document.get_absolute_url() + "cite.json").content)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "CY  -" not in ris
    assert "event-place" not in csl[0]
    assert "<dt>Place</dt>" not in page
    assert "None" not in ris + page


def test_a_draft_place_reads_null_in_the_api(client, document):
    assert client.get(f"/api/documents/{document.identifier}/").json()["place"] is None


def test_staff_preview_the_draft_place(staff_client, document):
    page = staff_client.get(document.get_absolute_url()).content.decode()
    assert "Hidden Harbour" in page
    api = staff_client.get(f"/api/documents/{document.identifier}/").json()
    assert api["place"]["name"] == "Hidden Harbour"


def test_a_title_keeps_its_words_without_its_draft_organisation(client):
    person = make_person(name="Ichiro Hatoyama")
    ministry = make_organisation(name="Secret Ministry", status=Status.DRAFT)
    PersonTitle.objects.create(person=person, title="Prime Minister", organisation=ministry)
    page = client.get(person.get_absolute_url()).content.decode()
    assert "Prime Minister" in page
    assert "Secret Ministry" not in page


def test_an_article_with_a_draft_publisher_cites_no_publisher(client):
    publisher = make_organisation(name="Unreleased Press", status=Status.DRAFT)
    article = make_article(title="On the declaration", publisher=publisher)
    bib = client.get(article.get_absolute_url() + "cite.bib").content.decode()
    assert "howpublished" not in bib
    listing = client.get("/articles/").content.decode()
    assert "On the declaration" in listing and "Unreleased Press" not in listing


def test_saving_a_record_read_with_the_link_emptied_keeps_the_link(document):
    # Only the loaded object is emptied; the stored place survives a save.
    hidden = Document.objects.detail_for(AnonymousUser()).get(pk=document.pk)
    assert hidden.place is None
    hidden.save()
    assert Document.objects.get(pk=document.pk).place.name == "Hidden Harbour"
