"""The background worker for the configured queue: django-tasks-db's db_worker
(the database queue) or django-rq's rqworker (RQ on Redis), after failing the
jobs of workers that died."""

import argparse

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connections
from django_tasks.signals import task_finished, task_started
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from catalogue.models import Job

# RQ runs each task through django-tasks-rq's Job class. SimpleWorker runs it in
# the worker's own process, as db_worker does: no forked child that would
# outlive a killed worker and keep a job's heartbeat going.
RQ_WORKER = {"job_class": "django_tasks_rq.Job", "worker_class": "rq.worker.SimpleWorker"}


def _close_old_connections(**kwargs):
    close_old_connections()


class Command(DbWorkerCommand):
    help = (
        "Run the background jobs (imports and their previews, ingest, download snapshots, "
        "search index rebuilds, fixity checks) as they are queued, from the database queue "
        "or, with JOBS_BACKEND=rq (the default when REDIS_URL is set), from RQ on Redis. "
        "First marks failed every job left running by a worker that stopped (no heartbeat "
        "for JOB_HEARTBEAT_TIMEOUT seconds). Options as django-tasks-db's db_worker "
        "(--batch runs what is queued, then exits); with RQ only --batch applies."
    )

    def add_arguments(self, parser):
        if settings.JOBS_BACKEND != "rq":
            super().add_arguments(parser)
            return
        # db_worker's own options check that the queue is the database's; with
        # RQ only --batch means something, the others are taken so that the same
        # command line (serve.sh, systemd units) starts either worker.
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit.")
        parser.add_argument("--reload", action=argparse.BooleanOptionalAction, default=False)
        parser.add_argument("--no-startup-delay", action="store_true")
        parser.add_argument("--interval", type=float, default=1)

    def handle(self, *args, **options):
        failed = Job.objects.fail_stale()
        if failed:
            self.stdout.write(f"Marked {failed} job(s) of a stopped worker as failed.")
        if settings.JOBS_BACKEND == "rq":
            queue = settings.RQ_QUEUES["default"]["URL"].rsplit("@", 1)[-1]
            self.stdout.write(f"Worker started on the RQ queue at {queue}; waiting for jobs.")
            connections.close_all()
            # As db_worker does around each task: a connection the database
            # dropped while the worker waited is not handed to the next job.
            task_started.connect(_close_old_connections, dispatch_uid="jobs-worker-started")
            task_finished.connect(_close_old_connections, dispatch_uid="jobs-worker-finished")
            call_command(
                "rqworker",
                "default",
                burst=options["batch"],
                verbosity=options["verbosity"],
                **RQ_WORKER,
            )
            return
        self.stdout.write("Worker started; waiting for jobs.")
        return super().handle(*args, **options)
