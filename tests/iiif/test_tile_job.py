"""Tiles are made by a job once an upload is committed, by `make_iiif_tiles`
for scans from before, and go with their scan."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from catalogue.iiif.tiles import pyramid_of
from tests.factories import make_document, make_scan

pytestmark = pytest.mark.django_db


def test_an_upload_queues_its_tiles_once_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        scan = make_scan(make_document(), tiles=False)
    assert len(callbacks) == 1
    assert pyramid_of(scan.pk) is not None  # the tests' job backend runs it at once


def test_editing_a_caption_queues_nothing(django_capture_on_commit_callbacks):
    scan = make_scan(make_document(), tiles=False)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        scan.caption = "A new caption"
        scan.save()
    assert callbacks == []


def test_the_command_makes_missing_tiles_and_says_how_many():
    document = make_document()
    done = make_scan(document)
    missing = make_scan(document, tiles=False)
    out = io.StringIO()
    call_command("make_iiif_tiles", stdout=out)
    assert pyramid_of(missing.pk) is not None
    assert "Made tiles for 1 of 2 scans; 1 already had them, 0 failed" in out.getvalue()
    out = io.StringIO()
    call_command("make_iiif_tiles", "--all", stdout=out)
    assert "Made tiles for 2 of 2 scans; 0 already had them" in out.getvalue()
    assert pyramid_of(done.pk) is not None


def test_deleting_a_scan_deletes_its_tiles(django_capture_on_commit_callbacks):
    scan = make_scan(make_document())
    pk = scan.pk
    with django_capture_on_commit_callbacks(execute=True):
        scan.delete()
    assert pyramid_of(pk) is None
    assert not default_storage.exists(f"iiif/{pk}/full/max/0/default.jpg")
