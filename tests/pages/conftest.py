from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    """The catalogue as `manage.py seed` loads it."""
    call_command("seed", stdout=StringIO())


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        "curator", password="pw-1956-curator", is_staff=True
    )
    client.force_login(user)
    return client
