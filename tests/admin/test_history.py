"""Revision history in the admin: who changed what, and restoring an earlier version."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from catalogue.models import Document, Person, Status
from tests.admin.conftest import form_data
from tests.factories import make_document, make_person, make_place

pytestmark = pytest.mark.django_db


def _edit(client, record, **changes):
    url = reverse(f"admin:catalogue_{record._meta.model_name}_change", args=[record.pk])
    response = client.post(url, {**form_data(client.get(url)), **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    record.refresh_from_db()


def _history_url(record):
    return reverse(f"admin:catalogue_{record._meta.model_name}_history", args=[record.pk])


def _restore_url(record, history_row):
    name = f"admin:catalogue_{record._meta.model_name}_simple_history"
    return reverse(name, args=[record.pk, history_row.history_id])


def test_history_page_shows_who_changed_which_field_from_what_to_what(archivist_client, archivist):
    person = make_person(name="Ichiro Hatoyama", biography="Politician.")
    _edit(archivist_client, person, biography="Prime Minister of Japan, 1954-1956.")

    response = archivist_client.get(_history_url(person))
    html = response.content.decode()
    assert person.history.latest().history_user == archivist
    assert "archie" in html
    assert "<dt>Biography</dt>" in html
    assert "<del>Politician.</del>" in html
    assert "<ins>Prime Minister of Japan, 1954-1956.</ins>" in html
    # Bookkeeping fields are not listed as changes.
    assert "<dt>Modified</dt>" not in html


def test_a_long_text_change_is_shown_word_by_word(archivist_client):
    text = "The state of war between the two countries ends on the day this enters into force. "
    document = make_document(transcription=text * 3)
    changed = text * 2 + text.replace("the day", "the very day")
    _edit(archivist_client, document, transcription=changed)

    html = archivist_client.get(_history_url(document)).content.decode()
    assert "<ins>very </ins>" in html
    # Unchanged stretches are shortened, not repeated in full.
    assert html.count("between the two countries") < 3


def test_restoring_an_earlier_version_brings_its_values_back_as_a_new_version(
    archivist_client,
):
    document = make_document(title="Joint Declaration", description="First description.")
    _edit(archivist_client, document, description="A mistaken description.")
    first = document.history.earliest()
    assert document.version == 2

    url = _restore_url(document, first)
    response = archivist_client.post(url, form_data(archivist_client.get(url)))

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.description == "First description."
    assert document.version == 3
    latest = document.history.latest()
    assert latest.version == 3
    assert latest.history_change_reason == "Restored version 1"


def test_restoring_is_refused_when_the_record_changed_after_the_restore_page_opened(
    archivist, editor
):
    person = make_person(name="Ichiro Hatoyama", biography="First.")
    archie, edith = Client(), Client()
    archie.force_login(archivist)
    edith.force_login(editor)
    _edit(archie, person, biography="Second.")
    url = _restore_url(person, person.history.earliest())
    restore_form = form_data(archie.get(url))

    _edit(edith, person, biography="Third, by the editor.")
    response = archie.post(url, restore_form)

    assert response.status_code == 200
    assert "was changed by someone else since you opened it" in response.content.decode()
    person.refresh_from_db()
    assert person.biography == "Third, by the editor."


def test_an_archivist_cannot_publish_by_restoring_a_published_version(
    archivist_client, editor_client
):
    document = make_document(status=Status.PUBLISHED, title="Published title")
    _edit(editor_client, document, status=Status.DRAFT)
    assert document.status == Status.DRAFT
    published = document.history.filter(status=Status.PUBLISHED).earliest()

    url = _restore_url(document, published)
    archivist_client.post(url, form_data(archivist_client.get(url)))

    document.refresh_from_db()
    assert document.status == Status.DRAFT
    assert document not in Document.objects.published()


def test_a_view_only_user_cannot_restore(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_person"))
    client.force_login(viewer)
    person = make_person(name="Before")
    person.name = "After"
    person.save()
    url = _restore_url(person, person.history.earliest())
    assert client.get(url).status_code == 200
    assert client.post(url, {"name": "Before", "expected_version": "2"}).status_code == 403
    assert Person.objects.get(pk=person.pk).name == "After"


def test_link_rows_have_history_too(archivist_client, catalogue):
    citation = catalogue["citation"]
    url = reverse("admin:catalogue_citation_change", args=[citation.pk])
    data = form_data(archivist_client.get(url))
    archivist_client.post(url, {**data, "locator": "Article 9"})
    html = archivist_client.get(
        reverse("admin:catalogue_citation_history", args=[citation.pk])
    ).content.decode()
    assert "<del>Article 1</del>" in html
    assert "<ins>Article 9</ins>" in html


@pytest.mark.parametrize("saves", [1, 20])
def test_history_page_query_count_does_not_grow_with_versions(
    archivist_client, django_assert_num_queries, saves
):
    document = make_document(title="Version 0", place=make_place(name="Moscow"))
    for n in range(saves):
        document.title = f"Version {n + 1}"
        document.place = make_place(name=f"City {n}")
        document.save()
    # session, user, permissions (2), the record, the page of versions with
    # their users and places, their count, the version before the page,
    # the user content type (for links to users; cached per process, so
    # cleared here to count it every time).
    ContentType.objects.clear_cache()
    with django_assert_num_queries(9):
        response = archivist_client.get(_history_url(document))
    assert len(response.context["page_obj"]) == saves + 1
