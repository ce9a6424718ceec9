"""A real worker process on the test databases, and an admin import to give it."""

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import override_settings
from django.urls import reverse

from catalogue.models import Job

ROOT = Path(__file__).resolve().parents[2]
HEARTBEAT_TIMEOUT = 3
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
HEADER = ["identifier", "title", "kind", "date_edtf", "place", "status"]


def documents_csv(count, *, place=""):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for n in range(count):
        writer.writerow([f"doc-imported-{n}", f"Imported {n}", "treaty", "1956-10", place, "draft"])
    return out.getvalue().encode()


def admin_upload(client, content, name="documents.csv"):
    """Upload a file for import as the admin's form does; returns the response
    (a redirect to the preview job's page)."""
    return client.post(
        reverse("admin:catalogue_document_import"),
        {"import_file": SimpleUploadedFile(name, content), "format": "0"},
    )


def confirm_preview(client, preview_job):
    """Press Confirm on a finished preview's page."""
    return client.post(
        reverse("admin:catalogue_document_process_import"), {"preview_job": str(preview_job.pk)}
    )


def admin_import(client, content, name="documents.csv"):
    """Upload and confirm an import, its preview run at once (the tests' job
    backend unless a test queues jobs); returns the confirm response."""
    with override_settings(TASKS=IMMEDIATE):
        admin_upload(client, content, name)
    preview = Job.objects.filter(kind=Job.Kind.IMPORT_PREVIEW).latest("pk")
    assert preview.state == Job.State.SUCCEEDED, preview.error
    return confirm_preview(client, preview)


def _database_env():
    default = connections["default"].settings_dict
    if default["ENGINE"].endswith("sqlite3"):
        return {
            "DJANGO_SQLITE_PATH": default["NAME"],
            "DJANGO_JOBS_SQLITE_PATH": connections["jobs"].settings_dict["NAME"],
        }
    user, host, port = default["USER"], default["HOST"] or "127.0.0.1", default["PORT"] or 5432
    return {"DATABASE_URL": f"postgres://{user}@{host}:{port}/{default['NAME']}"}


class Worker:
    """`manage.py jobs_worker` in a process of its own, on this test's databases
    (`env` adds to or overrides its environment: another queue)."""

    def __init__(self, **extra_env):
        env = {
            **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
            **_database_env(),
            "DJANGO_TESTING": "1",
            "JOBS_BACKEND": "database",
            "JOB_HEARTBEAT_SECONDS": "1",
            "JOB_HEARTBEAT_TIMEOUT": str(HEARTBEAT_TIMEOUT),
            "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            **extra_env,
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "jobs_worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.2",
                "--verbosity",
                "0",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_for(condition, *, what, seconds=120):
    """Poll `condition()` until it returns something true; a bound, not a timing assertion."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what}")


def job_state(pk):
    return Job.objects.values("state", "done", "total", "heartbeat_at", "error").get(pk=pk)


@pytest.fixture
def queued_jobs(settings):
    """Jobs go to the database queue, for a worker process to take."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.JOB_HEARTBEAT_TIMEOUT = HEARTBEAT_TIMEOUT


@pytest.fixture
def worker(queued_jobs):
    started = []

    def start(**extra_env):
        started.append(Worker(**extra_env))
        return started[-1]

    yield start
    for process in started:
        process.stop()


def make_archivist(django_user_model, username="archivist"):
    """Staff with an Archivist's rights on documents (view, add, change; no publish).
    Given directly, not through the role's group: transactional tests elsewhere
    flush the groups the data migration made."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username, is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="catalogue",
            codename__in=["view_document", "add_document", "change_document"],
        )
    )
    return user


@pytest.fixture
def archivist(django_user_model):
    return make_archivist(django_user_model)


@pytest.fixture
def archivist_client(client, archivist):
    client.force_login(archivist)
    return client
