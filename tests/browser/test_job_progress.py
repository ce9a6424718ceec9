"""A job's admin page follows its progress without a reload where JavaScript
is on, and offers a Refresh link where it is off."""

import pytest
from django.utils import timezone

from catalogue.models import Job
from tests.factories import make_running_job

from . import test_admin_screens

# The signed-in superuser's page, as the other admin screens use it.
admin_page = test_admin_screens.admin_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, databases=["default", "jobs"]),
]


def test_the_job_page_updates_in_place_as_the_job_progresses(admin_page, screenshot):
    page = admin_page
    job = make_running_job(started_by="root")
    page.goto(f"{page.base}/admin/catalogue/job/{job.pk}/change/")
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


def test_without_javascript_the_job_page_has_a_refresh_link(admin_page):
    page = admin_page
    context = page.context.browser.new_context(
        java_script_enabled=False, storage_state=page.context.storage_state()
    )
    script_less = context.new_page()
    try:
        job = make_running_job(started_by="root")
        script_less.goto(f"{page.base}/admin/catalogue/job/{job.pk}/change/")
        Job.objects.filter(pk=job.pk).update(done=60, heartbeat_at=timezone.now())
        script_less.click("#job-progress a[data-refresh]")
        assert "60 of 100" in script_less.locator("#job-progress").inner_text()
    finally:
        context.close()
