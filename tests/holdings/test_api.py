"""/api/repositories/ and /api/collections/, and documents' holdings fields:
the pages' filters, keyset paging, ETags, If-Match writes through the
services, and the publication rule's refusals as a JSON 400 naming the problem."""

import pytest
from django.contrib.auth.models import Permission

from catalogue.models import Collection, Status
from tests.factories import make_collection, make_document, make_organisation, make_repository

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(editor):
    # An Editor, with the holdings' permissions whatever the roles' migration
    # (catalogue/migrations, the admin's side) gives them by the time this runs.
    codenames = [
        f"{action}_{model}"
        for model in ("repository", "collection")
        for action in ("view", "add", "change", "delete", "publish")
    ]
    editor.user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return editor


def test_lists_filter_by_repository_parent_subtree_and_level(anon):
    repository = make_repository(code="JP-1")
    fonds = make_collection(repository=repository, reference_code="F1")
    series = make_collection(parent=fonds, reference_code="S1")
    file = make_collection(parent=series, reference_code="f1", level="file")
    make_collection(reference_code="X")  # elsewhere

    def codes(**params):
        rows = anon.get("/api/collections/", params).json()["results"]
        return [row["full_reference_code"] for row in rows]

    assert codes(repository=repository.identifier) == ["JP-1/F1", "JP-1/F1/S1", "JP-1/F1/S1/f1"]
    assert codes(parent=fonds.identifier) == ["JP-1/F1/S1"]
    assert codes(within=series.identifier) == ["JP-1/F1/S1", "JP-1/F1/S1/f1"]
    assert codes(level="file") == [file.full_reference_code]
    assert anon.get("/api/collections/", {"level": "shelf"}).status_code == 400


def test_documents_filter_by_collection_subtree_repository_and_level(anon):
    fonds = make_collection(reference_code="F1")
    series = make_collection(parent=fonds, reference_code="S1")
    in_series = make_document(title="In series", collection=series, reference_code="3")
    make_document(title="Loose")

    def titles(**params):
        return [row["title"] for row in anon.get("/api/documents/", params).json()["results"]]

    assert titles(collection=fonds.identifier) == ["In series"]
    assert titles(repository=fonds.repository.identifier) == ["In series"]
    assert titles(level="series") == ["In series"]
    assert titles(collection="no-such-unit") == []
    body = anon.get(f"/api/documents/{in_series.identifier}/").json()
    assert body["collection"]["identifier"] == series.identifier
    assert body["full_reference_code"] == f"{series.full_reference_code}/3"


def test_detail_has_links_up_the_tree_and_an_etag(anon):
    fonds = make_collection(reference_code="F1")
    series = make_collection(parent=fonds, reference_code="S1")
    url = f"/api/collections/{series.identifier}/"
    response = anon.get(url)
    body = response.json()
    assert body["parent"]["identifier"] == fonds.identifier
    assert body["repository"]["identifier"] == fonds.repository.identifier
    assert body["creator_organisation"]["type"] == "organisation"
    assert "archival_history" in body  # the whole description on the detail
    assert anon.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert anon.get(url, {"format": "jsonld"}).json()["@type"] == "ArchiveComponent"
    repo = anon.get(f"/api/repositories/{fonds.repository.identifier}/?format=jsonld").json()
    assert repo["@type"] == "ArchiveOrganization"


def test_anonymous_and_unauthorised_writes_are_refused(anon, reader_client):
    repository = make_repository()
    body = {"title": "T", "repository_identifier": repository.identifier}
    assert anon.post("/api/collections/", body, format="json").status_code in (401, 403)
    assert reader_client.post("/api/collections/", body, format="json").status_code == 403
    assert not Collection.objects.exists()


@pytest.fixture
def reader_client(reader):
    return reader


def test_a_unit_is_created_and_moved_through_the_services_with_if_match(writer):
    repository = make_repository(code="JP-9")
    fonds = make_collection(repository=repository, reference_code="F1")
    body = {
        "title": "Talks",
        "repository_identifier": repository.identifier,
        "parent_identifier": fonds.identifier,
        "reference_code": "S2",
        "level": "series",
    }
    created = writer.post("/api/collections/", body, format="json")
    assert created.status_code == 201, created.content
    unit = created.json()
    assert unit["full_reference_code"] == "JP-9/F1/S2" and unit["status"] == "draft"
    url = f"/api/collections/{unit['identifier']}/"
    assert writer.patch(url, {"reference_code": "S3"}, format="json").status_code == 428
    moved = writer.patch(url, {"reference_code": "S3"}, format="json", HTTP_IF_MATCH='"v1"')
    assert moved.status_code == 200 and moved.json()["full_reference_code"] == "JP-9/F1/S3"
    stale = writer.patch(url, {"title": "X"}, format="json", HTTP_IF_MATCH='"v1"')
    assert stale.status_code == 412, stale.content


def test_publishing_without_the_essentials_is_a_400_naming_them(writer):
    repository = make_repository()
    body = {"title": "Bare unit", "repository_identifier": repository.identifier}
    unit = writer.post("/api/collections/", body, format="json").json()
    url = f"/api/collections/{unit['identifier']}/"
    response = writer.patch(url, {"status": "published"}, format="json", HTTP_IF_MATCH='"v1"')
    assert response.status_code == 400
    message = " ".join(response.json()["detail"])
    for element in ("reference code", "creator", "dates", "extent"):
        assert element in message
    assert Collection.objects.get(identifier=unit["identifier"]).status == Status.DRAFT


def test_publishing_under_a_draft_repository_is_a_400_naming_it(writer):
    repository = make_repository(name="Closed Archive", status=Status.DRAFT)
    body = {
        "title": "Papers",
        "repository_identifier": repository.identifier,
        "reference_code": "F1",
        "date_edtf": "1956",
        "extent_and_medium": "1 box",
        "creator_organisation_identifier": make_organisation().identifier,
        "status": "published",
    }
    response = writer.post("/api/collections/", body, format="json")
    assert response.status_code == 400
    assert "Closed Archive" in " ".join(response.json()["detail"])
    assert not Collection.objects.exists()


def test_bad_tree_moves_are_a_400_and_change_nothing(writer):
    fonds = make_collection(reference_code="F1")
    series = make_collection(parent=fonds, reference_code="S1")
    elsewhere = make_collection(reference_code="F9")
    url = f"/api/collections/{fonds.identifier}/"
    inside = writer.patch(
        url, {"parent_identifier": series.identifier}, format="json", HTTP_IF_MATCH='"v1"'
    )
    assert inside.status_code == 400 and "inside itself" in str(inside.json())
    url = f"/api/collections/{series.identifier}/"
    across = writer.patch(
        url, {"parent_identifier": elsewhere.identifier}, format="json", HTTP_IF_MATCH='"v1"'
    )
    assert across.status_code == 400 and "same repository" in str(across.json())
    twin = {
        "title": "Twin",
        "repository_identifier": fonds.repository.identifier,
        "reference_code": "F1",
    }
    duplicate = writer.post("/api/collections/", twin, format="json")
    assert duplicate.status_code == 400 and "reference code" in str(duplicate.json())
    series.refresh_from_db()
    assert series.parent_id == fonds.pk and series.version == 1


def test_unpublishing_a_repository_over_the_api_takes_its_units_back_to_draft(writer, anon):
    fonds = make_collection()
    repository = fonds.repository
    url = f"/api/repositories/{repository.identifier}/"
    response = writer.patch(url, {"status": "draft"}, format="json", HTTP_IF_MATCH='"v1"')
    assert response.status_code == 200
    assert anon.get(f"/api/collections/{fonds.identifier}/").status_code == 404
    fonds.refresh_from_db()
    assert fonds.status == Status.DRAFT
