"""backup_catalogue and restore_catalogue: one archive, restored into an
empty database and media folder with every table and file as it was."""

import io
import tarfile

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from catalogue.models import Document

from .backup_helpers import PRECISE, every_file, every_table, make_catalogue

pytestmark = pytest.mark.django_db(transaction=True)


def _empty_the_catalogue():
    # What a fresh, migrated database holds: no rows, the roles from the migration
    # (which the tests' post_migrate gives back after a flush, tests/conftest.py).
    call_command("flush", "--noinput", verbosity=0)
    Group.objects.get_or_create(name="Editor")


@pytest.fixture
def archive(tmp_path, settings, django_user_model):
    make_catalogue(django_user_model)
    path = tmp_path / "catalogue.tar.gz"
    call_command("backup_catalogue", str(path), stdout=io.StringIO())
    return path


def test_restore_gives_back_every_table_row_and_file(tmp_path, settings, django_user_model):
    make_catalogue(django_user_model)
    tables, files = every_table(), every_file(settings.MEDIA_ROOT)
    # The master, its display copy and thumbnail, and its IIIF tiles.
    assert {name.split("/")[0] for name in files} == {"scans", "display", "thumbnails", "iiif"}
    assert all(tables[name] for name in ("catalogue.document", "catalogue.historicaldocument"))
    path = tmp_path / "catalogue.tar"
    out = io.StringIO()
    call_command("backup_catalogue", str(path), stdout=out)
    assert "media files" in out.getvalue()

    _empty_the_catalogue()
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    out = io.StringIO()
    call_command("restore_catalogue", str(path), stdout=out)

    assert "Restored" in out.getvalue()
    assert every_table() == tables
    assert every_file(settings.MEDIA_ROOT) == files
    assert Document.objects.get().modified == PRECISE  # microseconds kept


def test_restore_refuses_a_database_that_holds_records(archive):
    with pytest.raises(CommandError, match="already holds"):
        call_command("restore_catalogue", str(archive), stdout=io.StringIO())


def _tampered_copy(archive, tmp_path):
    tampered = tmp_path / "tampered.tar"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/scans/"):
                data = data[:-1] + bytes([data[-1] ^ 1])  # one bit flipped
            target.addfile(member, io.BytesIO(data))
    return tampered


def test_a_changed_file_in_the_archive_is_refused_and_nothing_is_written(
    archive, tmp_path, settings
):
    tampered = _tampered_copy(archive, tmp_path)
    _empty_the_catalogue()
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    with pytest.raises(CommandError, match="SHA-256"):
        call_command("restore_catalogue", str(tampered), stdout=io.StringIO())
    assert not Document.objects.exists()
    assert not (tmp_path / "restored-media").exists()


def test_a_file_that_is_not_an_archive_is_refused(tmp_path):
    path = tmp_path / "notes.tar"
    path.write_text("not a tar file")
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("restore_catalogue", str(path), stdout=io.StringIO())


def test_backup_never_overwrites_an_existing_file(archive):
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup_catalogue", str(archive), stdout=io.StringIO())
