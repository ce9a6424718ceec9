"""The role matrix on the holdings: Archivists describe repositories and units,
Editors also publish and delete them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from catalogue.models import Collection, Repository, Status
from tests.factories import make_collection, make_repository

pytestmark = pytest.mark.django_db

MODELS = ["repository", "collection"]


def _codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


@pytest.mark.parametrize("model", MODELS)
def test_archivist_may_view_add_and_change_holdings_but_not_delete_or_publish(model):
    codenames = _codenames("Archivist")
    assert {f"view_{model}", f"add_{model}", f"change_{model}", f"view_historical{model}"} <= (
        codenames
    )
    assert f"delete_{model}" not in codenames
    assert f"publish_{model}" not in codenames


@pytest.mark.parametrize("model", MODELS)
def test_editor_may_also_delete_and_publish_holdings(model):
    codenames = _codenames("Editor")
    assert {f"view_{model}", f"add_{model}", f"change_{model}", f"delete_{model}"} <= codenames
    assert f"publish_{model}" in codenames
    assert not any(c.startswith(("change_historical", "delete_historical")) for c in codenames)


def _actions(client, model):
    response = client.get(reverse(f"admin:catalogue_{model}_changelist"))
    action_form = response.context["action_form"]
    return {value for value, _label in action_form.fields["action"].choices}


def test_archivist_moves_units_but_is_offered_neither_publish_nor_delete(archivist_client):
    make_collection()
    actions = _actions(archivist_client, "collection")
    assert "move_units" in actions
    assert not {"publish", "unpublish", "delete_selected"} & actions


def test_editor_is_offered_publish_unpublish_and_delete_on_holdings(editor_client):
    make_collection()
    for model in MODELS:
        assert {"publish", "unpublish", "delete_selected"} <= _actions(editor_client, model)


def test_archivist_cannot_delete_a_unit_and_editor_can(archivist_client, editor_client):
    unit = make_collection(status=Status.DRAFT)
    url = reverse("admin:catalogue_collection_delete", args=[unit.pk])
    assert archivist_client.post(url, {"post": "yes"}).status_code == 403
    assert Collection.objects.filter(pk=unit.pk).exists()
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Collection.objects.filter(pk=unit.pk).exists()


def test_archivist_cannot_publish_a_repository_through_its_status_field(archivist_client):
    repository = make_repository(status=Status.DRAFT)
    url = reverse("admin:catalogue_repository_change", args=[repository.pk])
    assert "status" not in archivist_client.get(url).context["adminform"].form.fields
    archivist_client.post(
        reverse("admin:catalogue_repository_changelist"),
        {"action": "publish", "_selected_action": [repository.pk]},
    )
    assert Repository.objects.get(pk=repository.pk).status == Status.DRAFT


def test_holdings_are_imported_and_exported_by_archivists(archivist_client):
    for model in MODELS:
        html = archivist_client.get(reverse(f"admin:catalogue_{model}_changelist")).content
        assert reverse(f"admin:catalogue_{model}_import").encode() in html
        assert reverse(f"admin:catalogue_{model}_export").encode() in html
