"""Link every ingested text again to the catalogue's people, organisations, places and documents."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from catalogue.services.candidates import RECORD_MODELS, authorities_relink


class Command(BaseCommand):
    help = (
        "Scan the source text of every article again for the names (and name variants) of "
        "the catalogue's people, organisations, places and documents, and add the mentions "
        "not linked yet: a text ingested before a record was created, or before it gained a "
        "variant, gains its links without being ingested again. Existing mentions are kept "
        "(a short name inside a newly known longer one gives way to it). Accepting a "
        "candidate in the admin does this for the new name on its own; run this after "
        "editing names by hand or importing records. With --identifier, only those records' "
        "names are looked for."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--identifier",
            action="append",
            default=[],
            metavar="ID",
            help="Only the names of this record (repeatable), e.g. person-ichiro-hatoyama.",
        )

    def handle(self, *args, identifier=(), **options):
        records = None
        if identifier:
            records = [
                r
                for model in RECORD_MODELS.values()
                for r in model.objects.filter(identifier__in=identifier)
            ]
            missing = set(identifier) - {r.identifier for r in records}
            if missing:
                raise CommandError(f"No record has the identifier(s): {', '.join(sorted(missing))}")

        def progress(index, total, article, added):
            self.stdout.write(f"[{index}/{total}] {article.identifier}: {added} mention(s) added")

        with transaction.atomic():
            added = authorities_relink(records=records, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Relinked: {added} mention(s) added."))
