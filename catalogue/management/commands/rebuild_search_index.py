"""Re-index every record for search, with a progress bar and a summary."""

import sys
import time

from django.core.management.base import BaseCommand

from catalogue.management.progress import progress_bar
from catalogue.search_backends.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index from the catalogue: every document, article, "
        "person, organisation and place is re-indexed and entries of deleted records are "
        "removed. Saves keep the index current on their own; run this after bulk loads "
        "that bypass save() (bulk_create, QuerySet.update, SQL imports). Safe to run while "
        "the site is up: entries are replaced in place, never emptied first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Records read and written per batch (default 500).",
        )

    def handle(self, *args, batch_size=500, **options):
        started = time.monotonic()
        progress = progress_bar(self, verbosity=options.get("verbosity", 1))
        summary = rebuild(batch_size=max(1, batch_size), progress=progress)
        indexed = sum(done for done, _ in summary.values())
        removed = sum(gone for _, gone in summary.values())
        parts = ", ".join(f"{done:,} {record_type}" for record_type, (done, _) in summary.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {indexed:,} records ({parts}); removed {removed:,} stale entries "
                f"in {time.monotonic() - started:.1f}s."
            )
        )
        sys.stdout.flush()
