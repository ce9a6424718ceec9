"""A job's admin page follows its progress without a reload where JavaScript
is on, and offers a Refresh link where it is off."""

import pytest
from django.utils import timezone

from catalogue.models import Job

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, databases=["default", "jobs"]),
]

PASSWORD = "browser-test-password-1956"


def _login(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def _running_job():
    now = timezone.now()
    return Job.objects.create(
        kind=Job.Kind.IMPORT,
        title="Import of big.csv into documents",
        started_by="root",
        state=Job.State.RUNNING,
        started_at=now,
        heartbeat_at=now,
        stage="Importing big.csv",
        done=10,
        total=100,
    )


def test_the_job_page_updates_in_place_as_the_job_progresses(
    page, live_server, django_user_model, screenshot
):
    _login(page, live_server, django_user_model)
    job = _running_job()
    page.goto(f"{live_server.url}/admin/catalogue/job/{job.pk}/change/")
    progress = page.locator("#job-progress")
    assert "10 of 100" in progress.inner_text()
    page.evaluate("window.notReloaded = true")

    Job.objects.filter(pk=job.pk).update(done=60, heartbeat_at=timezone.now())
    page.wait_for_selector('#job-progress [data-field="progress"]:has-text("60 of 100")')
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.SUCCEEDED,
        done=100,
        finished_at=timezone.now(),
        result="Import finished: 100 new, 0 updated and 0 unchanged documents.",
    )
    page.wait_for_selector('#job-progress [data-field="state_label"]:has-text("Succeeded")')

    assert "Import finished: 100 new" in progress.inner_text()
    assert page.evaluate("window.notReloaded") is True
    assert progress.locator("progress").get_attribute("value") == "100"
    screenshot(page, "job-progress")


def test_without_javascript_the_job_page_has_a_refresh_link(
    browser, live_server, django_user_model
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        _login(page, live_server, django_user_model)
        job = _running_job()
        page.goto(f"{live_server.url}/admin/catalogue/job/{job.pk}/change/")
        Job.objects.filter(pk=job.pk).update(done=60, heartbeat_at=timezone.now())
        page.click("#job-progress a[data-refresh]")
        assert "60 of 100" in page.locator("#job-progress").inner_text()
    finally:
        context.close()
