"""deletedRecord persistent: a record unpublished or deleted by any path
answers as <header status="deleted"> with the datestamp of that change;
re-publishing brings it back; a draft never published is never named."""

import pytest

from catalogue.models import Document, HarvestEntry, Status
from catalogue.oai.tracking import entries_rebuild
from catalogue.services.records import (
    record_delete,
    record_set_status,
    record_update,
    records_set_status,
)
from tests import factories

from .xml import NS, error_code, oai

pytestmark = pytest.mark.django_db


def header(client, record):
    identifier = f"oai:catalogue.example.org:{record._meta.model_name}/{record.identifier}"
    root = oai(client, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    return root.find(".//o:header", NS), root


def test_an_edit_moves_the_datestamp(client):
    document = factories.make_document(status=Status.PUBLISHED)
    before = HarvestEntry.objects.get(record_id=document.pk).datestamp
    record_update(record=document, changes={"title": "New"}, expected_version=None)
    entry = HarvestEntry.objects.get(record_id=document.pk)
    assert entry.datestamp == document.modified > before and not entry.deleted


@pytest.mark.parametrize("how", ["set_status", "update", "bulk"])
def test_unpublishing_answers_as_deleted_and_republishing_restores(client, how):
    document = factories.make_document(status=Status.PUBLISHED)
    if how == "set_status":
        record_set_status(record=document, status=Status.DRAFT)
    elif how == "update":
        record_update(record=document, changes={}, status=Status.DRAFT, expected_version=None)
    else:
        records_set_status(records=[document], status=Status.DRAFT)
    node, root = header(client, document)
    assert node.get("status") == "deleted"
    assert root.find(".//o:metadata", NS) is None
    document.refresh_from_db()
    assert HarvestEntry.objects.get(record_id=document.pk).datestamp == document.modified
    record_set_status(record=document, status=Status.PUBLISHED)
    node, root = header(client, document)
    assert node.get("status") is None and root.find(".//o:metadata", NS) is not None


def test_a_deleted_record_stays_as_deleted(client):
    person = factories.make_person(status=Status.PUBLISHED)
    record_delete(record=person, expected_version=None)
    node, _ = header(client, person)
    assert node.get("status") == "deleted"


def test_the_admin_path_is_tracked(admin_client):
    place = factories.make_place(status=Status.PUBLISHED)
    response = admin_client.post(
        f"/admin/catalogue/place/{place.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert HarvestEntry.objects.get(record_id=place.pk, record_type="place").deleted


@pytest.mark.usefixtures("holdings")
def test_the_unpublish_cascade_is_tracked(client):
    fonds = factories.make_collection()
    series = factories.make_collection(parent=fonds)
    record_set_status(record=fonds.repository, status=Status.DRAFT)
    for unit in (fonds, series):
        node, _ = header(client, unit)
        assert node.get("status") == "deleted"


def test_a_draft_never_published_is_never_named(client):
    draft = factories.make_document(status=Status.DRAFT)
    record_update(record=draft, changes={"title": "Still a draft"}, expected_version=None)
    assert not HarvestEntry.objects.filter(record_id=draft.pk, record_type="document").exists()
    _, root = header(client, draft)
    assert error_code(root) == "idDoesNotExist"


def test_the_rebuild_catches_writes_that_sent_no_signal(client):
    shown = factories.make_document(status=Status.PUBLISHED)
    hidden = factories.make_document(status=Status.DRAFT)
    type(shown).objects.filter(pk=shown.pk).update(status=Status.DRAFT)
    type(hidden).objects.filter(pk=hidden.pk).update(status=Status.PUBLISHED)
    counts = entries_rebuild()
    assert counts["deleted"] == 1 and counts["added"] == 1
    assert header(client, shown)[0].get("status") == "deleted"
    assert header(client, hidden)[0].get("status") is None


def test_the_seeded_catalogue_is_harvestable(client):
    from catalogue.services.seed import catalogue_seed

    catalogue_seed()
    published = Document.objects.published().count()
    assert published and HarvestEntry.objects.filter(record_type="document").count() == published
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:document")
    assert error_code(root) is None


@pytest.mark.usefixtures("holdings")
def test_moving_a_unit_moves_the_datestamps_of_everything_below_it_whose_code_changed():
    """A harvester asking for changes since the move gets the new reference
    codes of the units and documents below the moved unit, not only the unit."""
    from catalogue.services.holdings import collection_move

    repository = factories.make_repository(code="R")
    first = factories.make_collection(repository=repository, reference_code="A")
    second = factories.make_collection(repository=repository, reference_code="B")
    series = factories.make_collection(parent=first, reference_code="S")
    file = factories.make_collection(parent=series, reference_code="f1")
    document = factories.make_document(collection=file, reference_code="9")
    untouched = factories.make_document(collection=first, reference_code="1")
    before = {
        record: (HarvestEntry.objects.get(record_id=record.pk, record_type=kind).datestamp, version)
        for record, kind, version in [
            (file, "collection", file.version),
            (document, "document", document.version),
            (untouched, "document", untouched.version),
        ]
    }

    collection_move(collection=series, parent=second)

    for record in (file, document):
        record.refresh_from_db()
        kind = record._meta.model_name
        entry = HarvestEntry.objects.get(record_id=record.pk, record_type=kind)
        datestamp, version = before[record]
        assert entry.datestamp == record.modified > datestamp
        assert record.version == version + 1
        assert record.history.latest().history_change_reason == (
            f"Reference code changed with \u201c{series}\u201d"
        )
    assert document.full_reference_code == "R/B/S/f1/9"
    untouched.refresh_from_db()
    assert (
        HarvestEntry.objects.get(record_id=untouched.pk, record_type="document").datestamp,
        untouched.version,
    ) == before[untouched]
