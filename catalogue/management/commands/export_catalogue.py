"""Build a dated snapshot of the published catalogue for the public downloads page."""

import time

from django.core.management.base import BaseCommand

from catalogue.downloads.snapshot import snapshot_build
from catalogue.management.progress import progress_bar


class Command(BaseCommand):
    help = (
        "Write a new dated snapshot of the published catalogue to MEDIA_ROOT/downloads/: "
        "every table as CSV and JSON Lines, one SQLite file with full-text indexes, a "
        "Frictionless datapackage.json, a README and a manifest with sizes and SHA-256. "
        "Drafts are never included. The snapshot appears in one step when complete (a "
        "failed run leaves the previous snapshots as they were); only the newest "
        "DOWNLOADS_KEEP are kept. Safe to run from cron while the site is up."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="How many snapshots to keep, this one included (default DOWNLOADS_KEEP).",
        )

    def handle(self, *args, keep=None, **options):
        started = time.monotonic()
        progress = progress_bar(self, label_width=16, verbosity=options.get("verbosity", 1))
        snapshot = snapshot_build(progress=progress, keep=keep)
        manifest = snapshot.manifest
        size = sum(entry["bytes"] for entry in manifest["files"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Snapshot {snapshot.name}: {snapshot.summary()}, {size / 1e6:,.1f} MB, "
                f"in {time.monotonic() - started:.1f}s ({snapshot.path})."
            )
        )
