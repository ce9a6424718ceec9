"""Load the built seed fixtures into an empty catalogue."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from catalogue.models import Article, Document, Organisation, Person, Place

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class Command(BaseCommand):
    help = (
        "Load the seed fixtures (fixtures/*.json) when the catalogue is empty. "
        "An edited catalogue is left alone unless --force is given, so that "
        "running the set-up again never overwrites an archivist's work."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the fixtures even if the catalogue already has records "
            "(records with the same identifiers are overwritten).",
        )

    def handle(self, *args, force=False, **options):
        fixtures = sorted(str(p) for p in FIXTURES_DIR.glob("*.json"))
        if not fixtures:
            raise CommandError(f"No fixtures found in {FIXTURES_DIR}; build them first.")
        models = (Document, Article, Person, Organisation, Place)
        existing = sum(m.objects.count() for m in models)
        if existing and not force:
            self.stdout.write(
                f"The catalogue already holds {existing} records; seed fixtures not loaded "
                "(use --force to load them anyway)."
            )
            return
        call_command("loaddata", *fixtures, verbosity=0)
        counts = ", ".join(f"{m.objects.count()} {m._meta.verbose_name_plural}" for m in models)
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(fixtures)} fixture file(s): {counts}."))
