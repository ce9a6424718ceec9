"""The admin import's preview as a background job: the upload only queues it,
the job's page shows what the import would do, and Confirm queues the import."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.jobs import tasks
from catalogue.models import Document, Job
from tests.factories import make_document

from .conftest import admin_upload, confirm_preview, documents_csv, make_archivist

pytestmark = pytest.mark.django_db(databases=["default", "jobs"])

QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def job_page(client, job):
    return client.get(reverse("admin:catalogue_job_change", args=[job.pk]))


@pytest.mark.parametrize("rows", [1, 50])
def test_the_upload_queues_the_preview_without_reading_a_row(
    archivist_client, settings, django_assert_num_queries, rows
):
    settings.TASKS = QUEUED
    content = documents_csv(rows)

    # Catalogue database: session, user, the user's permissions (2); no row of
    # the file is read. Jobs connection: the job, the task id written on it,
    # the job read back. The task's queue entry goes with the jobs on SQLite
    # (a file of their own), with the catalogue on PostgreSQL (one database).
    queue_with_jobs = settings.JOBS_DATABASE_SEPARATE
    with (
        django_assert_num_queries(4 if queue_with_jobs else 5),
        CaptureQueriesContext(connections["jobs"]) as jobs_db,
    ):
        response = admin_upload(archivist_client, content)

    preview = Job.objects.get()
    assert len(jobs_db.captured_queries) == (4 if queue_with_jobs else 3)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:catalogue_job_change", args=[preview.pk])
    assert (preview.kind, preview.state) == (Job.Kind.IMPORT_PREVIEW, Job.State.QUEUED)
    assert preview.title == "Preview of documents.csv for documents"
    assert preview.input_text == content.decode()
    assert preview.preview == {} and not Document.objects.exists()
    page = archivist_client.get(response["Location"]).content.decode()
    assert "Queued" in page and "Refresh" in page
    assert 'data-reload-when-finished="true"' in page


def test_the_preview_job_counts_every_row_and_its_page_offers_confirm(archivist_client):
    make_document(identifier="doc-imported-1", title="Old title", status="draft")
    make_document(
        identifier="doc-imported-2",
        title="Imported 2",
        kind="treaty",
        date_edtf="1956-10",
        status="draft",
    )

    response = admin_upload(archivist_client, documents_csv(3))

    preview = Job.objects.get()
    assert preview.state == Job.State.SUCCEEDED, preview.error
    assert (preview.done, preview.total) == (3, 3)
    assert preview.preview["totals"] == {"new": 1, "update": 1, "skip": 1}
    assert preview.result == (
        "Preview ready: 1 new, 1 updated and 1 unchanged documents. "
        "Nothing is imported until you confirm."
    )
    assert preview.input_text  # kept for the import, until it is confirmed
    assert Document.objects.get(identifier="doc-imported-1").title == "Old title"
    assert not Document.objects.filter(identifier="doc-imported-0").exists()
    page = archivist_client.get(response["Location"])
    html = page.content.decode()
    assert "3 rows read from the file" in html
    assert "<strong>1 new</strong>, <strong>1 updated</strong>" in html
    assert "Confirm import" in html and "Imported 0" in html
    assert page.context["confirm_url"] == reverse("admin:catalogue_document_process_import")


def test_a_large_files_table_is_cut_but_its_counts_cover_every_row(archivist_client, monkeypatch):
    monkeypatch.setattr("catalogue.jobs.imports.PREVIEW_ROWS", 2)

    response = admin_upload(archivist_client, documents_csv(5))

    preview = Job.objects.get()
    assert [row["number"] for row in preview.preview["shown"]] == [1, 2]
    assert preview.preview["totals"]["new"] == 5
    html = archivist_client.get(response["Location"]).content.decode()
    assert "The table shows the first 2 of 5 rows" in html
    assert "Imported 1" in html and "Imported 2" not in html


def test_confirm_queues_the_import_once_and_the_preview_links_to_it(archivist_client, settings):
    admin_upload(archivist_client, documents_csv(2))
    preview = Job.objects.get()
    settings.TASKS = QUEUED

    response = confirm_preview(archivist_client, preview)

    job = Job.objects.get(kind=Job.Kind.IMPORT)
    assert response["Location"] == reverse("admin:catalogue_job_change", args=[job.pk])
    assert job.state == Job.State.QUEUED and job.input_text == documents_csv(2).decode()
    assert job.title == "Import of documents.csv into documents"
    preview.refresh_from_db()
    assert preview.input_text == "" and preview.params["import_job"] == job.pk
    html = job_page(archivist_client, preview).content.decode()
    assert "Confirm import" not in html
    assert reverse("admin:catalogue_job_change", args=[job.pk]) in html

    again = confirm_preview(archivist_client, preview)

    assert Job.objects.filter(kind=Job.Kind.IMPORT).count() == 1
    assert [str(m) for m in again.wsgi_request._messages] == [
        "This preview has been confirmed already."
    ]


def test_confirming_runs_the_import_with_history_in_the_confirmers_name(
    archivist_client, archivist
):
    admin_upload(archivist_client, documents_csv(2))

    response = confirm_preview(archivist_client, Job.objects.get())

    job = Job.objects.get(kind=Job.Kind.IMPORT)
    assert job.state == Job.State.SUCCEEDED, job.error
    assert [str(m) for m in response.wsgi_request._messages][-1] == job.result
    document = Document.objects.get(identifier="doc-imported-1")
    assert document.history.latest().history_user == archivist


def test_every_refused_row_is_shown_by_number_and_identifier_and_nothing_can_be_confirmed(
    archivist_client, monkeypatch
):
    monkeypatch.setattr("catalogue.jobs.imports.PROBLEMS_IN_ERROR", 2)
    content = documents_csv(5, place="place-atlantis")

    response = admin_upload(archivist_client, content)

    preview = Job.objects.get()
    assert preview.state == Job.State.FAILED
    assert preview.error.startswith(
        "Nothing can be imported, because row 1 (identifier doc-imported-0): place: "
        "No place has the identifier 'place-atlantis'. / row 2 "
    )
    assert preview.error.endswith("/ and 3 more rows (listed on this page)")
    assert preview.input_text == ""  # a refused file is not kept
    page = archivist_client.get(response["Location"])
    html = page.content.decode()
    for number in range(1, 6):
        assert f"Row {number} (identifier doc-imported-{number - 1}): place: No place" in html
    assert "Confirm import" not in html and not page.context.get("confirm_url")

    refused = confirm_preview(archivist_client, preview)

    assert [str(m) for m in refused.wsgi_request._messages] == [
        "Only a finished preview without errors can be confirmed."
    ]
    assert not Job.objects.filter(kind=Job.Kind.IMPORT).exists()


def test_a_file_that_cannot_be_read_fails_the_preview_in_words(archivist_client):
    response = archivist_client.post(
        reverse("admin:catalogue_document_import"),
        {"import_file": SimpleUploadedFile("documents.json", b"[{not json"), "format": "1"},
    )

    preview = Job.objects.get()
    assert preview.state == Job.State.FAILED
    assert preview.error.startswith("documents.json could not be read as json (JSONDecodeError")
    assert preview.error.endswith("Check that the format chosen is the file's.")
    assert "Traceback" not in archivist_client.get(response["Location"]).content.decode()


def test_a_file_with_a_header_and_no_rows_fails_the_preview_in_words(archivist_client):
    admin_upload(archivist_client, b"identifier,title\r\n")

    preview = Job.objects.get()
    assert preview.state == Job.State.FAILED
    assert preview.error == (
        "documents.csv holds no rows to import: check that it has a header line and at "
        "least one record."
    )


def test_a_file_that_is_not_utf8_is_refused_at_once_and_starts_no_job(archivist_client):
    response = admin_upload(archivist_client, "identifier,title\r\nd,Caf\xe9\r\n".encode("latin-1"))

    assert response.status_code == 200
    assert "The file is not UTF-8 text (byte 0xe9 at offset 23" in response.content.decode()
    assert not Job.objects.exists()


def test_only_those_who_may_import_upload_or_confirm(archivist_client, client, django_user_model):
    admin_upload(archivist_client, documents_csv(1))
    preview = Job.objects.get()
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    client.force_login(viewer)

    assert admin_upload(client, documents_csv(1)).status_code == 403
    assert confirm_preview(client, preview).status_code == 403
    page = job_page(client, preview)
    assert page.status_code == 200 and not page.context.get("confirm_url")
    assert Job.objects.count() == 1 and not Document.objects.exists()


def test_a_documents_preview_cannot_be_confirmed_as_an_import_of_people(client, django_user_model):
    archivist = make_archivist(django_user_model)
    from django.contrib.auth.models import Permission

    archivist.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_person", "add_person", "change_person"])
    )
    client.force_login(archivist)
    admin_upload(client, documents_csv(1))
    preview = Job.objects.get()

    response = client.post(
        reverse("admin:catalogue_person_process_import"), {"preview_job": str(preview.pk)}
    )

    assert response["Location"] == reverse("admin:catalogue_person_import")
    assert [str(m) for m in response.wsgi_request._messages][-1] == (
        "There is no such import preview to confirm."
    )
    assert not Job.objects.filter(kind=Job.Kind.IMPORT).exists()


def test_the_preview_task_refuses_a_resource_that_is_not_the_catalogues(admin_user):
    job = Job.objects.create(
        kind=Job.Kind.IMPORT_PREVIEW,
        title="Preview",
        params={"resource": "os.system", "format": "x", "file_name": "f", "user_id": 1},
        input_text=json.dumps([]),
    )

    tasks.preview_import.call(job.pk)

    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert job.error == "'os.system' is not an import of this catalogue."


@pytest.mark.parametrize("address", ["abc", "999"])
def test_a_job_page_that_does_not_exist_is_the_admins_not_found(archivist_client, address):
    response = archivist_client.get(f"/admin/catalogue/job/{address}/change/", follow=True)
    assert response.status_code == 200  # back to the admin's home, with its message
    assert "doesn’t exist" in response.content.decode()
