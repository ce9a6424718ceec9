"""The background worker: django-tasks-db's db_worker, after failing the jobs
of workers that died."""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from catalogue.models import Job


class Command(DbWorkerCommand):
    help = (
        "Run the background jobs (imports, download snapshots, search index rebuilds, "
        "fixity checks) as they are queued. First marks failed every job left running by "
        "a worker that stopped (no heartbeat for JOB_HEARTBEAT_TIMEOUT seconds). Options "
        "as django-tasks-db's db_worker (--batch runs what is queued, then exits)."
    )

    def handle(self, *args, **options):
        failed = Job.objects.fail_stale()
        if failed:
            self.stdout.write(f"Marked {failed} job(s) of a stopped worker as failed.")
        self.stdout.write("Worker started; waiting for jobs.")
        return super().handle(*args, **options)
