"""manage.py backup_catalogue PATH: the whole catalogue in one archive file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.backup import BackupError, write_archive


class Command(BaseCommand):
    help = (
        "Write the whole catalogue to one archive file (.tar, or .tar.gz to compress): every "
        "record with its history, users, groups and API tokens, every media file, and a "
        "manifest with the SHA-256 of each. Read from one consistent snapshot while the site "
        "keeps serving. Restore it with restore_catalogue."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive to write, e.g. catalogue-2026-12-03.tar.gz")

    def handle(self, *args, path, **options):
        target = Path(path)
        if target.exists():
            raise CommandError(f"{target} already exists; choose a new name.")
        if not target.parent.is_dir():
            raise CommandError(f"{target.parent} is not a folder.")
        self.stdout.write(f"Writing {target}\u2026")
        try:
            manifest = write_archive(target, progress=self.stdout.write)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {target}: {rows:,} rows in {len(manifest['rows'])} tables, "
                f"{len(manifest['media']):,} media files, {target.stat().st_size:,} bytes."
            )
        )
