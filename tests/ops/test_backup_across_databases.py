"""An archive moves between databases: written here and restored into a
fresh SQLite file in another process, and the other way round. On the
PostgreSQL pass of the suite that is PostgreSQL -> SQLite and SQLite ->
PostgreSQL; on the SQLite pass, between two SQLite databases."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from .backup_helpers import every_file, make_catalogue, tables_json

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def other_database(tmp_path):
    """Run Python in another process on a fresh, migrated SQLite database."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "archive_site.settings",
        "DJANGO_DEBUG": "true",
        "DJANGO_SQLITE_PATH": str(tmp_path / "other.sqlite3"),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "other-media"),
        "PYTHONPATH": str(ROOT),
    }

    def run(*argv):
        result = subprocess.run(
            [sys.executable, *argv], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    run("manage.py", "migrate", "--noinput", "-v0")
    run("manage.py", "migrate", "--database", "jobs", "--noinput", "-v0")  # as setup.sh does
    run.media_root = tmp_path / "other-media"
    return run


SETUP = "import django; django.setup(); "


def test_an_archive_from_another_database_restores_here(other_database, tmp_path, settings):
    path = tmp_path / "from-other.tar.gz"
    tables = other_database(
        "-c",
        SETUP + "from django.contrib.auth import get_user_model; "
        "from tests.ops.backup_helpers import make_catalogue, tables_json; "
        "make_catalogue(get_user_model()); print(tables_json())",
    ).strip()
    other_database("manage.py", "backup_catalogue", str(path))
    Group.objects.get_or_create(name="Editor")  # as the roles migration leaves it
    settings.MEDIA_ROOT = tmp_path / "here-media"
    call_command("restore_catalogue", str(path), stdout=io.StringIO())
    assert tables_json() == tables
    assert every_file(settings.MEDIA_ROOT) == every_file(other_database.media_root)


def test_an_archive_from_here_restores_into_another_database(
    other_database, tmp_path, settings, django_user_model
):
    make_catalogue(django_user_model)
    tables = tables_json()
    path = tmp_path / "from-here.tar"
    call_command("backup_catalogue", str(path), stdout=io.StringIO())
    other_database("manage.py", "restore_catalogue", str(path))
    restored = other_database(
        "-c", SETUP + "from tests.ops.backup_helpers import tables_json; print(tables_json())"
    ).strip()
    assert restored == tables
    assert every_file(other_database.media_root) == every_file(settings.MEDIA_ROOT)
