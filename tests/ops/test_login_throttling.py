"""The admin sign-in is throttled per username and address (django-axes):
a guesser is stopped, a stranger elsewhere cannot lock an archivist out, and
every lockout ends by itself after the cool-off or at once with axes_reset."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
ARCHIVIST_ADDRESS = "192.0.2.10"
STRANGER_ADDRESS = "198.51.100.66"


@pytest.fixture
def archivist(django_user_model):
    return django_user_model.objects.create_user("archie", password=PASSWORD, is_staff=True)


def _sign_in(password, address, username="archie"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}
    )
    return response


def _fail(times, address):
    return [_sign_in("wrong", address).status_code for _ in range(times)]


def test_after_five_failures_even_the_right_password_is_refused_from_that_address(
    archivist, settings
):
    assert _fail(settings.AXES_FAILURE_LIMIT - 1, ARCHIVIST_ADDRESS) == [200] * 4
    response = _sign_in("wrong", ARCHIVIST_ADDRESS)
    assert response.status_code == 429
    response = _sign_in(PASSWORD, ARCHIVIST_ADDRESS)
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert "axes_reset_username archie" in response.content.decode()


def test_a_stranger_failing_as_the_archivist_elsewhere_does_not_lock_them_out(archivist):
    assert _fail(20, STRANGER_ADDRESS)[-1] == 429
    response = _sign_in(PASSWORD, ARCHIVIST_ADDRESS)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_lockout_ends_by_itself_after_the_cool_off(archivist, settings):
    _fail(settings.AXES_FAILURE_LIMIT, ARCHIVIST_ADDRESS)
    assert _sign_in(PASSWORD, ARCHIVIST_ADDRESS).status_code == 429
    # The cool-off passes (the records are aged, not waited for).
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
        attempt.save()
    assert _sign_in(PASSWORD, ARCHIVIST_ADDRESS).status_code == 302


def test_failures_during_a_lockout_do_not_prolong_it(archivist, settings):
    _fail(settings.AXES_FAILURE_LIMIT, ARCHIVIST_ADDRESS)
    first_lock = AccessAttempt.objects.get().attempt_time
    _fail(10, ARCHIVIST_ADDRESS)
    assert AccessAttempt.objects.get().attempt_time == first_lock


def test_an_administrator_lifts_a_lockout_with_axes_reset_username(archivist, settings):
    _fail(settings.AXES_FAILURE_LIMIT, ARCHIVIST_ADDRESS)
    call_command("axes_reset_username", "archie", stdout=StringIO())
    assert _sign_in(PASSWORD, ARCHIVIST_ADDRESS).status_code == 302
