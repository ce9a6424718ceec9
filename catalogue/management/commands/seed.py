"""Load the built seed fixtures into an empty catalogue (catalogue/services/seed.py)."""

from django.core.management.base import BaseCommand, CommandError

from catalogue.services.seed import SEEDED_MODELS, SeedError, catalogue_seed


class Command(BaseCommand):
    help = (
        "Load the seed fixtures (fixtures/*.json) when the catalogue is empty. "
        "An edited catalogue is left alone unless --force is given, so that "
        "running the set-up again never overwrites an archivist's work. Each "
        "loaded record gets a history row, so its later edits can be compared "
        "with and restored to the seeded version."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the fixtures even if the catalogue already has records "
            "(records with the same identifiers are overwritten).",
        )

    def handle(self, *args, force=False, **options):
        try:
            result = catalogue_seed(force=force)
        except SeedError as error:
            raise CommandError(str(error)) from None
        if not result.files:
            self.stdout.write(
                f"The catalogue already holds {result.existing} records; seed fixtures not "
                "loaded (use --force to load them anyway)."
            )
            return
        counts = ", ".join(
            f"{m._default_manager.count()} {m._meta.verbose_name_plural}" for m in SEEDED_MODELS
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {result.files} fixture file(s): {counts}; "
                f"{result.history_rows} history rows written."
            )
        )
