"""manage.py restore_catalogue PATH: an archive from backup_catalogue into an empty catalogue."""

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError

from catalogue.backup import BackupError
from catalogue.restore import restore_archive


class Command(BaseCommand):
    help = (
        "Restore an archive written by backup_catalogue into an empty, migrated database and "
        "an empty media folder (SQLite or PostgreSQL, whichever wrote it). Every file is "
        "checked against its SHA-256 before anything is written; any error leaves the "
        "database and media folder as they were."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive backup_catalogue wrote")

    def handle(self, *args, path, **options):
        self.stdout.write(f"Restoring {path}\u2026")
        try:
            manifest = restore_archive(path, progress=self.stdout.write)
        except (BackupError, DeserializationError, DatabaseError, OSError) as exc:
            raise CommandError(f"Nothing was restored: {exc}") from None
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows:,} rows in {len(manifest['rows'])} tables and "
                f"{len(manifest['media']):,} media files, written {manifest['created']} "
                f"on {manifest['database']}."
            )
        )
