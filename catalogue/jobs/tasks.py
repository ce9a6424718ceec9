"""The tasks a worker runs: each looks up its Job row and runs the work
through `job_run`, which records progress, heartbeat and the outcome."""

import io
import re

from django.core.management import call_command
from django_tasks import task

from .runner import job_run

CHECKED_RE = re.compile(r"(\d+)/(\d+) checked")


@task()
def preview_import(job_id):
    from .imports import run_preview

    return job_run(job_id, run_preview)


@task()
def import_records(job_id):
    from .imports import run_import

    return job_run(job_id, run_import)


@task()
def make_scan_tiles(image_id):
    """The IIIF tiles of one new scan (queued when its upload is committed)."""
    from catalogue.iiif.tiles import make_tiles
    from catalogue.models import DocumentImage

    scan = DocumentImage.objects.filter(pk=image_id).first()
    if scan is None:  # deleted before the worker got to it
        return "The scan is gone; nothing to do."
    pyramid = make_tiles(scan)
    return f"Tiles made for scan {image_id}: {pyramid.width}x{pyramid.height} px."


@task()
def ingest_texts(job_id):
    from .ingest import run_ingest

    return job_run(job_id, run_ingest)


@task()
def export_snapshot(job_id):
    from catalogue.downloads.snapshot import snapshot_build

    def work(job, progress):
        snapshot = snapshot_build(progress=progress.report)
        return f"Snapshot {snapshot.name} published: {snapshot.summary()}."

    return job_run(job_id, work)


@task()
def rebuild_search_index(job_id):
    from catalogue.search_backends.indexing import rebuild

    def work(job, progress):
        summary = rebuild(progress=progress.report)
        indexed = sum(done for done, _ in summary.values())
        removed = sum(gone for _, gone in summary.values())
        return f"Indexed {indexed:,} records; removed {removed:,} entries of deleted records."

    return job_run(job_id, work)


class _ProgressLines(io.StringIO):
    """verify_fixity's output, with its "n/total checked" lines read as progress."""

    def __init__(self, progress):
        super().__init__()
        self.progress = progress

    def write(self, text):
        if match := CHECKED_RE.search(text):
            self.progress.update(int(match[1]), int(match[2]))
        return super().write(text)


@task()
def verify_fixity(job_id):
    def work(job, progress):
        progress.begin("Checking scans")
        out, err = _ProgressLines(progress), io.StringIO()
        try:
            call_command("verify_fixity", stdout=out, stderr=err)
        except Exception as error:
            problems = err.getvalue().strip().replace("\n", "; ")
            raise type(error)(f"{error} {problems}".strip()) from error
        return out.getvalue().strip().splitlines()[-1]

    return job_run(job_id, work)


def startable():
    """The jobs a person may start by name (admin's Jobs page, `manage.py start_job`):
    {name: (kind, title, task)}."""
    from catalogue.models import Job

    return {
        "export": (Job.Kind.EXPORT, "Snapshot of the published catalogue", export_snapshot),
        "search-rebuild": (Job.Kind.SEARCH_REBUILD, "Search index rebuild", rebuild_search_index),
        "fixity": (Job.Kind.FIXITY, "Fixity check of every scan", verify_fixity),
    }
