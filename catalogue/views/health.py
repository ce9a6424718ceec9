"""/healthz: what a load balancer or an operator needs to know, in one JSON answer.

200 while the catalogue can answer (a Redis outage only degrades it: throttle
counts fall back to each process's memory), 503 when the database cannot be
reached. Never cached, and it reads no session, so it costs one query.
"""

import datetime
import logging
import os
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

OK, DEGRADED, DOWN = "ok", "degraded", "down"


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("Health check: database unreachable: %s", exc)
        return {"status": DOWN, "detail": type(exc).__name__}
    return {"status": OK, "vendor": connection.vendor}


def _cache():
    ping = getattr(cache, "ping", None)
    if ping is None:
        # Local memory: always there, but only this process's.
        return {"status": OK, "backend": "local memory (per process)"}
    if ping():
        return {"status": OK, "backend": "redis"}
    return {
        "status": DEGRADED,
        "backend": "redis",
        "detail": "Redis unreachable; each process throttles and caches on its own",
    }


def _writable_folder(path):
    # The storage makes its folder on the first upload, so a folder not made
    # yet is fine as long as the nearest existing one above it is writable.
    path = Path(path)
    while not path.exists() and path != path.parent:
        path = path.parent
    return path.is_dir() and os.access(path, os.W_OK)


def _storage():
    location = getattr(default_storage, "location", None)
    try:
        if location is not None:
            usable = _writable_folder(location)
        else:
            # A remote store (S3-compatible): one round trip proves it answers.
            default_storage.exists("healthz-probe")
            usable = True
    except Exception as exc:  # noqa: BLE001 - any storage failure is "degraded", never a 500
        logger.warning("Health check: storage unusable: %s", exc)
        usable = False
    if usable:
        return {"status": OK}
    return {"status": DEGRADED, "detail": "media storage cannot be written: scans cannot be added"}


def _worker_queue():
    if settings.JOBS_BACKEND == "immediate":
        return {"status": OK, "backend": "immediate (jobs run in the request that starts them)"}
    from catalogue.models import Job

    # A job queued or silent for longer than the heartbeat timeout means no
    # worker is taking jobs (none started, or it died).
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT)
    try:
        queued = Job.objects.filter(state=Job.State.QUEUED).count()
        waiting = Job.objects.filter(state=Job.State.QUEUED, created__lt=cutoff).count()
        silent = Job.objects.filter(state=Job.State.RUNNING, heartbeat_at__lt=cutoff).count()
    except DatabaseError as exc:
        logger.warning("Health check: job queue unreadable: %s", exc)
        return {"status": DEGRADED, "detail": "the job queue cannot be read"}
    if waiting or silent:
        return {
            "status": DEGRADED,
            "queued": queued,
            "detail": f"{waiting} job(s) waiting and {silent} running job(s) silent for over "
            f"{settings.JOB_HEARTBEAT_TIMEOUT} s: is a worker running (manage.py jobs_worker)?",
        }
    return {"status": OK, "backend": settings.JOBS_BACKEND, "queued": queued}


@never_cache
@require_GET
def healthz(request):
    checks = {
        "database": _database(),
        "cache": _cache(),
        "storage": _storage(),
        "worker_queue": _worker_queue(),
    }
    states = {check["status"] for check in checks.values()}
    overall = DOWN if DOWN in states else DEGRADED if DEGRADED in states else OK
    return JsonResponse(
        {"status": overall, "checks": checks}, status=503 if overall == DOWN else 200
    )
