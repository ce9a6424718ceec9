"""Load the built seed fixtures into the catalogue, with a first history row
for every record (loaddata saves raw, and django-simple-history writes no
history for raw saves)."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import models, transaction
from django.db.models.signals import post_save
from simple_history.models import registered_models

from ..oai.tracking import entries_rebuild
from ..record_types import with_pages

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
CHANGE_REASON = "Loaded from the seed fixtures"
# The records with pages: what "the catalogue is empty" means, and what the summary counts.
SEEDED_MODELS: tuple[type[models.Model], ...] = tuple(t.model for t in with_pages())


class SeedError(Exception):
    """The seed cannot be loaded; the message says why."""


@dataclass
class SeedResult:
    files: int  # fixture files loaded; 0 when the catalogue was left alone
    history_rows: int
    existing: int  # records in the catalogue before loading


def seed_fixture_files(fixtures_dir: Path = FIXTURES_DIR) -> list[str]:
    return sorted(str(p) for p in fixtures_dir.glob("*.json"))


def catalogue_seed(*, force: bool = False, fixtures_dir: Path = FIXTURES_DIR) -> SeedResult:
    """Load every fixture in `fixtures_dir` when the catalogue is empty (or `force`).

    An edited catalogue is left alone unless `force`, so that running the
    set-up again never overwrites an archivist's work. All in one transaction.
    """
    fixtures = seed_fixture_files(fixtures_dir)
    if not fixtures:
        raise SeedError(f"No fixtures found in {fixtures_dir}; build them first.")
    existing = sum(model._default_manager.count() for model in SEEDED_MODELS)
    if existing and not force:
        return SeedResult(files=0, history_rows=0, existing=existing)
    with transaction.atomic():
        loaded = _load(fixtures)
        written = _write_history(loaded)
        # loaddata's raw saves leave OAI-PMH alone; the published seed is harvestable.
        entries_rebuild()
    return SeedResult(files=len(fixtures), history_rows=written, existing=existing)


def _load(fixtures: Sequence[str]) -> dict[type[models.Model], dict[int, bool]]:
    """Run loaddata, noting each saved object: {model: {pk: created}}."""
    loaded: dict[type[models.Model], dict[int, bool]] = defaultdict(dict)

    def note(sender, instance, created, raw=False, **kwargs):
        if raw:
            loaded[sender][instance.pk] = created

    post_save.connect(note, weak=False, dispatch_uid="seed-note-loaded")
    try:
        call_command("loaddata", *fixtures, verbosity=0)
    finally:
        post_save.disconnect(dispatch_uid="seed-note-loaded")
    return loaded


def _write_history(loaded: dict[type[models.Model], dict[int, bool]]) -> int:
    written = 0
    for model, pks in loaded.items():
        if model not in registered_models.values():
            continue
        for created in (True, False):
            objs = list(
                model._default_manager.filter(pk__in=[k for k, c in pks.items() if c is created])
            )
            if objs:
                model.history.bulk_history_create(  # type: ignore[attr-defined]
                    objs, update=not created, default_change_reason=CHANGE_REASON
                )
                written += len(objs)
    return written
