"""Check every stored scan against the sha256 recorded when it was uploaded."""

from django.core.management.base import BaseCommand, CommandError

from catalogue.images import sha256_of
from catalogue.models import DocumentImage

PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = (
        "Check every stored scan (master file) against the sha256 recorded when it was "
        "uploaded, and that its display copy and thumbnail are still there. Lists every "
        "changed or missing file and exits with status 1 if there is any."
    )

    def handle(self, *args, **options):
        scans = DocumentImage.objects.select_related("document").order_by("pk")
        total = scans.count()
        self.stdout.write(f"Checking {total} scan{'s' if total != 1 else ''}\u2026")
        counts = {"intact": 0, "changed": 0, "missing": 0, "unrecorded": 0, "copies": 0}
        problems = []
        for n, scan in enumerate(scans.iterator(chunk_size=500), 1):
            outcome = self._check_master(scan)
            counts[outcome] += 1
            if outcome != "intact":
                problems.append(f"{outcome.upper()}: {self._describe(scan)}")
            for copy in (scan.display, scan.thumbnail):
                if copy.name and not copy.storage.exists(copy.name):
                    counts["copies"] += 1
                    problems.append(f"MISSING SERVED COPY: {copy.name} of {self._describe(scan)}")
            if n % PROGRESS_EVERY == 0:
                self.stdout.write(f"  {n}/{total} checked")
        for problem in problems:
            self.stderr.write(problem)
        summary = (
            f"Checked {total} scans: {counts['intact']} intact, {counts['changed']} changed, "
            f"{counts['missing']} missing, {counts['unrecorded']} without a recorded checksum; "
            f"{counts['copies']} served copies missing."
        )
        if counts["changed"] or counts["missing"] or counts["copies"]:
            raise CommandError(f"Fixity check failed. {summary}")
        self.stdout.write(self.style.SUCCESS(summary))

    def _check_master(self, scan):
        storage, name = scan.image.storage, scan.image.name
        if not name or not storage.exists(name):
            return "missing"
        if not scan.sha256:
            return "unrecorded"
        with storage.open(name, "rb") as stored:
            digest = sha256_of(stored)
        return "intact" if digest == scan.sha256 else "changed"

    @staticmethod
    def _describe(scan):
        return (
            f"{scan.image.name} (scan {scan.pk} of document {scan.document.identifier}, "
            f"uploaded as {scan.original_filename or 'unknown'})"
        )
