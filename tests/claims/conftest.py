from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    """The catalogue as `manage.py seed` loads it: seed facts are accepted claims."""
    call_command("seed", stdout=StringIO())
