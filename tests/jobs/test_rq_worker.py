"""Jobs on RQ (django-tasks-rq) when Redis is configured: an import previewed
and confirmed in the admin, run by a real `jobs_worker` process on RQ."""

import os

import django_rq
import pytest
from django.urls import reverse

from catalogue.models import Document, Job

from .conftest import admin_upload, confirm_preview, documents_csv, wait_for

# Transactional: the worker process must see what the test wrote.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "jobs"])

# A Redis database of the tests' own (the cache tests use 0 and 15), emptied
# before and after, so that no other run's tasks are taken or left behind; two
# suites run at once on one machine each need their own (JOBS_TEST_REDIS_URL).
REDIS_URL = os.environ.get("JOBS_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def rq_queue(settings, worker):
    # After `worker`, whose fixture points jobs at the database queue.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    connection = django_rq.get_connection("default")
    connection.flushdb()
    yield django_rq.get_queue("default")
    connection.flushdb()


def finished(job):
    return wait_for(
        lambda: Job.objects.filter(pk=job.pk, state__in=["succeeded", "failed"]).first(),
        what=f"the RQ worker to finish job {job.pk} ({job.kind})",
    )


def test_an_import_runs_on_rq_with_progress_and_history_as_on_the_database_queue(
    archivist_client, archivist, rq_queue, worker
):
    admin_upload(archivist_client, documents_csv(20))
    preview = Job.objects.get()
    assert preview.state == Job.State.QUEUED
    assert rq_queue.count == 1  # queued in Redis, not in the database
    worker(JOBS_BACKEND="rq", JOBS_REDIS_URL=REDIS_URL)

    previewed = finished(preview)
    assert previewed.state == Job.State.SUCCEEDED, previewed.error
    assert previewed.preview["totals"]["new"] == 20
    response = confirm_preview(archivist_client, previewed)
    job = Job.objects.get(kind=Job.Kind.IMPORT)
    assert response["Location"] == reverse("admin:catalogue_job_change", args=[job.pk])

    done = finished(job)
    assert done.state == Job.State.SUCCEEDED, done.error
    assert done.result == "Import finished: 20 new, 0 updated and 0 unchanged documents."
    assert (done.done, done.total) == (20, 20)
    assert done.started_at and done.heartbeat_at and done.finished_at
    assert done.input_text == ""
    assert Document.objects.count() == 20
    history = Document.objects.get(identifier="doc-imported-7").history.latest()
    assert history.history_user == archivist
    assert history.history_change_reason == "Imported from documents.csv"
    assert rq_queue.finished_job_registry.count == 2  # the preview and the import
