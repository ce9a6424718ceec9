"""Publishing and unpublishing from the admin decides what anonymous readers see."""

import pytest
from django.test import Client
from django.urls import reverse

from catalogue.models import Document, Person, Status
from tests.admin.conftest import form_data
from tests.factories import make_document, make_person

pytestmark = pytest.mark.django_db


def _action(client, model, action, records):
    return client.post(
        reverse(f"admin:catalogue_{model}_changelist"),
        {"action": action, "_selected_action": [r.pk for r in records]},
    )


def _anonymous_status(record):
    return Client().get(record.get_absolute_url()).status_code


def test_editor_publishes_and_unpublishes_what_anonymous_readers_see(editor_client):
    draft = make_document(title="Draft Declaration", status=Status.DRAFT)
    assert _anonymous_status(draft) == 404
    assert draft not in Document.objects.published()

    response = _action(editor_client, "document", "publish", [draft])
    assert response.status_code == 302
    assert draft in Document.objects.published()
    assert _anonymous_status(draft) == 200

    _action(editor_client, "document", "unpublish", [draft])
    assert draft not in Document.objects.published()
    assert _anonymous_status(draft) == 404


def test_publishing_is_recorded_in_the_history_with_the_editor(editor_client, editor):
    person = make_person(name="Nikolai Bulganin", status=Status.DRAFT)
    _action(editor_client, "person", "publish", [person])
    latest = person.history.latest()
    assert latest.status == Status.PUBLISHED
    assert latest.history_user == editor
    assert latest.history_change_reason == "Status set to published"


def test_publish_reports_how_many_records_changed(editor_client):
    drafts = [make_document(status=Status.DRAFT) for _ in range(2)]
    published = make_document(status=Status.PUBLISHED)
    response = _action(editor_client, "document", "publish", [*drafts, published])
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["2 documents published. 1 already were."]


def test_archivist_posting_the_publish_action_changes_nothing(archivist_client):
    draft = make_person(name="Andrei Gromyko", status=Status.DRAFT)
    _action(archivist_client, "person", "publish", [draft])
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert _anonymous_status(draft) == 404


def test_archivist_cannot_publish_by_editing_the_status_field(archivist_client):
    draft = make_document(title="Trade Protocol", status=Status.DRAFT)
    url = reverse("admin:catalogue_document_change", args=[draft.pk])
    response = archivist_client.get(url)
    assert "status" not in response.context["adminform"].form.fields
    data = {**form_data(response), "status": Status.PUBLISHED, "title": "Trade Protocol (1956)"}
    assert archivist_client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Trade Protocol (1956)"
    assert draft.status == Status.DRAFT


def test_a_record_an_archivist_adds_starts_as_a_draft(archivist_client):
    url = reverse("admin:catalogue_person_add")
    data = {**form_data(archivist_client.get(url)), "name": "Shunichi Matsumoto"}
    data["status"] = Status.PUBLISHED
    assert archivist_client.post(url, data).status_code == 302
    assert Person.objects.get(name="Shunichi Matsumoto").status == Status.DRAFT


def test_editor_can_publish_from_the_change_form(editor_client):
    draft = make_document(status=Status.DRAFT)
    url = reverse("admin:catalogue_document_change", args=[draft.pk])
    data = {**form_data(editor_client.get(url)), "status": Status.PUBLISHED}
    assert editor_client.post(url, data).status_code == 302
    assert _anonymous_status(draft) == 200


def test_published_identifier_and_slug_cannot_be_changed(editor_client, catalogue):
    document = catalogue["document"]
    url = reverse("admin:catalogue_document_change", args=[document.pk])
    form = editor_client.get(url).context["adminform"].form
    assert "identifier" not in form.fields
    assert "slug" not in form.fields
