"""Holdings in bulk: repositories, a whole tree of units and the documents
filed in it, linked by identifier, all or nothing."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.models import Collection, Document, Status
from tests.factories import make_collection, make_document, make_organisation, make_repository

pytestmark = pytest.mark.django_db(databases=["default", "jobs"])

CSV_FORMAT = "0"
UNIT_HEADER = [
    "identifier",
    "repository",
    "parent",
    "level",
    "reference_code",
    "title",
    "date_edtf",
    "extent_and_medium",
    "creator_organisation",
    "languages",
    "status",
]


def _csv(header, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def _import(client, model, content):
    """Upload, let the preview job run (at once under the tests' job backend) and,
    when it offers Confirm, confirm: the confirmation's response, else the
    preview job's page with its refusals."""
    preview = client.post(
        reverse(f"admin:catalogue_{model}_import"),
        {"import_file": SimpleUploadedFile(f"{model}.csv", content), "format": CSV_FORMAT},
        follow=True,
    )
    if not preview.context.get("confirm_url"):
        return preview
    job = preview.context["original"]
    return client.post(
        reverse(f"admin:catalogue_{model}_process_import"), {"preview_job": str(job.pk)}
    )


@pytest.fixture
def repository():
    return make_repository(identifier="repo-gaimusho", code="JP-1000001")


@pytest.fixture
def ministry():
    return make_organisation(identifier="org-ministry", name="Ministry of Foreign Affairs")


def test_a_tree_written_top_down_in_one_file_imports_with_derived_codes(
    archivist_client, repository, ministry
):
    content = _csv(
        UNIT_HEADER,
        [
            [
                "coll-f12",
                "repo-gaimusho",
                "",
                "fonds",
                "F12",
                "Moscow talks",
                "1955/1956",
                "3 boxes",
                "org-ministry",
                '["ja", "ru"]',
                "draft",
            ],
            [
                "coll-s3",
                "repo-gaimusho",
                "coll-f12",
                "series",
                "S3",
                "Telegrams",
                "1956",
                "1 box",
                "org-ministry",
                "[]",
                "draft",
            ],
        ],
    )
    response = _import(archivist_client, "collection", content)

    assert response.status_code == 302
    fonds = Collection.objects.get(identifier="coll-f12")
    series = Collection.objects.get(identifier="coll-s3")
    assert (series.parent, series.repository, series.creator_organisation) == (
        fonds,
        repository,
        ministry,
    )
    assert series.full_reference_code == "JP-1000001/F12/S3"
    assert fonds.languages == ["ja", "ru"]
    assert fonds.history.latest().history_change_reason == "Imported from collection.csv"


def test_an_unknown_parent_or_creator_identifier_imports_nothing_and_names_the_row(
    archivist_client, repository
):
    content = _csv(
        UNIT_HEADER,
        [
            [
                "coll-ok",
                "repo-gaimusho",
                "",
                "fonds",
                "F1",
                "Fine",
                "1956",
                "1 box",
                "",
                "[]",
                "draft",
            ],
            [
                "coll-bad",
                "repo-gaimusho",
                "coll-nowhere",
                "series",
                "S1",
                "Lost",
                "1956",
                "1 box",
                "org-nobody",
                "[]",
                "draft",
            ],
        ],
    )
    html = _import(archivist_client, "collection", content).content.decode()
    assert "Nothing was imported" in html
    assert "Row 2 (identifier coll-bad)" in html
    assert "No collection has the identifier &#x27;coll-nowhere&#x27;." in html
    assert "No organisation has the identifier &#x27;org-nobody&#x27;." in html
    assert not Collection.objects.exists()


def test_a_published_row_missing_essentials_is_refused_in_words(editor_client, repository):
    content = _csv(
        UNIT_HEADER,
        [["coll-bare", "repo-gaimusho", "", "fonds", "F1", "Bare", "", "", "", "[]", "published"]],
    )
    html = _import(editor_client, "collection", content).content.decode()
    assert "Nothing was imported" in html
    assert "ISAD(G) requires creator, dates, extent of the unit of description" in html
    assert not Collection.objects.exists()


def test_a_duplicate_reference_code_in_the_repository_is_refused(archivist_client, repository):
    make_collection(repository=repository, reference_code="F1", identifier="coll-first")
    content = _csv(
        UNIT_HEADER,
        [["coll-twin", "repo-gaimusho", "", "fonds", "F1", "Twin", "1956", "1", "", "[]", "draft"]],
    )
    html = _import(archivist_client, "collection", content).content.decode()
    assert "Another unit in this repository has this reference code." in html
    assert Collection.objects.count() == 1


def test_documents_are_filed_by_the_collection_identifier(archivist_client, repository):
    make_collection(repository=repository, reference_code="F12", identifier="coll-f12")
    header = [
        "identifier",
        "title",
        "kind",
        "collection",
        "collection_position",
        "reference_code",
        "access_conditions",
        "status",
    ]
    content = _csv(
        header,
        [["doc-telegram", "Telegram", "letter", "coll-f12", "2", "7", "Open", "draft"]],
    )
    _import(archivist_client, "document", content)
    document = Document.objects.get(identifier="doc-telegram")
    assert document.collection.identifier == "coll-f12"
    assert (document.collection_position, document.full_reference_code) == (2, "JP-1000001/F12/7")
    assert document.access_conditions == "Open"


def _export(client, model):
    url = reverse(f"admin:catalogue_{model}_export")
    form = client.get(url).context["form"]
    data = {name: "on" for name, field in form.fields.items() if field.initial is True}
    response = client.post(url, {**data, "format": CSV_FORMAT})
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_exports_write_links_as_identifiers_and_the_derived_codes(archivist_client, repository):
    fonds = make_collection(repository=repository, reference_code="F12", identifier="coll-f12")
    make_collection(parent=fonds, reference_code="S3", identifier="coll-s3")
    make_document(identifier="doc-t", collection=fonds, reference_code="7")

    units = {row["identifier"]: row for row in _export(archivist_client, "collection")}
    assert units["coll-s3"]["parent"] == "coll-f12"
    assert units["coll-s3"]["repository"] == "repo-gaimusho"
    assert units["coll-s3"]["full_reference_code"] == "JP-1000001/F12/S3"
    [document] = _export(archivist_client, "document")
    assert (document["collection"], document["full_reference_code"]) == (
        "coll-f12",
        "JP-1000001/F12/7",
    )
    [repo] = _export(archivist_client, "repository")
    assert (repo["identifier"], repo["code"]) == ("repo-gaimusho", "JP-1000001")


def test_an_exported_tree_imports_back_unchanged(archivist_client, repository):
    fonds = make_collection(repository=repository, reference_code="F12")
    make_collection(parent=fonds, reference_code="S3", status=Status.DRAFT)
    before = dict(Collection.objects.values_list("identifier", "version"))
    url = reverse("admin:catalogue_collection_export")
    form = archivist_client.get(url).context["form"]
    data = {name: "on" for name, field in form.fields.items() if field.initial is True}
    content = archivist_client.post(url, {**data, "format": CSV_FORMAT}).content

    _import(archivist_client, "collection", content)

    assert dict(Collection.objects.values_list("identifier", "version")) == before
