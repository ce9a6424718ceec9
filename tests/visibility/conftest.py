import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    # Each case reads thirty-odd API addresses; one case must not throttle the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("curator", password="pw-1956-cur", is_staff=True)
    client.force_login(user)
    return client
