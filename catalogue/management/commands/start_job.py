"""Queue a long operation as a background job, for cron or by hand."""

from django.core.management.base import BaseCommand

from catalogue.jobs.runner import job_start
from catalogue.jobs.tasks import startable


class Command(BaseCommand):
    help = (
        "Queue a background job for the worker (manage.py jobs_worker): 'export' (a new "
        "download snapshot), 'search-rebuild' or 'fixity'. Prints the job's number; its "
        "progress and outcome are on the admin's Jobs page."
    )

    def add_arguments(self, parser):
        parser.add_argument("job", choices=sorted(startable()), help="Which job to queue.")

    def handle(self, *args, job, **options):
        kind, title, task = startable()[job]
        started = job_start(kind=kind, title=title, task=task)
        self.stdout.write(f"Job {started.pk} ({title}): {started.get_state_display().lower()}.")
        if started.is_finished:
            self.stdout.write(started.error or started.result)
