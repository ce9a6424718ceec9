"""No lost edits: a form saved from an older version is refused, keeping its input."""

import pytest
from django.test import Client
from django.urls import reverse

from catalogue.models import Document
from tests.admin.conftest import form_data

pytestmark = pytest.mark.django_db


def _change_url(record):
    return reverse("admin:catalogue_document_change", args=[record.pk])


def _two_clients(first_user, second_user):
    first, second = Client(), Client()
    first.force_login(first_user)
    second.force_login(second_user)
    return first, second


def test_second_archivist_saving_a_stale_form_is_refused_and_keeps_their_input(
    archivist, editor, catalogue
):
    document = catalogue["document"]
    archie, edith = _two_clients(archivist, editor)
    # Both open the same version of the record.
    first = form_data(archie.get(_change_url(document)))
    second = form_data(edith.get(_change_url(document)))
    assert first["expected_version"] == second["expected_version"] == str(document.version)

    first["title"] = "Joint Declaration (first archivist)"
    response = archie.post(_change_url(document), first)
    assert response.status_code == 302

    second["description"] = "Signed in Moscow on 19 October 1956."
    response = edith.post(_change_url(document), second)

    assert response.status_code == 200
    html = response.content.decode()
    assert "was changed by someone else since you opened it" in html
    assert "Changed meanwhile by archie: Title" in html
    # The second archivist's words are still in the form, nothing was saved.
    form = response.context["adminform"].form
    assert form["description"].value() == "Signed in Moscow on 19 October 1956."
    document.refresh_from_db()
    assert document.title == "Joint Declaration (first archivist)"
    assert document.description == ""
    # The field the other person changed is marked with its new value.
    assert "it is now: Joint Declaration (first archivist)" in html


def test_saving_again_after_the_warning_is_a_deliberate_overwrite(archivist, editor, catalogue):
    document = catalogue["document"]
    archie, edith = _two_clients(archivist, editor)
    first = form_data(archie.get(_change_url(document)))
    second = form_data(edith.get(_change_url(document)))
    archie.post(_change_url(document), {**first, "title": "First title"})

    refused = edith.post(_change_url(document), {**second, "title": "Second title"})
    again = form_data(refused)
    assert again["expected_version"] == str(Document.objects.get(pk=document.pk).version)
    response = edith.post(_change_url(document), again)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Document.objects.get(pk=document.pk).title == "Second title"


def test_each_save_raises_the_version_by_one(archivist_client, catalogue):
    document = catalogue["document"]
    before = document.version
    data = form_data(archivist_client.get(_change_url(document)))
    archivist_client.post(_change_url(document), {**data, "title": "Renamed"})
    document.refresh_from_db()
    assert document.version == before + 1


def test_a_form_without_its_version_is_refused(archivist_client, catalogue):
    document = catalogue["document"]
    data = form_data(archivist_client.get(_change_url(document)))
    del data["expected_version"]
    response = archivist_client.post(_change_url(document), {**data, "title": "Renamed"})
    assert response.status_code == 200
    assert "does not say which version" in response.content.decode()
    document.refresh_from_db()
    assert document.title == "Soviet-Japanese Joint Declaration"
