"""Put an archive written by catalogue.backup into an empty catalogue.

All or nothing, in this order, so a bad archive changes nothing:

1. the archive is read whole and checked: its format, that every member is
   a plain file named in the manifest, and the size and SHA-256 of the data
   and of every media file;
2. the target is checked: the same migrations applied, no rows in any table
   the archive fills (the roles that a migration creates are replaced), and
   none of the archive's media files already present;
3. media files are written, then every row in one transaction (with foreign
   keys checked at the end, and PostgreSQL's id sequences moved past the
   restored ids). If the rows fail, the files just written are removed.
"""

import json
import tarfile
from pathlib import PurePosixPath

from django.apps import apps
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction

from catalogue.oai.tracking import entries_rebuild

from .backup import (
    DATA_NAME,
    FORMAT,
    MANIFEST_NAME,
    MEDIA_PREFIX,
    REPLACED,
    VERSION,
    BackupError,
    applied_migrations,
    sha256_of_file,
)


def _safe_media_name(member_name):
    name = member_name[len(MEDIA_PREFIX) :]
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts:
        raise BackupError(f"The archive holds a file outside the media folder: {member_name!r}")
    return name


def read_manifest(tar):
    try:
        manifest = json.load(tar.extractfile(MANIFEST_NAME))
    except (KeyError, AttributeError, ValueError):
        raise BackupError(
            "This is not a catalogue backup: it has no readable manifest.json."
        ) from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(
            f"Unknown backup format {manifest.get('format')!r} version {manifest.get('version')!r}."
        )
    return manifest


def _digest(tar, member):
    return sha256_of_file(tar.extractfile(member))


def verify_archive(tar, manifest):
    """Check every member against the manifest; raise BackupError on the first difference."""
    expected = {DATA_NAME: manifest["data"]}
    for entry in manifest["media"]:
        expected[MEDIA_PREFIX + _safe_media_name(MEDIA_PREFIX + entry["path"])] = entry
    seen = set()
    for member in tar.getmembers():
        if member.name == MANIFEST_NAME:
            continue
        if not member.isfile():
            raise BackupError(f"The archive holds {member.name!r}, which is not a plain file.")
        entry = expected.get(member.name)
        if entry is None:
            raise BackupError(
                f"The archive holds {member.name!r}, which its manifest does not list."
            )
        if member.size != entry["size"] or _digest(tar, member) != entry["sha256"]:
            raise BackupError(
                f"{member.name} does not match its SHA-256 in the manifest: the archive is "
                "damaged or was changed. Nothing was restored."
            )
        seen.add(member.name)
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"The archive lacks files its manifest lists: {', '.join(missing[:5])}")


def check_target(manifest):
    """Refuse a database or media storage that already holds catalogue data."""
    ours, theirs = applied_migrations(), manifest["migrations"]
    differing = sorted(app for app in theirs if theirs[app] != ours.get(app, []))
    if differing:
        raise BackupError(
            "The archive was written by a version of the code with other migrations for "
            f"{', '.join(differing)}: run this command with that version (after `migrate`)."
        )
    for model_label in manifest["rows"]:
        if model_label in REPLACED:
            continue
        try:
            model = apps.get_model(model_label)
        except LookupError:
            raise BackupError(f"The archive holds rows of {model_label}, unknown here.") from None
        if model._base_manager.exists():
            raise BackupError(
                f"The database already holds {model._meta.verbose_name_plural} "
                f"({model_label}): restore only into an empty, migrated database."
            )
    present = [e["path"] for e in manifest["media"] if default_storage.exists(e["path"])]
    if present:
        raise BackupError(
            f"The media storage already holds {len(present)} of the archive's files "
            f"(e.g. {present[0]}): restore into an empty media folder."
        )


def _write_media(tar, manifest, progress):
    written = []
    try:
        for entry in manifest["media"]:
            handle = tar.extractfile(MEDIA_PREFIX + entry["path"])
            stored = default_storage.save(entry["path"], File(handle, name=entry["path"]))
            written.append(stored)
            if stored != entry["path"]:
                raise BackupError(f"{entry['path']} could not be written under its own name.")
    except BaseException:
        _remove(written)
        raise
    progress(f"  media: {len(written):,} files written")
    return written


def _remove(names):
    for name in names:
        default_storage.delete(name)


def _load_rows(tar, manifest, progress):
    counts = dict.fromkeys(manifest["rows"], 0)
    with transaction.atomic():
        # The roles made by a migration give way to the archive's own groups.
        Group.objects.all().delete()
        deferred = []
        with connection.constraint_checks_disabled():
            for item in serializers.deserialize(
                "jsonl", tar.extractfile(DATA_NAME), handle_forward_references=True
            ):
                item.save()
                counts[item.object._meta.label_lower] += 1
                if item.deferred_fields:
                    deferred.append(item)
            # Natural keys naming rows that came later in the file (as loaddata does).
            for item in deferred:
                item.save_deferred_fields()
        models = [apps.get_model(model_label) for model_label in manifest["rows"]]
        connection.check_constraints(table_names=[m._meta.db_table for m in models])
        statements = connection.ops.sequence_reset_sql(no_style(), models)
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
        if counts != manifest["rows"]:
            wrong = sorted(k for k in counts if counts[k] != manifest["rows"][k])
            raise BackupError(f"Row counts differ from the manifest for {', '.join(wrong)}.")
    for model_label, count in counts.items():
        if count:
            progress(f"  {model_label}: {count:,} rows")
    return counts


def restore_archive(path, *, progress=print):
    """Restore the archive at `path` into this (empty) catalogue; return the manifest."""
    try:
        tar = tarfile.open(path)  # noqa: SIM115 - closed by the `with tar` below
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{path} cannot be read as a backup archive: {exc}") from None
    with tar:
        manifest = read_manifest(tar)
        progress("Checking every file against its SHA-256\u2026")
        verify_archive(tar, manifest)
        check_target(manifest)
        written = _write_media(tar, manifest, progress)
        try:
            _load_rows(tar, manifest, progress)
        except BaseException:
            _remove(written)
            raise
    # An archive made before OAI-PMH has no harvest entries: its published
    # records become harvestable (one carrying its entries is left as it is).
    entries_rebuild()
    return manifest
