"""manage.py oai_rebuild: bring the OAI-PMH harvest entries in line with the
records after writes that sent no signal (bulk loads, QuerySet.update)."""

from django.core.management.base import BaseCommand

from catalogue.oai.tracking import entries_rebuild


class Command(BaseCommand):
    help = (
        "Add OAI-PMH harvest entries for published records that have none, restore those "
        "published again, and mark deleted those no longer published or gone. Needed only "
        "after writes that send no signal (bulk_create, QuerySet.update); safe to run again."
    )

    def handle(self, *args, **options):
        def progress(record_type, counts):
            self.stderr.write(f"  {record_type}: {counts['added']} added so far")

        counts = entries_rebuild(progress=progress)
        self.stdout.write(
            f"Harvest entries: {counts['added']} added, {counts['restored']} restored, "
            f"{counts['deleted']} marked deleted."
        )
