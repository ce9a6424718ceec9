"""An admin import queued as a job and run by a real worker process."""

import pytest
from django.urls import reverse
from import_export.formats.base_formats import CSV

from catalogue.admin.resources import DocumentResource
from catalogue.jobs import tasks
from catalogue.jobs.imports import import_params
from catalogue.jobs.runner import job_start
from catalogue.models import Document, Job
from tests.factories import make_place

from .conftest import (
    HEARTBEAT_TIMEOUT,
    admin_import,
    admin_upload,
    confirm_preview,
    documents_csv,
    job_state,
    wait_for,
)

# Transactional: the worker process must see what the test wrote. Serialized
# rollback puts back the data migrations' rows (roles), for the tests after.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "jobs"])

# Enough rows that the worker is still importing when it is killed.
ROWS = 1500
COMPARED = [
    "identifier",
    "title",
    "kind",
    "date_edtf",
    "date_earliest",
    "date_latest",
    "place__identifier",
    "status",
    "version",
]


def _documents():
    return list(Document.objects.order_by("identifier").values(*COMPARED))


def test_the_worker_previews_then_imports_a_confirmed_file_like_the_synchronous_import(
    archivist_client, archivist, worker, settings
):
    make_place(identifier="place-moscow", name="Moscow")
    content = documents_csv(30, place="place-moscow")

    upload = admin_upload(archivist_client, content)

    preview = Job.objects.get()
    assert upload.status_code == 302
    assert upload["Location"] == reverse("admin:catalogue_job_change", args=[preview.pk])
    assert preview.kind == Job.Kind.IMPORT_PREVIEW and preview.state == Job.State.QUEUED
    worker()
    previewed = wait_for(
        lambda: Job.objects.filter(pk=preview.pk, state__in=["succeeded", "failed"]).first(),
        what="the worker to finish the preview",
    )
    assert previewed.state == Job.State.SUCCEEDED, previewed.error
    assert previewed.preview["totals"] == {"new": 30, "update": 0, "skip": 0}
    assert not Document.objects.exists()  # a preview is rolled back

    response = confirm_preview(archivist_client, previewed)

    job = Job.objects.get(kind=Job.Kind.IMPORT)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:catalogue_job_change", args=[job.pk])
    assert job.started_by == "archivist"
    finished = wait_for(
        lambda: Job.objects.filter(pk=job.pk, state__in=["succeeded", "failed"]).first(),
        what="the worker to finish the import",
    )
    assert finished.state == Job.State.SUCCEEDED, finished.error
    assert (finished.done, finished.total) == (30, 30)
    assert finished.heartbeat_at is not None and finished.finished_at is not None
    assert finished.input_text == ""  # the uploaded file is not kept once imported
    assert finished.result == "Import finished: 30 new, 0 updated and 0 unchanged documents."
    history = Document.objects.get(identifier="doc-imported-0").history.latest()
    assert history.history_user == archivist
    assert history.history_change_reason == "Imported from documents.csv"
    by_worker = _documents()

    # The same file imported synchronously (the jobs run at once, in the request).
    Document.objects.all().delete()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    admin_import(archivist_client, content)
    assert _documents() == by_worker


def test_the_job_page_shows_progress_and_its_status_url_answers_json(archivist_client, worker):
    admin_import(archivist_client, documents_csv(5))
    job = Job.objects.get(kind=Job.Kind.IMPORT)
    page = archivist_client.get(reverse("admin:catalogue_job_change", args=[job.pk]))
    html = page.content.decode()
    assert "Queued" in html and "Refresh" in html and "job-progress.js" in html
    assert "http-equiv" not in html

    worker()
    wait_for(lambda: job_state(job.pk)["state"] == "succeeded", what="the import")
    status = archivist_client.get(reverse("admin:catalogue_job_status", args=[job.pk])).json()
    assert status["state"] == "succeeded" and status["finished"] is True
    assert status["progress"] == "5 of 5"
    assert "5 new" in status["result"]


def test_killing_the_worker_mid_import_fails_the_job_and_changes_nothing(archivist, worker):
    # Queued as the confirm step queues it, without the (slow) preview of every row.
    job = job_start(
        kind=Job.Kind.IMPORT,
        title="Import of documents.csv into documents",
        task=tasks.import_records,
        user=archivist,
        params=import_params(
            resource_class=DocumentResource,
            input_format=CSV(),
            file_name="documents.csv",
            user=archivist,
        ),
        input_text=documents_csv(ROWS).decode(),
    )
    process = worker()

    # Progress is reported while the import runs (its transaction still open).
    running = wait_for(
        lambda: (state := job_state(job.pk))["state"] == "running" and state["done"] > 0 and state,
        what="progress from the running import",
    )
    assert running["total"] == ROWS and running["done"] < ROWS
    process.kill()

    failed = wait_for(
        lambda: Job.objects.fail_stale() and job_state(job.pk),
        what=f"the job to be failed {HEARTBEAT_TIMEOUT}s after the last heartbeat",
        seconds=HEARTBEAT_TIMEOUT * 10,
    )
    assert failed["state"] == "failed"
    assert failed["error"].startswith("The worker stopped (no heartbeat since")
    assert not Document.objects.exists()
