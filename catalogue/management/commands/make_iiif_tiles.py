"""Make the IIIF tiles of scans uploaded before tiles existed (or all of them again)."""

import time

from django.core.management.base import BaseCommand

from catalogue.iiif.tiles import make_tiles, pyramid_of
from catalogue.management.progress import progress_bar
from catalogue.models import DocumentImage


class Command(BaseCommand):
    help = (
        "Make the static IIIF Image API tiles and sizes (level 0) of every scan that has "
        "none yet, in this process. New uploads get theirs from a background job; run this "
        "once for scans uploaded before, or with --all after changing the tile settings. "
        "A scan whose master cannot be read is reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Make the tiles of every scan again."
        )

    def handle(self, *args, all=False, **options):
        started = time.monotonic()
        progress = progress_bar(self, verbosity=options.get("verbosity", 1))
        scans = list(DocumentImage.objects.order_by("pk").only("pk", "image"))
        todo = [scan for scan in scans if all or pyramid_of(scan.pk) is None]
        made = failed = 0
        progress("Scans", 0, len(todo))
        for done, scan in enumerate(todo, start=1):
            try:
                make_tiles(scan)
                made += 1
            except (OSError, ValueError, SyntaxError) as error:
                failed += 1
                self.stderr.write(f"Scan {scan.pk} ({scan.image.name}): {error}")
            progress("Scans", done, len(todo))
        summary = (
            f"Made tiles for {made:,} of {len(scans):,} scans; {len(scans) - len(todo):,} "
            f"already had them, {failed:,} failed, in {time.monotonic() - started:.1f}s."
        )
        self.stdout.write(self.style.WARNING(summary) if failed else self.style.SUCCESS(summary))
