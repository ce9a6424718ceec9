"""One archive file holding the whole catalogue, and putting it back.

The archive is a tar file (gzip-compressed when its name ends in .gz):

    data.jsonl     every row of every table, one JSON object a line, in an
                   order that loads (Django's serializer, natural keys for
                   users, groups, permissions and content types, so it loads
                   into a database whose ids for those differ)
    media/...      every file in the media storage (masters, served copies)
    manifest.json  format, code's migrations, row counts per table, and the
                   size and SHA-256 of data.jsonl and of every media file

Rows keep their primary keys, because the history tables name records by id.
Timestamps keep their microseconds (Django's JSON encoder would cut them to
milliseconds). Derived tables (the search index), sessions, login attempts,
content types and permissions (made by `migrate`) are left out.

The rows are read in one snapshot, so the archive is consistent while the
site keeps serving: a REPEATABLE READ transaction on PostgreSQL, a read
transaction on SQLite (WAL: writers go on meanwhile). Media files are never
rewritten in place (masters get new, unguessable names), so copying them
after the snapshot cannot mix versions.
"""

import datetime
import hashlib
import json
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from catalogue.jobs.routers import is_job_table

FORMAT = "archival-catalogue-backup"
VERSION = 1
DATA_NAME = "data.jsonl"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
_CHUNK = 1024 * 1024

# Tables that are not the archive's content: made by `migrate`, derived from
# the records, or about sign-ins rather than the catalogue.
EXCLUDED = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "catalogue.searchentry",
    "catalogue.searchname",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
}
# Filled by a data migration (the roles) and replaced by the archive's rows.
REPLACED = {"auth.group"}


class BackupError(Exception):
    """The archive cannot be written or restored; the message says why."""


class FullPrecisionEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeps only milliseconds; an archive keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def label(model):
    return model._meta.label_lower


def archived_models():
    """The models whose rows go into an archive, in an order that loads."""
    candidates = [
        (config, None)
        for config in apps.get_app_configs()
        if any(model._meta.managed for model in config.get_models())
    ]
    ordered = serializers.sort_dependencies(candidates, allow_cycles=True)
    return [
        model
        for model in ordered
        if model._meta.managed
        and not model._meta.proxy
        and label(model) not in EXCLUDED
        # Background jobs and their queue are the running site's bookkeeping,
        # kept on their own connection: a restored catalogue starts with none.
        and not is_job_table(model._meta.app_label, model._meta.model_name)
    ]


def sha256_of_file(file):
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(_CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def media_files(storage=default_storage, folder=""):
    """Every file name in the storage, depth first, sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from media_files(storage, f"{folder}/{sub}" if folder else sub)


@contextmanager
def snapshot():
    """One consistent view of the database for the duration of the block."""
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    # SQLite: a deferred transaction reads one snapshot without taking the
    # write lock (the site's own transactions are IMMEDIATE and would block
    # every save for as long as the backup takes).
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            cursor.execute("ROLLBACK")


def applied_migrations():
    """{app: sorted migration names} applied to this database, for the manifest check."""
    applied = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(applied.items())}


class _Counter:
    """Passes `items` through, counting them."""

    def __init__(self, items):
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def _add_file(tar, name, path):
    with open(path, "rb") as handle:
        tar.addfile(tar.gettarinfo(str(path), arcname=name), handle)


def write_archive(path, *, progress=print):
    """Write the whole catalogue to `path`; return the manifest.

    The archive is written under a temporary name and renamed at the end, so
    an interrupted backup never leaves a file that looks complete.
    """
    path = Path(path)
    mode = "w:gz" if path.name.endswith(".gz") else "w"
    partial = path.with_name(path.name + ".partial")
    counts = {}
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        data_path = Path(work) / DATA_NAME
        with snapshot(), open(data_path, "w", encoding="utf-8") as data:
            migrations = applied_migrations()
            for model in archived_models():
                rows = model._base_manager.order_by(model._meta.pk.name)
                counter = _Counter(rows.iterator(chunk_size=2000))
                serializers.serialize(
                    "jsonl",
                    counter,
                    stream=data,
                    cls=FullPrecisionEncoder,
                    use_natural_foreign_keys=True,
                )
                counts[label(model)] = counter.count
                progress(f"  {label(model)}: {counts[label(model)]:,} rows")
        with open(data_path, "rb") as handle:
            data_entry = {"sha256": sha256_of_file(handle), "size": data_path.stat().st_size}
        media = []
        with tarfile.open(partial, mode) as tar:
            _add_file(tar, DATA_NAME, data_path)
            for name in media_files():
                size = default_storage.size(name)
                with default_storage.open(name, "rb") as handle:
                    digest = sha256_of_file(handle)
                    handle.seek(0)
                    info = tarfile.TarInfo(MEDIA_PREFIX + name)
                    info.size = size
                    tar.addfile(info, handle)
                media.append({"path": name, "sha256": digest, "size": size})
            progress(f"  media: {len(media):,} files")
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "created": datetime.datetime.now(datetime.UTC).isoformat(),
                "database": connection.vendor,
                "migrations": migrations,
                "rows": counts,
                "data": data_entry,
                "media": media,
            }
            manifest_path = Path(work) / MANIFEST_NAME
            manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True))
            _add_file(tar, MANIFEST_NAME, manifest_path)
    partial.replace(path)
    return manifest
