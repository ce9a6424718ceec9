from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    """The catalogue as `manage.py seed` loads it: seed facts are accepted claims."""
    call_command("seed", stdout=StringIO())


@pytest.fixture
def archivist(django_user_model):
    """A member of the Archivist group (its permissions come from the migrations)."""
    user = django_user_model.objects.create_user("ada", is_staff=True)
    user.groups.add(Group.objects.get(name="Archivist"))
    return user
