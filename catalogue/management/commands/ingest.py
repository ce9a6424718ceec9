"""Ingest new source texts as draft articles linked to the catalogue's authority records."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.selectors.ingest_report import ingest_report
from catalogue.services.ingest import IngestRefused, articles_ingest


class Command(BaseCommand):
    help = (
        "Parse each text file given (a scraped page of the same general shape as those in "
        "fixtures/sources/) and add it as a DRAFT article, with its mentions of the people, "
        "organisations, places and documents already in the catalogue, its footnotes, "
        "references and quotations. Every fact the text states becomes a PROPOSED claim and "
        "every unknown name a candidate, for an archivist to accept or reject; nothing is "
        "published or applied to a record. A text already in the catalogue (same checksum) "
        "is left as it is, and so is the same text given twice. Parser warnings (e.g. a "
        "footnote marker without its reference) are printed and kept on the article. All or "
        "nothing: if any file is refused (missing, empty, binary, not UTF-8, no title), "
        "nothing is written and each refusal is listed with its reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Text files to ingest.")
        parser.add_argument(
            "--report",
            metavar="FILE.json",
            help="Also write a machine-readable report (records, claims, names linked, "
            "candidates per text; see README, 'Ingest report').",
        )

    def handle(self, *args, paths, report=None, **options):
        if report and not Path(report).resolve().parent.is_dir():
            raise CommandError(f"Cannot write the report: no folder {Path(report).parent}.")

        def progress(index, total, path, message):
            self.stdout.write(f"[{index}/{total}] {path}: {message}")

        try:
            outcomes = articles_ingest(paths=paths, progress=progress)
        except IngestRefused as refused:
            raise CommandError(str(refused)) from None
        for outcome in outcomes:
            self._describe(outcome)
        if report:
            Path(report).write_text(
                json.dumps(ingest_report(outcomes), indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
            self.stdout.write(f"Report written to {report}")
        created = [o for o in outcomes if o.created]
        self.stdout.write(
            self.style.SUCCESS(
                f"Ingested {len(outcomes)} file(s): {len(created)} new draft article(s), "
                f"{len(outcomes) - len(created)} unchanged; "
                f"{sum(o.mentions for o in created)} mentions, "
                f"{sum(o.citations for o in created)} citations, "
                f"{sum(o.claims for o in created)} proposed claims and "
                f"{sum(o.candidates for o in created)} candidate names written; "
                f"{sum(len(o.warnings) for o in created)} warning(s)."
            )
        )

    def _describe(self, outcome):
        article = outcome.article
        if outcome.same_as_path:
            self.stdout.write(
                f"  {outcome.path}: the same text as {outcome.same_as_path}, ingested once "
                f"as {article.identifier}"
            )
        elif not outcome.created:
            self.stdout.write(f"  {outcome.path}: unchanged, the same text as {article.identifier}")
        else:
            self.stdout.write(
                f"  {outcome.path}: new draft {article.identifier} \u201c{article.title}\u201d "
                f"({outcome.mentions} mentions, {outcome.citations} citations, "
                f"{outcome.claims} proposed claims, {outcome.candidates} candidate names)"
            )
        for warning in outcome.warnings:
            self.stderr.write(self.style.WARNING(f"  warning: {outcome.path}: {warning}"))
