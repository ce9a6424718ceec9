"""`manage.py verify_fixity` finds scans that changed or went missing."""

import io

import pytest
from django.core.management import CommandError, call_command

from catalogue.models import DocumentImage
from tests.admin.scans import image_bytes, upload
from tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def scans():
    document = make_document(identifier="doc-declaration")
    return [
        DocumentImage.objects.create(document=document, image=upload(f"page{n}.jpg", image_bytes()))
        for n in (1, 2)
    ]


def _run():
    out, err = io.StringIO(), io.StringIO()
    call_command("verify_fixity", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_intact_scans_pass_with_a_summary(scans):
    out, err = _run()
    assert "Checking 2 scans" in out
    assert "Checked 2 scans: 2 intact, 0 changed, 0 missing" in out
    assert err == ""


def test_one_flipped_byte_is_found_and_named(scans):
    path = scans[1].image.path
    with open(path, "r+b") as stored:
        stored.seek(200)
        byte = stored.read(1)
        stored.seek(200)
        stored.write(bytes([byte[0] ^ 0x01]))

    with pytest.raises(CommandError, match="1 intact, 1 changed, 0 missing"):
        _run_capturing(err := io.StringIO())
    assert f"CHANGED: {scans[1].image.name}" in err.getvalue()
    assert "uploaded as page2.jpg" in err.getvalue()


def test_a_missing_master_or_served_copy_is_reported(scans):
    scans[0].image.storage.delete(scans[0].image.name)
    scans[1].thumbnail.storage.delete(scans[1].thumbnail.name)

    with pytest.raises(CommandError, match="1 missing.*1 served copies missing"):
        _run_capturing(err := io.StringIO())
    assert f"MISSING: {scans[0].image.name}" in err.getvalue()
    assert f"MISSING SERVED COPY: {scans[1].thumbnail.name}" in err.getvalue()


def test_the_command_exits_with_status_one_on_failure(scans, capsys):
    scans[0].image.storage.delete(scans[0].image.name)
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "verify_fixity"]).execute()
    assert exit_info.value.code == 1


def _run_capturing(err):
    call_command("verify_fixity", stdout=io.StringIO(), stderr=err)
