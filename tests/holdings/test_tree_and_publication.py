"""The collection tree's derived codes and the publication rule of holdings."""

import pytest
from django.core.exceptions import ValidationError

from catalogue.models import Collection, Status
from catalogue.services.records import record_set_status, record_update
from tests.factories import make_collection, make_document, make_repository

pytestmark = pytest.mark.django_db


def test_full_reference_code_is_derived_down_the_tree_and_onto_documents():
    repository = make_repository(code="JP-1000001")
    fonds = make_collection(repository=repository, reference_code="F12")
    series = make_collection(parent=fonds, reference_code="S3")
    document = make_document(collection=series, reference_code="7")

    assert fonds.full_reference_code == "JP-1000001/F12"
    assert series.full_reference_code == "JP-1000001/F12/S3"
    assert document.full_reference_code == "JP-1000001/F12/S3/7"


def test_moving_a_unit_rederives_its_subtree_and_its_documents():
    repository = make_repository(code="R")
    first, second = make_collection(repository=repository), make_collection(repository=repository)
    series = make_collection(parent=first, reference_code="S")
    file = make_collection(parent=series, reference_code="f1")
    document = make_document(collection=file, reference_code="9")

    record_update(record=series, changes={"parent": second}, expected_version=series.version)

    file.refresh_from_db()
    document.refresh_from_db()
    assert file.full_reference_code == f"R/{second.reference_code}/S/f1"
    assert document.full_reference_code == f"R/{second.reference_code}/S/f1/9"
    assert list(Collection.objects.subtree(second)) == [second, series, file]
    assert list(Collection.objects.subtree(first)) == [first]


def test_a_unit_cannot_be_moved_inside_itself():
    fonds = make_collection()
    series = make_collection(parent=fonds)
    fonds.parent = series
    with pytest.raises(ValidationError, match="inside itself"):
        fonds.full_clean()


def test_publishing_needs_the_six_essential_elements_named_in_the_error():
    collection = make_collection(status=Status.DRAFT, extent_and_medium="", date_edtf="")
    with pytest.raises(ValidationError) as error:
        record_set_status(record=collection, status=Status.PUBLISHED)
    assert "dates" in str(error.value) and "extent of the unit of description" in str(error.value)
    collection.refresh_from_db()
    assert collection.status == Status.DRAFT


def test_a_unit_under_a_draft_parent_cannot_be_published():
    fonds = make_collection(status=Status.DRAFT)
    series = make_collection(parent=fonds, status=Status.DRAFT)
    with pytest.raises(ValidationError, match="is a draft"):
        record_set_status(record=series, status=Status.PUBLISHED)


def test_unpublishing_a_unit_takes_its_subtree_back_to_draft_but_not_its_documents():
    fonds = make_collection()
    series = make_collection(parent=fonds)
    file = make_collection(parent=series)
    document = make_document(collection=file)

    record_set_status(record=fonds, status=Status.DRAFT)

    series.refresh_from_db()
    file.refresh_from_db()
    document.refresh_from_db()
    assert (series.status, file.status) == (Status.DRAFT, Status.DRAFT)
    assert series.history.first().history_change_reason == f"Unpublished with \u201c{fonds}\u201d"
    assert document.status == Status.PUBLISHED


def test_unpublishing_a_repository_takes_its_collections_back_to_draft():
    repository = make_repository()
    fonds = make_collection(repository=repository)
    record_update(
        record=repository, changes={}, expected_version=repository.version, status=Status.DRAFT
    )
    fonds.refresh_from_db()
    assert fonds.status == Status.DRAFT


def test_reference_codes_are_unique_within_a_repository_only():
    first, second = make_repository(), make_repository()
    make_collection(repository=first, reference_code="F1")
    make_collection(repository=second, reference_code="F1")  # another repository: fine
    duplicate = Collection(repository=first, reference_code="F1", title="Again")
    with pytest.raises(ValidationError, match="this reference code"):
        duplicate.full_clean()
