"""With Redis unreachable the API keeps answering: throttling counts per
process, one warning is logged, and Redis is used again once it is back."""

import logging
import shutil
import subprocess
import time

import pytest
import redis

from catalogue import cache as cache_module
from catalogue.cache import FallbackRedisCache

from .conftest import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings, closed_port):
    # What settings.py builds for REDIS_URL, pointed at a closed port.
    settings.CACHES = {
        "default": {
            "BACKEND": "catalogue.cache.FallbackRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }


def test_the_api_answers_json_while_redis_is_unreachable(redis_down, anon, caplog):
    with caplog.at_level(logging.WARNING, logger="catalogue.cache"):
        responses = [anon.get("/api/places/") for _ in range(2)]
    assert [r.status_code for r in responses] == [200, 200]
    assert responses[0]["Content-Type"] == "application/json"
    warnings = [r for r in caplog.records if "Redis cache unreachable" in r.getMessage()]
    assert len(warnings) == 1  # once per interval, not once per request


def test_throttling_still_applies_per_process_while_redis_is_down(redis_down, anon):
    codes = [anon.get("/api/places/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


@pytest.fixture
def redis_server_later():
    """A port with no Redis yet, and a function that starts one there."""
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is needed (CI installs and starts Redis)")
    port = free_port()
    started = []

    def start():
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        started.append(process)
        client = redis.Redis(port=port)
        for _ in range(100):
            try:
                client.ping()
                return client
            except redis.ConnectionError:
                time.sleep(0.05)
        pytest.fail("redis-server did not start")

    yield port, start
    for process in started:
        process.terminate()
        process.wait()


def test_the_cache_goes_back_to_redis_by_itself(redis_server_later, monkeypatch):
    port, start_redis = redis_server_later
    backend = FallbackRedisCache(f"redis://127.0.0.1:{port}/0", {})
    backend.set("counted-while-down", 1)
    assert backend.degraded and backend.get("counted-while-down") == 1
    client = start_redis()
    # The retry interval passes (the clock is moved, not waited for).
    later = time.monotonic() + FallbackRedisCache.RETRY_SECONDS + 1
    monkeypatch.setattr(cache_module.time, "monotonic", lambda: later)
    backend.set("counted-in-redis", 2)
    assert not backend.degraded
    assert client.exists(backend.make_and_validate_key("counted-in-redis"))
