"""Building, listing and pruning snapshots of the published catalogue.

A snapshot is a folder MEDIA_ROOT/downloads/<UTC date-time>/ holding each table
as CSV and JSON Lines, one SQLite file with a full-text index, a Frictionless
`datapackage.json`, a README and `manifest.json` (sizes, SHA-256, record
counts). It is written in a hidden `.tmp-*` folder and renamed into place in
one step, so a failed or interrupted build leaves no half-written snapshot
visible and the previous ones untouched. Snapshots are never changed after.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from .describe import datapackage, readme
from .tables import TABLES
from .writers import json_value, write_table

NAME_RE = re.compile(r"^\d{8}T\d{6}Z(-\d+)?$")
SQLITE_NAME = "catalogue.sqlite"
MANIFEST = "manifest.json"
# A hidden build folder this old belongs to a build that died: safe to remove.
STALE_BUILD_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Snapshot:
    name: str
    path: Path

    @property
    def manifest(self):
        return json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))

    def summary(self):
        manifest = self.manifest
        records = sum(manifest["tables"].values())
        return (
            f"{records:,} rows in {len(manifest['tables'])} tables, {len(manifest['files'])} files"
        )


def downloads_root():
    return Path(settings.MEDIA_ROOT) / "downloads"


def snapshots(root=None):
    """Every complete snapshot, newest first."""
    root = root or downloads_root()
    if not root.is_dir():
        return []
    found = [
        Snapshot(entry.name, Path(entry.path))
        for entry in os.scandir(root)
        if entry.is_dir() and NAME_RE.match(entry.name) and Path(entry.path, MANIFEST).is_file()
    ]
    return sorted(found, key=lambda snapshot: snapshot.name, reverse=True)


def snapshot_get(name, root=None):
    """The snapshot called `name` ("latest" for the newest), or None."""
    found = snapshots(root)
    if name == "latest":
        return found[0] if found else None
    return next((snapshot for snapshot in found if snapshot.name == name), None)


def catalogue_version():
    """When the newest published change was made: equal versions, equal data."""
    newest = [
        table.model._default_manager.published().aggregate(newest=Max("modified"))["newest"]
        for table in TABLES
        if any(column.name == "modified" for column in table.columns)
    ]
    newest = [value for value in newest if value is not None]
    return json_value(max(newest)) if newest else None


def snapshot_build(*, progress=None, root=None, now=None, keep=None):
    """Write a new snapshot and return it; then keep only the newest `keep`
    (DOWNLOADS_KEEP). `progress(stage, done, total)` is called as tables are written."""
    root = root or downloads_root()
    root.mkdir(parents=True, exist_ok=True)
    _remove_dead_builds(root)
    now = now or timezone.now()
    build = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
    try:
        version = catalogue_version()
        counts = _write_tables(build, progress)
        created = json_value(now.replace(microsecond=0))
        licence = settings.DOWNLOADS_LICENCE
        _write_json(build / "datapackage.json", datapackage(created=created, licence=licence))
        (build / "README.md").write_text(
            readme(created=created, version=version, licence=licence, counts=counts),
            encoding="utf-8",
        )
        manifest = {
            "snapshot": "",
            "created": created,
            "catalogue_version": version,
            "licence": licence,
            "tables": counts,
            "files": [_describe_file(path, counts) for path in sorted(build.iterdir())],
        }
        name = _free_name(root, now.strftime("%Y%m%dT%H%M%SZ"))
        manifest["snapshot"] = name
        _write_json(build / MANIFEST, manifest)
        build.chmod(0o755)
        # The one step that makes the snapshot visible.
        os.rename(build, root / name)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    snapshots_prune(root=root, keep=keep)
    return Snapshot(name, root / name)


def snapshots_prune(*, root=None, keep=None):
    """Remove all but the newest `keep` snapshots; returns the names removed."""
    keep = settings.DOWNLOADS_KEEP if keep is None else keep
    old = snapshots(root)[max(keep, 1) :]
    for snapshot in old:
        shutil.rmtree(snapshot.path)
    return [snapshot.name for snapshot in old]


def _write_tables(build, progress):
    connection = sqlite3.connect(build / SQLITE_NAME)
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        counts = {}
        with connection:
            for table in TABLES:
                counts[table.name] = write_table(
                    table, folder=build, connection=connection, progress=progress
                )
        connection.execute("VACUUM")
    finally:
        connection.close()
    return counts


def _describe_file(path, counts):
    with open(path, "rb") as stream:
        digest = hashlib.file_digest(stream, "sha256").hexdigest()
    entry = {"name": path.name, "bytes": path.stat().st_size, "sha256": digest}
    table = path.name.rsplit(".", 1)[0]
    if path.suffix in (".csv", ".jsonl") and table in counts:
        entry["records"] = counts[table]
    elif path.name == SQLITE_NAME:
        entry["records"] = sum(counts.values())
    return entry


def _write_json(path, value):
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _free_name(root, name):
    candidate, n = name, 2
    while (root / candidate).exists():
        candidate, n = f"{name}-{n}", n + 1
    return candidate


def _remove_dead_builds(root):
    cutoff = time.time() - STALE_BUILD_SECONDS
    for entry in os.scandir(root):
        if entry.name.startswith(".tmp-") and entry.stat().st_mtime < cutoff:
            shutil.rmtree(entry.path, ignore_errors=True)
