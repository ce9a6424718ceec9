"""Snapshots appear whole or not at all, and only the newest few are kept."""

import datetime
import hashlib

import pytest
from django.utils import timezone

from catalogue.downloads import snapshot as snapshot_module
from catalogue.downloads.snapshot import snapshot_build, snapshot_get, snapshots
from catalogue.models import Document


def _digests(snapshot):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in snapshot.path.iterdir()}


def test_a_failed_export_leaves_the_previous_snapshot_intact_and_nothing_half_written(
    snapshot, monkeypatch
):
    before = _digests(snapshot)
    written = []
    real_write_table = snapshot_module.write_table

    def fail_on_third_table(table, **kwargs):
        if len(written) == 2:
            raise OSError("disk full")
        written.append(table.name)
        return real_write_table(table, **kwargs)

    monkeypatch.setattr(snapshot_module, "write_table", fail_on_third_table)
    Document.objects.filter(identifier="doc-protocol").update(title="Changed since")

    with pytest.raises(OSError, match="disk full"):
        snapshot_build(now=timezone.now() + datetime.timedelta(minutes=1))

    assert [s.name for s in snapshots()] == [snapshot.name]
    assert snapshot_get("latest") == snapshot
    assert _digests(snapshot) == before
    leftovers = [p.name for p in snapshot.path.parent.iterdir() if p.name != snapshot.name]
    assert leftovers == []


def test_only_the_newest_snapshots_are_kept_and_latest_is_the_newest(snapshot, settings):
    settings.DOWNLOADS_KEEP = 2
    start = timezone.now()
    second = snapshot_build(now=start + datetime.timedelta(hours=1))
    third = snapshot_build(now=start + datetime.timedelta(hours=2))

    assert [s.name for s in snapshots()] == [third.name, second.name]
    assert not snapshot.path.exists()
    assert snapshot_get("latest") == third


def test_two_snapshots_in_the_same_second_get_different_names(catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    now = timezone.now()
    first, second = snapshot_build(now=now), snapshot_build(now=now)
    assert second.name == f"{first.name}-2"
    assert first.path.is_dir()
