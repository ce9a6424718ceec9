"""API clients for each kind of caller, the seeded catalogue, and a clean
throttle count for every test."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    # Throttle counts live in the default cache; one test's requests must not
    # throttle the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeded(db):
    """The catalogue as ./setup.sh leaves it: the committed fixture loaded by `seed`."""
    call_command("seed", stdout=StringIO())


@pytest.fixture
def anon():
    return APIClient()


def _user(django_user_model, username, group=None, **kw):
    user = django_user_model.objects.create_user(username, **kw)
    if group:
        # The roles come from the data migration, as on a real install.
        user.groups.add(Group.objects.get(name=group))
    return user


def _token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.user = user
    return client


@pytest.fixture
def archivist(django_user_model):
    return _token_client(_user(django_user_model, "archie", "Archivist", is_staff=True))


@pytest.fixture
def editor(django_user_model):
    return _token_client(_user(django_user_model, "edith", "Editor", is_staff=True))


@pytest.fixture
def reader(django_user_model):
    """Signed in, with no permissions at all."""
    return _token_client(_user(django_user_model, "reader"))
