"""Schemathesis against the live schema, in-process through the WSGI app, with
every check it has: every operation as an anonymous client and as an editor
with a token, with data that fits the schema and data that does not. No
response is a server error; every response (status, content type, headers,
body) is one the schema states; what fits the schema is taken and what does not
is refused; reads are public and writes need a token; unlisted methods are a
405. Runs on whichever database the suite runs on."""

from pathlib import Path

import pytest
import schemathesis
from django.conf import settings as settings_module
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import SchemathesisConfig

from archive_site.wsgi import application

# What a schema cannot state (statuses that depend on the stored records) is in
# schemathesis.toml, which `schemathesis run` reads too.
CONFIG = Path(settings_module.BASE_DIR) / "schemathesis.toml"

# Loaded at collection, before the test environment allows any host.
with override_settings(ALLOWED_HOSTS=["localhost"]):
    schema = schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", application, config=SchemathesisConfig.from_path(CONFIG)
    )
    as_editor = schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", application, config=SchemathesisConfig.from_path(CONFIG)
    )
# The editor gets the generated phases only: the coverage phase (every boundary
# value of every field, unexpected methods) already runs on each operation
# anonymously, and twice would double the suite's time for little more.
as_editor.config.phases.coverage.enabled = False

# Every check Schemathesis registers (what `--checks all` runs).
load_all_checks()
ALL_CHECKS = CHECKS.get_all()
# Few examples per operation and a fixed derandomised seed: the suite stays
# fast and a failure reproduces on the next run.
FUZZ = settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def keep_connection():
    # Schemathesis calls the WSGI app directly, not through Django's test
    # client, so each request's end would close the database connection (and
    # with it the test's transaction on PostgreSQL). The test client
    # disconnects these handlers the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def no_throttling(settings, keep_connection):
    # Schemathesis calls the app as http://localhost/.
    settings.ALLOWED_HOSTS = ["localhost"]
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": dict.fromkeys(rates, "100000/minute"),
    }


@pytest.fixture
def editor_token(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("fuzz-editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return Token.objects.create(user=user).key


@pytest.mark.django_db(transaction=False)
@schema.parametrize()
@FUZZ
def test_anonymous_responses_conform_to_the_schema(case, seeded, no_throttling):
    case.call_and_validate(checks=ALL_CHECKS)


@pytest.mark.django_db(transaction=False)
@as_editor.parametrize()
@FUZZ
def test_editor_responses_conform_to_the_schema(case, seeded, no_throttling, editor_token):
    case.call_and_validate(headers={"Authorization": f"Token {editor_token}"}, checks=ALL_CHECKS)
