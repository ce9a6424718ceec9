"""The admin's Jobs page, the stale-job check, and jobs queued by command."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from catalogue.downloads.snapshot import snapshot_get
from catalogue.models import Job
from tests.factories import make_document, make_running_job

from .conftest import make_archivist

pytestmark = pytest.mark.django_db(databases=["default", "jobs"])


def test_a_job_whose_worker_went_silent_is_shown_failed_with_the_reason(admin_client, settings):
    settings.JOB_HEARTBEAT_TIMEOUT = 60
    silent = make_running_job(seconds_since_heartbeat=61)
    alive = make_running_job(seconds_since_heartbeat=5)

    page = admin_client.get(reverse("admin:catalogue_job_changelist")).content.decode()

    silent.refresh_from_db()
    alive.refresh_from_db()
    assert silent.state == Job.State.FAILED
    assert silent.error.startswith("The worker stopped (no heartbeat since")
    assert alive.state == Job.State.RUNNING
    assert "The worker stopped" in page and "10 of 100" in page and "archivist" in page


def test_the_status_url_is_for_staff_only(client, django_user_model):
    job = make_running_job()
    url = reverse("admin:catalogue_job_status", args=[job.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(django_user_model.objects.create_user("reader"))
    assert client.get(url).status_code == 302


def test_the_jobs_list_costs_the_same_few_queries_however_many_jobs(
    admin_client, django_assert_max_num_queries
):
    for _ in range(30):
        make_running_job()
    # session, user, stale check, count, the page of jobs
    with django_assert_max_num_queries(6):
        admin_client.get(reverse("admin:catalogue_job_changelist"))


def test_an_export_queued_by_command_builds_a_snapshot(settings):
    make_document(title="Published Declaration")
    out = io.StringIO()

    call_command("start_job", "export", stdout=out)

    job = Job.objects.get()
    assert job.state == Job.State.SUCCEEDED, job.error
    assert job.started_by == "a command or script"
    snapshot = snapshot_get("latest")
    assert job.result == f"Snapshot {snapshot.name} published: {snapshot.summary()}."
    assert "Published Declaration" in (snapshot.path / "documents.csv").read_text()
    assert job.done == job.total  # the last table's rows, all written


@pytest.mark.parametrize(
    ("job", "result"),
    [("search-rebuild", "Indexed 1 records"), ("fixity", "Checked 0 scans")],
)
def test_long_commands_run_as_jobs_with_their_summary_as_result(job, result):
    make_document()
    call_command("start_job", job, stdout=io.StringIO())
    finished = Job.objects.get()
    assert finished.state == Job.State.SUCCEEDED, finished.error
    assert finished.result.startswith(result)


def test_an_editor_starts_a_snapshot_from_the_jobs_page_and_sees_its_outcome(client, admin_user):
    make_document(title="Published Declaration")
    client.force_login(admin_user)
    assert (
        "New download snapshot"
        in client.get(reverse("admin:catalogue_job_changelist")).content.decode()
    )

    response = client.post(reverse("admin:catalogue_job_start"), {"job": "export"}, follow=True)

    job = Job.objects.get()
    assert response.redirect_chain[-1][0] == reverse("admin:catalogue_job_change", args=[job.pk])
    assert job.state == Job.State.SUCCEEDED and job.started_by == admin_user.username
    assert "Succeeded" in response.content.decode() and job.result in response.content.decode()


def test_an_archivist_may_watch_jobs_but_not_start_them(client, django_user_model):
    client.force_login(make_archivist(django_user_model))
    page = client.get(reverse("admin:catalogue_job_changelist"))
    assert page.status_code == 200 and "New download snapshot" not in page.content.decode()
    assert client.post(reverse("admin:catalogue_job_start"), {"job": "export"}).status_code == 403
    assert not Job.objects.exists()
