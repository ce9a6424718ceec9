"""Starting a job, and running one: progress, heartbeat and the outcome in words.

`job_start` makes the Job row and queues its task; the task calls `job_run`,
which marks the job running, hands the work a `Progress`, and records the
result or the error. Progress and heartbeat are written on the "jobs"
connection, never inside the work's own transaction, so they are seen while
the work runs and survive its rollback.
"""

import logging
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils import timezone

from catalogue.models import Job

logger = logging.getLogger(__name__)


class JobRefused(Exception):
    """The work cannot be done as asked; the message says why, for an archivist."""


class Progress:
    """Counts items done of a total and writes them, with a heartbeat, at most
    every JOB_HEARTBEAT_SECONDS (and at every change of stage)."""

    def __init__(self, job_id, *, clock=time.monotonic):
        self.job_id = job_id
        self.clock = clock
        self.stage = ""
        self.done = 0
        self.total = None
        self._written_at = None

    def begin(self, stage, total=None):
        self.stage, self.done, self.total = stage, 0, total
        self.write()

    def step(self, count=1):
        self.done += count
        self.beat()

    def update(self, done, total=None):
        self.done = done
        if total is not None:
            self.total = total
        self.beat()

    def report(self, stage, done, total):
        """The `progress(stage, done, total)` callback that commands' progress bars take."""
        if stage != self.stage:
            self.begin(stage, total)
        self.update(done, total)

    def beat(self):
        """Write now if the last write is older than the heartbeat interval."""
        if self._written_at is None or (
            self.clock() - self._written_at >= settings.JOB_HEARTBEAT_SECONDS
        ):
            self.write()

    def write(self):
        self._written_at = self.clock()
        Job.objects.filter(pk=self.job_id).update(
            stage=self.stage[:200],
            done=self.done,
            total=self.total,
            heartbeat_at=timezone.now(),
        )


def job_start(*, kind, title, task, user=None, params=None, input_text=""):
    """Create the job's row and queue its task; returns the Job as it stands now
    (already finished where the backend runs tasks at once)."""
    job = Job.objects.create(
        kind=kind,
        title=title[:300],
        started_by=getattr(user, "username", "") or "a command or script",
        params=params or {},
        input_text=input_text,
    )
    result = task.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def job_run(job_id, work):
    """Run `work(job, progress)` for a queued job and record how it ended.

    `work` returns the result in words. A refusal (JobRefused, a validation or
    command error) is recorded as the job's error; anything else is recorded
    as an unexpected error and raised again, so the worker logs the traceback.
    """
    job = Job.objects.get(pk=job_id)
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, state=Job.State.QUEUED).update(
        state=Job.State.RUNNING, started_at=now, heartbeat_at=now
    )
    if not claimed:
        # Already run, or failed as stale before a worker picked it up.
        logger.warning("Job %s is %s; not running it again.", job_id, job.state)
        return job.state
    progress = Progress(job_id)
    try:
        result = work(job, progress)
    except (JobRefused, ValidationError, CommandError) as error:
        _finish(job_id, progress, state=Job.State.FAILED, error=_words(error))
        return Job.State.FAILED
    except Exception as error:
        _finish(
            job_id,
            progress,
            state=Job.State.FAILED,
            error=f"The job stopped with an unexpected error ({type(error).__name__}: {error}); "
            "nothing it was doing in one step was kept. Tell the site's administrator.",
        )
        raise
    # A good preview keeps its file for the import the archivist may confirm.
    keep = job.kind == Job.Kind.IMPORT_PREVIEW
    _finish(job_id, progress, state=Job.State.SUCCEEDED, result=result, keep_input=keep)
    return Job.State.SUCCEEDED


def _finish(job_id, progress, *, state, result="", error="", keep_input=False):
    now = timezone.now()
    # An import's file is otherwise kept only for the worker to read.
    cleared = {} if keep_input else {"input_text": ""}
    Job.objects.filter(pk=job_id).update(
        state=state,
        stage=progress.stage[:200],
        done=progress.done,
        total=progress.total,
        result=result,
        error=error,
        finished_at=now,
        heartbeat_at=now,
        **cleared,
    )


def _words(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)
