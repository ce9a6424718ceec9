"""Documents in the holdings: listed on their unit's page with editable
positions and shelfmarks, placed on their own page, filed in bulk."""

import pytest
from django.urls import reverse

from catalogue.models import Document, Status
from tests.admin.conftest import form_data
from tests.factories import make_collection, make_document, make_repository

pytestmark = pytest.mark.django_db


def test_the_unit_page_lists_its_documents_in_order_with_links(archivist_client):
    unit = make_collection()
    second = make_document(title="Second letter", collection=unit, collection_position=1)
    first = make_document(title="First letter", collection=unit, collection_position=0)
    make_document(title="Elsewhere")

    response = archivist_client.get(reverse("admin:catalogue_collection_change", args=[unit.pk]))

    inline = response.context["inline_admin_formsets"][0].formset
    assert [form.instance.title for form in inline.forms] == ["First letter", "Second letter"]
    html = response.content.decode()
    for document in (first, second):
        url = reverse("admin:catalogue_document_change", args=[document.pk])
        assert f'<a href="{url}">{document.title}</a>' in html


def test_positions_and_shelfmarks_edited_on_the_unit_page_are_saved_with_history(
    archivist_client, archivist
):
    repository = make_repository(code="R")
    unit = make_collection(repository=repository, reference_code="F1")
    document = make_document(title="Letter", collection=unit, reference_code="1")
    url = reverse("admin:catalogue_collection_change", args=[unit.pk])
    data = form_data(archivist_client.get(url))
    data["documents-0-collection_position"] = "4"
    data["documents-0-reference_code"] = "item 7"

    response = archivist_client.post(url, data)

    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.collection_position, document.reference_code) == (4, "item 7")
    assert document.full_reference_code == "R/F1/item 7"
    assert document.history.latest().history_user == archivist
    assert Document.objects.filter(pk=document.pk).exists()


def test_the_document_page_has_held_at_and_access_fieldsets(archivist_client):
    unit = make_collection()
    document = make_document(collection=unit, reference_code="7")
    response = archivist_client.get(reverse("admin:catalogue_document_change", args=[document.pk]))
    names = [fieldset.name for fieldset in response.context["adminform"]]
    assert "Held at" in names and "Physical description and access" in names
    form = response.context["adminform"].form
    assert {"collection", "collection_position", "reference_code", "rights_uri"} <= set(form.fields)
    assert f"{unit.full_reference_code}/7" in response.content.decode()


def test_move_to_collection_files_the_selected_documents_after_its_last_one(
    archivist_client, archivist
):
    unit = make_collection()
    make_document(title="Already there", collection=unit, collection_position=0)
    chosen = [make_document(title="Telegram"), make_document(title="Note")]

    response = archivist_client.post(
        reverse("admin:catalogue_document_changelist"),
        {"action": "move_to_collection", "_selected_action": [d.pk for d in chosen]},
    )
    assert response.status_code == 302
    moved = archivist_client.post(response["Location"], {"collection": unit.pk, "position": ""})

    assert moved.status_code == 302
    titles = list(
        unit.documents.order_by("collection_position").values_list("title", "collection_position")
    )
    assert titles == [("Already there", 0), ("Note", 1), ("Telegram", 2)]
    messages = [str(m) for m in moved.wsgi_request._messages]
    assert messages == [f"2 documents filed in \u201c{unit}\u201d."]
    latest = Document.objects.get(title="Note").history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        archivist,
        f"Filed in \u201c{unit}\u201d, position 1",
    )


def test_documents_filed_at_a_position_push_the_others_down(archivist_client):
    unit = make_collection()
    make_document(title="a", collection=unit, collection_position=0)
    make_document(title="b", collection=unit, collection_position=1)
    newcomer = make_document(title="new")
    url = reverse("admin:catalogue_document_move") + f"?ids={newcomer.pk}"
    archivist_client.post(url, {"collection": unit.pk, "position": "1"})
    order = list(unit.documents.order_by("collection_position").values_list("title", flat=True))
    assert order == ["a", "new", "b"]


def test_a_published_document_filed_in_a_draft_unit_stays_published(archivist_client):
    draft_unit = make_collection(status=Status.DRAFT)
    document = make_document(status=Status.PUBLISHED)
    url = reverse("admin:catalogue_document_move") + f"?ids={document.pk}"
    archivist_client.post(url, {"collection": draft_unit.pk})
    document.refresh_from_db()
    assert (document.collection, document.status) == (draft_unit, Status.PUBLISHED)


def test_documents_can_be_taken_out_of_their_collection(archivist_client):
    unit = make_collection()
    document = make_document(collection=unit, reference_code="3")
    url = reverse("admin:catalogue_document_move") + f"?ids={document.pk}"
    archivist_client.post(url, {"collection": ""})
    document.refresh_from_db()
    assert (document.collection, document.full_reference_code) == (None, "3")


def test_the_move_page_refuses_a_collection_that_does_not_exist(archivist_client):
    document = make_document()
    url = reverse("admin:catalogue_document_move") + f"?ids={document.pk}"
    response = archivist_client.post(url, {"collection": "999999"})
    assert response.status_code == 200
    assert response.context["form"].errors["collection"]
    document.refresh_from_db()
    assert document.collection is None
