"""Time an admin import of many rows: the upload request (which only queues the
preview), the preview job, the confirm request (which only queues the import)
and the import job.

Not part of the test suite. Makes scratch SQLite databases in a temporary
folder, posts a CSV of N new documents through the admin's import pages as a
superuser (Django's test client, debug off); after each request it runs
`manage.py jobs_worker --batch` in a child process and reads the job's start
and end times:

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
# The project first, and not this folder: bench/requests.py would shadow the
# requests package that Django REST Framework imports.
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench")]

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


WORKER = [
    sys.executable,
    "manage.py",
    "jobs_worker",
    "--batch",
    "--no-startup-delay",
    "--no-reload",
    "-v0",
]


def run_worker(job, rows, what):
    """Run what is queued in a worker process; print the job's own run time."""
    _, worker_s = timed(lambda: subprocess.run(WORKER, cwd=ROOT, env=os.environ, check=True))
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED, job.error
    run_s = (job.finished_at - job.started_at).total_seconds()
    print(f"{what} job: {job.result}")
    print(
        f"{what} in the worker: {run_s:.1f} s ({rows / run_s:,.0f} rows/s); "
        f"worker process {worker_s:.1f} s"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    setup_test_environment()  # the client then keeps each response's context
    call_command("migrate", verbosity=0)
    call_command("migrate", database="jobs", verbosity=0)
    user = get_user_model().objects.create_superuser("bench", password=None)
    client = Client()
    client.force_login(user)
    content = rows_csv(args.rows)
    with open("/proc/loadavg") as loadavg:
        print(f"rows: {args.rows:,}; load average at the start: {loadavg.read().strip()}")

    # The archivist opens the upload form first; in a test client this also
    # loads the URLconf and the admin, which a running server has done already.
    assert client.get(reverse("admin:catalogue_document_import")).status_code == 200
    upload, upload_s = timed(
        lambda: client.post(
            reverse("admin:catalogue_document_import"),
            {"import_file": SimpleUploadedFile("bench.csv", content), "format": "0"},
        )
    )
    assert upload.status_code == 302, upload.status_code
    preview = Job.objects.get(kind=Job.Kind.IMPORT_PREVIEW)
    print(f"upload request (stores the file, queues the preview): {upload_s * 1000:.0f} ms")
    run_worker(preview, args.rows, "preview")

    response, confirm_s = timed(
        lambda: client.post(
            reverse("admin:catalogue_document_process_import"), {"preview_job": str(preview.pk)}
        )
    )
    assert response.status_code == 302, response.status_code
    job = Job.objects.get(kind=Job.Kind.IMPORT)
    print(f"confirm request (queues the import): {confirm_s * 1000:.0f} ms")
    run_worker(job, args.rows, "import")
    print(f"{Document.objects.count():,} documents")
    with open("/proc/loadavg") as loadavg:
        print(f"load average at the end: {loadavg.read().strip()}")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(FOLDER, ignore_errors=True)
