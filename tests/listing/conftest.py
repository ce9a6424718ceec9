import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    # A walk through every page of every sort must not be throttled by the
    # requests of the test before.
    cache.clear()
    yield
    cache.clear()
