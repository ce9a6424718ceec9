"""Re-index every record for search, with a progress bar and a summary."""

import sys
import time

from django.core.management.base import BaseCommand

from catalogue.search_backends.indexing import rebuild

BAR_WIDTH = 30


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
        interactive = getattr(self.stdout._out, "isatty", lambda: False)()
        verbosity = options.get("verbosity", 1)
        last_shown = {}

        def progress(record_type, done, total):
            if verbosity < 1:
                return
            share = done / total if total else 1.0
            # On a terminal the bar redraws in place; in a log, a line per tenth.
            tenth = int(share * 10)
            if not interactive and last_shown.get(record_type) == tenth and done < total:
                return
            last_shown[record_type] = tenth
            filled = int(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            line = f"{record_type:<13} [{bar}] {done:>7,}/{total:,}"
            if interactive:
                self.stdout.write("\r" + line, ending="\n" if done >= total else "")
            else:
                self.stdout.write(line)

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
