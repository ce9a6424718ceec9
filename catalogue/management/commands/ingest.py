"""Ingest new source texts as draft articles linked to the catalogue's authority records."""

from django.core.management.base import BaseCommand, CommandError

from catalogue.services.ingest import IngestRefused, articles_ingest


class Command(BaseCommand):
    help = (
        "Parse each text file given (a scraped page of the same general shape as those in "
        "fixtures/sources/) and add it as a DRAFT article, with its mentions of the people, "
        "organisations, places and documents already in the catalogue, its footnotes, "
        "references and quotations. A text already in the catalogue (same checksum) is left "
        "as it is. All or nothing: if any file is refused (missing, empty, binary, not UTF-8, "
        "no title), nothing is written and each refusal is listed with its reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Text files to ingest.")

    def handle(self, *args, paths, **options):
        def progress(index, total, path, message):
            self.stdout.write(f"[{index}/{total}] {path}: {message}")

        try:
            outcomes = articles_ingest(paths=paths, progress=progress)
        except IngestRefused as refused:
            raise CommandError(str(refused)) from None
        for outcome in outcomes:
            article = outcome.article
            if outcome.created:
                self.stdout.write(
                    f"  {outcome.path}: new draft {article.identifier} \u201c{article.title}\u201d "
                    f"({outcome.mentions} mentions, {outcome.citations} citations)"
                )
            else:
                self.stdout.write(
                    f"  {outcome.path}: unchanged, the same text as {article.identifier}"
                )
        created = [o for o in outcomes if o.created]
        self.stdout.write(
            self.style.SUCCESS(
                f"Ingested {len(outcomes)} file(s): {len(created)} new draft article(s), "
                f"{len(outcomes) - len(created)} unchanged; "
                f"{sum(o.mentions for o in created)} mentions and "
                f"{sum(o.citations for o in created)} citations written."
            )
        )
