"""/healthz reports the database, cache, storage and worker queue in JSON."""

import datetime

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_is_200_and_ok_when_everything_works(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
        "worker_queue": "ok",
    }
    assert "no-store" in response["Cache-Control"]


def test_healthz_with_redis_down_is_200_and_says_the_cache_is_degraded(settings, closed_port):
    settings.CACHES = {
        "default": {
            "BACKEND": "catalogue.cache.FallbackRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"]["status"] == "degraded"


def test_healthz_with_redis_up_says_the_cache_is_ok(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "catalogue.cache.FallbackRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    response = Client().get("/healthz")
    assert response.json()["checks"]["cache"] == {"status": "ok", "backend": "redis"}


def test_healthz_says_storage_is_degraded_when_media_cannot_be_written(settings, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    settings.MEDIA_ROOT = tmp_path / "a-file" / "media"
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["storage"]["status"] == "degraded"


@pytest.mark.django_db(databases=["default", "jobs"])
def test_healthz_says_the_queue_is_degraded_when_no_worker_takes_a_job(settings):
    from catalogue.models import Job

    settings.JOBS_BACKEND = "database"
    job = Job.objects.create(kind=Job.Kind.EXPORT, title="Download snapshot")
    assert Client().get("/healthz").json()["checks"]["worker_queue"]["status"] == "ok"
    old = job.created - datetime.timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT + 1)
    Job.objects.filter(pk=job.pk).update(created=old)
    response = Client().get("/healthz")
    assert response.status_code == 200
    queue = response.json()["checks"]["worker_queue"]
    assert queue["status"] == "degraded"
    assert "is a worker running" in queue["detail"]
