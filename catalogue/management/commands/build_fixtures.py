"""Build fixtures/catalogue.json from the source texts, or check it is current."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.services.fixtures import (
    FIXTURE_PATH,
    SOURCES_DIR,
    BuildError,
    build_fixtures,
    fixture_differences,
)


class Command(BaseCommand):
    help = (
        "Parse every source text in fixtures/sources/ with the authority file beside them "
        "and write the seed fixture (fixtures/catalogue.json). The output is deterministic: "
        "the same inputs give a byte-identical file. With --check, write nothing and exit "
        "with status 1 when the committed fixture differs from a fresh build."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Compare the committed fixture with a fresh build; exit 1 and list the "
            "differences when they differ.",
        )
        parser.add_argument(
            "--sources", default=str(SOURCES_DIR), help="Folder of source texts (*.txt)."
        )
        parser.add_argument("--output", default=str(FIXTURE_PATH), help="The fixture file.")

    def handle(self, *args, check=False, sources=None, output=None, **options):
        output = Path(output)
        self.stdout.write(f"Building from {sources}")
        try:
            build = build_fixtures(
                sources,
                progress=lambda i, n, name, message: self.stdout.write(
                    f"[{i}/{n}] {name}: {message}"
                ),
            )
        except BuildError as error:
            raise CommandError(f"Cannot build the fixtures: {error}") from None
        for warning in build.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        fresh = build.render()
        counts = ", ".join(f"{n} {name}" for name, n in build.counts().items())
        if check:
            committed = output.read_text(encoding="utf-8") if output.exists() else ""
            if not committed:
                raise CommandError(f"{output} is missing; run manage.py build_fixtures.")
            differences = fixture_differences(committed, fresh)
            if differences:
                self.stderr.write(
                    self.style.ERROR(
                        f"{output} differs from a fresh build of {sources}:\n  "
                        + "\n  ".join(differences)
                        + "\nRun `manage.py build_fixtures` and commit the result, or undo "
                        "the hand edit."
                    )
                )
                sys.exit(1)
            self.stdout.write(self.style.SUCCESS(f"{output} is up to date ({counts})."))
            return
        unchanged = output.exists() and output.read_text(encoding="utf-8") == fresh
        if not unchanged:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(fresh, encoding="utf-8")
        state = "unchanged" if unchanged else "written"
        self.stdout.write(self.style.SUCCESS(f"{output} {state}: {counts}."))
