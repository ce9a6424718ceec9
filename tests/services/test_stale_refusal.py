"""One version check under every write surface: the admin form, the API and
the import refuse a save made from an older version in the same words, those
of services.records.StaleVersionError, and change nothing."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from catalogue.admin.resources import DocumentResource
from catalogue.models import Document
from catalogue.services.records import StaleVersionError, record_update
from tests.admin.conftest import form_data
from tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("edith", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def document():
    return make_document(title="Joint Declaration")


def _edit_meanwhile(document):
    """Someone else saves the record (version 1 -> 2); returns the words of the
    refusal after the record's name (the import names it by the row's title)."""
    stored = Document.objects.get(pk=document.pk)
    record_update(record=stored, changes={"title": "Edited meanwhile"}, expected_version=1)
    return str(StaleVersionError(stored, 1, 2)).split("\u201d ", 1)[1]


def _unchanged(document):
    stored = Document.objects.get(pk=document.pk)
    return (stored.title, stored.version) == ("Edited meanwhile", 2)


def test_the_admin_refuses_a_stale_form_with_the_services_words(editor, document):
    client = Client()
    client.force_login(editor)
    url = reverse("admin:catalogue_document_change", args=[document.pk])
    data = form_data(client.get(url))
    refusal = _edit_meanwhile(document)
    response = client.post(url, {**data, "title": "Mine"})
    assert response.status_code == 200
    assert refusal in response.content.decode()
    assert _unchanged(document)


def test_the_api_refuses_a_stale_if_match_with_the_services_words(editor, document):
    client = APIClient()
    client.force_authenticate(editor)
    refusal = _edit_meanwhile(document)
    response = client.patch(
        f"/api/documents/{document.identifier}/",
        {"title": "Mine"},
        format="json",
        HTTP_IF_MATCH='"v1"',
    )
    assert response.status_code == 412
    assert response.json()["detail"].endswith(refusal)
    assert _unchanged(document)


@pytest.mark.django_db(databases=["default", "jobs"])
def test_the_import_refuses_a_stale_row_with_the_services_words(editor, document):
    exported = DocumentResource().export(Document.objects.all())  # at version 1
    refusal = _edit_meanwhile(document)
    row = dict(zip(exported.headers, exported[0], strict=True))
    exported[0] = tuple({**row, "title": "Mine"}.values())
    client = Client()
    client.force_login(editor)
    # The upload's preview job (run at once in tests) refuses the row; its page says why.
    response = client.post(
        reverse("admin:catalogue_document_import"),
        {"import_file": SimpleUploadedFile("d.csv", exported.csv.encode()), "format": "0"},
        follow=True,
    )
    assert refusal in response.content.decode()
    assert _unchanged(document)
