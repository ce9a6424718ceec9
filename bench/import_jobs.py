"""Time an admin import of many rows: the preview, the confirm request (which
only queues a job) and the worker that runs the import.

Not part of the test suite. Makes scratch SQLite databases in a temporary
folder, posts a CSV of N new documents through the admin's import pages as a
superuser (Django's test client, debug off), then runs `manage.py jobs_worker
--batch` in a child process and reads the job's start and end times:

    .venv/bin/python bench/import_jobs.py                  # 20,000 rows
    .venv/bin/python bench/import_jobs.py --rows 2000
"""

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(tempfile.mkdtemp(prefix="import-bench-"))
ENV = {
    "DJANGO_SQLITE_PATH": str(FOLDER / "bench.sqlite3"),
    "DJANGO_MEDIA_ROOT": str(FOLDER / "media"),
    # Debug off (no query log); "testing" keeps static files and secrets simple.
    "DJANGO_DEBUG": "false",
    "DJANGO_TESTING": "true",
    "JOBS_BACKEND": "database",
    "DJANGO_ALLOWED_HOSTS": "testserver",
}
os.environ.update(ENV)
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from catalogue.models import Document, Job  # noqa: E402


def rows_csv(count):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["identifier", "title", "kind", "date_edtf", "description", "status"])
    for n in range(count):
        writer.writerow(
            [
                f"doc-import-{n}",
                f"Imported protocol {n}",
                "protocol",
                "1956-10",
                "Signed at Moscow. " * 3,
                "draft",
            ]
        )
    return out.getvalue().encode()


def timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    setup_test_environment()  # the client then returns the preview's form (response.context)
    call_command("migrate", verbosity=0)
    call_command("migrate", database="jobs", verbosity=0)
    user = get_user_model().objects.create_superuser("bench", password=None)
    client = Client()
    client.force_login(user)
    content = rows_csv(args.rows)

    preview, preview_s = timed(
        lambda: client.post(
            reverse("admin:catalogue_document_import"),
            {"import_file": SimpleUploadedFile("bench.csv", content), "format": "0"},
        )
    )
    confirm = preview.context["confirm_form"]
    data = {field.html_name: field.value() for field in confirm}
    response, confirm_s = timed(
        lambda: client.post(reverse("admin:catalogue_document_process_import"), data)
    )
    assert response.status_code == 302, response.status_code
    job = Job.objects.get()
    print(f"rows: {args.rows:,}")
    print(f"preview request: {preview_s:.2f} s")
    print(
        f"confirm request (queues the job): {confirm_s * 1000:.0f} ms; "
        f"job {job.get_state_display()}"
    )

    worker = [
        sys.executable,
        "manage.py",
        "jobs_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "-v0",
    ]
    _, worker_s = timed(lambda: subprocess.run(worker, cwd=ROOT, env=os.environ, check=True))
    job.refresh_from_db()
    run_s = (job.finished_at - job.started_at).total_seconds()
    print(f"job: {job.get_state_display()}: {job.result or job.error}")
    print(
        f"import in the worker: {run_s:.1f} s ({args.rows / run_s:,.0f} rows/s); "
        f"worker process {worker_s:.1f} s; {Document.objects.count():,} documents"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(FOLDER, ignore_errors=True)
