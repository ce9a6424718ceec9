"""Publishing holdings in the admin: refusals name what is missing and change
nothing; unpublishing reports the units taken back to draft with it."""

import pytest
from django.urls import reverse

from catalogue.models import Collection, Status
from tests.admin.conftest import form_data
from tests.factories import make_collection, make_repository

pytestmark = pytest.mark.django_db


def _action(client, model, action, records):
    response = client.post(
        reverse(f"admin:catalogue_{model}_changelist"),
        {"action": action, "_selected_action": [r.pk for r in records]},
        follow=True,
    )
    assert response.status_code == 200
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def _status(record):
    return type(record).objects.get(pk=record.pk).status


def test_publishing_a_unit_missing_essentials_names_them_and_publishes_nothing(editor_client):
    good = make_collection(status=Status.DRAFT, title="Complete")
    bare = make_collection(status=Status.DRAFT, title="Bare", extent_and_medium="", date_edtf="")

    messages = _action(editor_client, "collection", "publish", [good, bare])

    assert len(messages) == 1
    level, text = messages[0]
    assert level == "error"
    assert text.startswith("Nothing was published.")
    assert "ISAD(G) requires dates, extent of the unit of description" in text
    assert (_status(good), _status(bare)) == (Status.DRAFT, Status.DRAFT)


def test_publishing_a_unit_under_a_draft_parent_is_refused_in_words(editor_client):
    fonds = make_collection(status=Status.DRAFT, title="Draft fonds")
    series = make_collection(parent=fonds, status=Status.DRAFT)
    [(level, text)] = _action(editor_client, "collection", "publish", [series])
    assert level == "error"
    assert f"the unit it is part of, \u201c{fonds}\u201d, is a draft" in text
    assert _status(series) == Status.DRAFT


def test_a_fonds_and_its_series_publish_together_top_down(editor_client):
    fonds = make_collection(status=Status.DRAFT)
    series = make_collection(parent=fonds, status=Status.DRAFT)
    messages = _action(editor_client, "collection", "publish", [series, fonds])
    assert messages == [("success", "2 collections published.")]
    assert (_status(fonds), _status(series)) == (Status.PUBLISHED, Status.PUBLISHED)


def test_unpublishing_a_fonds_reports_the_units_taken_back_to_draft(editor_client):
    fonds = make_collection()
    series = make_collection(parent=fonds)
    file = make_collection(parent=series)

    messages = _action(editor_client, "collection", "unpublish", [fonds])

    assert messages == [
        ("success", "1 collection unpublished."),
        (
            "warning",
            f"2 units below were taken back to draft: \u201c{series}\u201d, \u201c{file}\u201d.",
        ),
    ]
    assert {_status(series), _status(file)} == {Status.DRAFT}


def test_unpublishing_a_repository_reports_its_units_taken_back_to_draft(editor_client):
    repository = make_repository()
    fonds = make_collection(repository=repository)
    messages = _action(editor_client, "repository", "unpublish", [repository])
    assert messages[-1] == (
        "warning",
        f"1 unit below was taken back to draft: \u201c{fonds}\u201d.",
    )
    assert _status(fonds) == Status.DRAFT


def test_publishing_from_the_status_field_is_refused_on_the_form_naming_what_is_missing(
    editor_client,
):
    unit = make_collection(status=Status.DRAFT, extent_and_medium="")
    url = reverse("admin:catalogue_collection_change", args=[unit.pk])
    data = {**form_data(editor_client.get(url)), "status": Status.PUBLISHED}

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "ISAD(G) requires extent of the unit of description" in response.content.decode()
    assert _status(unit) == Status.DRAFT


def test_unpublishing_from_the_status_field_reports_the_cascade(editor_client):
    fonds = make_collection()
    series = make_collection(parent=fonds)
    url = reverse("admin:catalogue_collection_change", args=[fonds.pk])
    data = {**form_data(editor_client.get(url)), "status": Status.DRAFT}

    response = editor_client.post(url, data, follow=True)

    texts = [str(m) for m in response.context["messages"]]
    assert f"1 unit below was taken back to draft: \u201c{series}\u201d." in texts
    assert Collection.objects.get(pk=series.pk).status == Status.DRAFT


def test_the_unit_page_says_which_essential_elements_are_missing(archivist_client):
    unit = make_collection(status=Status.DRAFT, date_edtf="", creator_organisation=None)
    response = archivist_client.get(reverse("admin:catalogue_collection_change", args=[unit.pk]))
    assert "Missing before it can be published: creator, dates." in response.content.decode()
