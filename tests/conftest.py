import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded scans and thumbnails go to a throw-away folder per test.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    # Cached facet counts and throttle counts must not pass from one test to the next
    # (the database is rolled back, the local-memory cache is not).
    from django.core.cache import cache

    cache.clear()
