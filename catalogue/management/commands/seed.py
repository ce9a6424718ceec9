"""Load the built seed fixtures into an empty catalogue, with a first history row each."""

from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from simple_history.models import registered_models

from catalogue.record_types import with_pages

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
CHANGE_REASON = "Loaded from the seed fixtures"


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
        fixtures = sorted(str(p) for p in FIXTURES_DIR.glob("*.json"))
        if not fixtures:
            raise CommandError(f"No fixtures found in {FIXTURES_DIR}; build them first.")
        models = [record_type.model for record_type in with_pages()]
        existing = sum(m.objects.count() for m in models)
        if existing and not force:
            self.stdout.write(
                f"The catalogue already holds {existing} records; seed fixtures not loaded "
                "(use --force to load them anyway)."
            )
            return
        with transaction.atomic():
            loaded = self._load(fixtures)
            written = self._write_history(loaded)
        counts = ", ".join(f"{m.objects.count()} {m._meta.verbose_name_plural}" for m in models)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(fixtures)} fixture file(s): {counts}; {written} history rows written."
            )
        )

    def _load(self, fixtures):
        """Run loaddata, noting each saved object: {model: {pk: created}}."""
        loaded = defaultdict(dict)

        def note(sender, instance, created, raw=False, **kwargs):
            if raw:
                loaded[sender][instance.pk] = created

        post_save.connect(note, weak=False, dispatch_uid="seed-note-loaded")
        try:
            call_command("loaddata", *fixtures, verbosity=0)
        finally:
            post_save.disconnect(dispatch_uid="seed-note-loaded")
        return loaded

    def _write_history(self, loaded):
        # loaddata saves raw, and django-simple-history records no history for
        # raw saves: without these rows a seeded record would have no first version.
        written = 0
        for model, pks in loaded.items():
            if model not in registered_models.values():
                continue
            for created in (True, False):
                objs = list(
                    model._default_manager.filter(
                        pk__in=[k for k, c in pks.items() if c is created]
                    )
                )
                if objs:
                    model.history.bulk_history_create(
                        objs, update=not created, default_change_reason=CHANGE_REASON
                    )
                    written += len(objs)
        return written
