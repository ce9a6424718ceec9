"""The public downloads page, its files (ETag, length, ranges) and the API list."""

import datetime

import pytest
from django.utils import timezone

from catalogue.downloads.snapshot import snapshot_build

pytestmark = pytest.mark.django_db


def _entry(snapshot, name):
    return next(f for f in snapshot.manifest["files"] if f["name"] == name)


def test_the_page_lists_the_latest_snapshots_files_with_size_and_checksum(client, snapshot):
    response = client.get("/downloads/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/downloads/latest/documents.csv" in html
    assert _entry(snapshot, "catalogue.sqlite")["sha256"] in html
    assert f"/downloads/{snapshot.name}/manifest.json" in html


def test_the_page_says_so_when_no_snapshot_exists(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "empty"
    assert "No snapshot has been made yet." in client.get("/downloads/").content.decode()


def test_a_file_is_served_with_its_checksum_as_etag_its_length_and_ranges(client, snapshot):
    entry = _entry(snapshot, "documents.csv")
    whole = client.get(f"/downloads/{snapshot.name}/documents.csv")
    assert whole.status_code == 200
    assert whole["ETag"] == f'"{entry["sha256"]}"'
    assert int(whole["Content-Length"]) == entry["bytes"]
    body = b"".join(whole.streaming_content)
    assert body.startswith(b"identifier,slug,title")

    part = client.get(f"/downloads/{snapshot.name}/documents.csv", HTTP_RANGE="bytes=0-9")
    assert part.status_code == 206
    assert b"".join(part.streaming_content) == body[:10]
    assert part["Content-Range"] == f"bytes 0-9/{entry['bytes']}"

    again = client.get(
        f"/downloads/{snapshot.name}/documents.csv", HTTP_IF_NONE_MATCH=whole["ETag"]
    )
    assert again.status_code == 304


def test_latest_always_serves_the_newest_snapshot(client, snapshot):
    newer = snapshot_build(now=timezone.now() + datetime.timedelta(hours=1))
    response = client.get("/downloads/latest/manifest.json")
    assert b"".join(response.streaming_content).decode().count(newer.name) == 1
    dated = client.get(f"/downloads/{snapshot.name}/manifest.json")
    assert dated.status_code == 200
    assert "immutable" in dated["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "/downloads/latest/secrets.csv",
        "/downloads/20000101T000000Z/documents.csv",
        "/downloads/latest/..%2Fdb.sqlite3",
        "/downloads/latest/../../settings.py",
    ],
)
def test_unknown_files_and_snapshots_are_404(client, snapshot, path):
    assert client.get(path).status_code == 404


def test_the_api_lists_snapshots_with_file_addresses_and_checksums(client, snapshot):
    response = client.get("/api/downloads/")
    assert response.status_code == 200
    latest = response.json()["snapshots"][0]
    assert latest["snapshot"] == snapshot.name and latest["latest"] is True
    assert latest["tables"]["documents"] == 2
    files = {f["name"]: f for f in latest["files"]}
    assert files["documents.jsonl"]["url"].endswith("/downloads/latest/documents.jsonl")
    assert files["documents.jsonl"]["sha256"] == _entry(snapshot, "documents.jsonl")["sha256"]
