"""The role matrix: Archivists add and change, Editors also publish and delete."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from catalogue.models import Document

pytestmark = pytest.mark.django_db

RECORDS = ["document", "article", "person", "organisation", "place"]
LINKS = [
    "citation",
    "mention",
    "statement",
    "documentagent",
    "documentrelation",
    "documentexcerpt",
    "documentimage",
    "persontitle",
]


def _codenames(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("codename", flat=True))


@pytest.mark.parametrize("model", RECORDS + LINKS)
def test_archivist_may_view_add_and_change_but_not_delete_or_publish(model):
    codenames = _codenames("Archivist")
    assert {f"view_{model}", f"add_{model}", f"change_{model}"} <= codenames
    assert f"view_historical{model}" in codenames
    assert f"delete_{model}" not in codenames
    assert f"publish_{model}" not in codenames


@pytest.mark.parametrize("model", RECORDS + LINKS)
def test_editor_may_also_delete_and_publish(model):
    codenames = _codenames("Editor")
    assert {f"view_{model}", f"add_{model}", f"change_{model}", f"delete_{model}"} <= codenames
    if model in RECORDS:
        assert f"publish_{model}" in codenames


def test_nobody_but_a_superuser_edits_history_rows():
    for group in ("Archivist", "Editor"):
        assert not any(
            c.startswith(("change_historical", "delete_historical", "add_historical"))
            for c in _codenames(group)
        )


def _actions(client):
    response = client.get(reverse("admin:catalogue_document_changelist"))
    action_form = response.context["action_form"]
    if action_form is None:  # the admin hides the actions menu when none are allowed
        return set()
    return {value for value, _label in action_form.fields["action"].choices}


def test_archivist_is_offered_neither_publish_nor_delete(archivist_client, catalogue):
    actions = _actions(archivist_client)
    assert not {"publish", "unpublish", "delete_selected"} & actions


def test_editor_is_offered_publish_unpublish_and_delete(editor_client, catalogue):
    assert {"publish", "unpublish", "delete_selected"} <= _actions(editor_client)


def test_archivist_cannot_delete_a_record(archivist_client, catalogue):
    document = catalogue["draft_document"]
    url = reverse("admin:catalogue_document_delete", args=[document.pk])
    assert archivist_client.get(url).status_code == 403
    assert archivist_client.post(url, {"post": "yes"}).status_code == 403
    assert Document.objects.filter(pk=document.pk).exists()


def test_editor_can_delete_a_record(editor_client, catalogue):
    document = catalogue["draft_document"]
    url = reverse("admin:catalogue_document_delete", args=[document.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()


def test_archivist_cannot_remove_a_linked_row_inline(archivist_client, catalogue):
    url = reverse("admin:catalogue_document_change", args=[catalogue["document"].pk])
    html = archivist_client.get(url).content.decode()
    assert 'name="agents-0-DELETE"' not in html


def test_archivist_may_import_and_export(archivist_client):
    html = archivist_client.get(reverse("admin:catalogue_document_changelist")).content.decode()
    assert reverse("admin:catalogue_document_import") in html
    assert reverse("admin:catalogue_document_export") in html
