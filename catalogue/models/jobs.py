"""A background job as archivists see it: who started it, how far it got,
and how it ended, in words.

The task library (django-tasks) queues and runs the work but knows nothing of
progress, heartbeats or who asked, so each job has one of these rows beside
its task. The rows live on the "jobs" connection (catalogue/jobs/routers.py),
so progress is written while an import holds the catalogue's write lock.
"""

import datetime
import uuid

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone


class JobQuerySet(models.QuerySet):
    def unfinished(self):
        return self.filter(state__in=[Job.State.QUEUED, Job.State.RUNNING])

    def fail_stale(self, *, now=None):
        """Mark failed every running job whose worker has gone silent for longer
        than JOB_HEARTBEAT_TIMEOUT (killed, machine restarted). Returns how many."""
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT)
        failed = []
        for job in self.filter(state=Job.State.RUNNING, heartbeat_at__lt=cutoff):
            stopped = timezone.localtime(job.heartbeat_at).strftime("%Y-%m-%d %H:%M:%S %Z")
            # Conditional update: a worker that comes back and finishes first wins.
            if Job.objects.filter(pk=job.pk, state=Job.State.RUNNING).update(
                state=Job.State.FAILED,
                finished_at=now,
                error=f"The worker stopped (no heartbeat since {stopped}); the unfinished "
                "step was rolled back. Start the job again.",
            ):
                failed.append(job.task_id)
        _fail_queue_entries(failed, now)
        return len(failed)


def _fail_queue_entries(task_ids, now):
    """The database queue would show a dead worker's task as running forever too."""
    if not (task_ids and apps.is_installed("django_tasks_db")):
        return
    from django_tasks_db.models import DBTaskResult

    ids = []
    for task_id in task_ids:
        try:
            ids.append(uuid.UUID(task_id))
        except ValueError:
            continue  # not a database-queue task (run at once, or by another backend)
    DBTaskResult.objects.filter(id__in=ids, status="RUNNING").update(
        status="FAILED", finished_at=now
    )


class Job(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    class Kind(models.TextChoices):
        IMPORT_PREVIEW = "import_preview", "Import preview"
        IMPORT = "import", "Import"
        INGEST = "ingest", "Ingest of texts"
        EXPORT = "export", "Download snapshot"
        SEARCH_REBUILD = "search_rebuild", "Search index rebuild"
        FIXITY = "fixity", "Fixity check"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    # A name, not a foreign key: on SQLite the job rows live in a database of
    # their own, where no user table is.
    started_by = models.CharField(max_length=150, blank=True)
    task_id = models.CharField(max_length=64, blank=True, db_index=True)
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.QUEUED, db_index=True
    )
    stage = models.CharField(max_length=200, blank=True, help_text="What is being done now.")
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    params = models.JSONField(default=dict, blank=True)
    # An import's file, kept with the job so that a worker on another machine can read it.
    input_text = models.TextField(blank=True)
    result = models.TextField(blank=True)
    # An import preview's findings (counts, refused rows, the first rows' changes),
    # shown on the job's page with the Confirm button; see catalogue/jobs/imports.py.
    preview = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_finished(self):
        return self.state in (self.State.SUCCEEDED, self.State.FAILED)

    @property
    def progress_text(self):
        if self.total:
            return f"{self.done:,} of {self.total:,}"
        return f"{self.done:,}" if self.done else ""

    def status(self):
        """What the job page shows and its script polls, as plain JSON values."""
        return {
            "id": self.pk,
            "state": self.state,
            "state_label": self.get_state_display(),
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "progress": self.progress_text,
            "result": self.result,
            "error": self.error,
            "finished": self.is_finished,
        }
