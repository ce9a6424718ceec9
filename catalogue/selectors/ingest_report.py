"""The machine-readable report of an ingest run (`manage.py ingest --report FILE.json`).

Read back from the database after the run, so a text ingested earlier (unchanged)
is reported as fully as a new one. The format is documented in README.md,
section "Ingest report".
"""

from catalogue.models import Claim, Mention

REPORT_FORMAT = "catalogue-ingest-report/1"


def _record_row(record, *, matched_existing):
    return {
        "type": record._meta.model_name,
        "identifier": record.identifier,
        "title": str(record),
        "status": record.status,
        "matched_existing": matched_existing,
    }


def _text_report(outcome):
    article = outcome.article
    claims = list(
        Claim.objects.filter(article=article)
        .select_related("document", "person", "organisation", "place", "candidate")
        .order_by("start", "pk")
    )
    mentions = (
        Mention.objects.filter(article=article)
        .select_related("person", "organisation", "place", "document")
        .order_by("start", "pk")
    )
    records = [_record_row(article, matched_existing=not outcome.created)]
    seen = {article.identifier}
    for claim in claims:
        record = claim.record
        if record is not None and record.identifier not in seen:
            seen.add(record.identifier)
            records.append(_record_row(record, matched_existing=True))
    if outcome.same_as_path:
        result = f"same text as {outcome.same_as_path}"
    else:
        result = "created" if outcome.created else "unchanged"
    return {
        "path": outcome.path,
        "result": result,
        "article": article.identifier,
        "sha256": article.source_sha256,
        "warnings": list(article.parse_warnings),
        "records": records,
        "claims": [
            {
                "record": claim.record_identifier,
                "record_type": record_type(claim),
                "property": claim.kind,
                "value": claim.value,
                "value_as_written": claim.value_label,
                "note": claim.note,
                "span": [claim.start, claim.end],
                "evidence": [claim.evidence_start, claim.evidence_end],
                "state": claim.state,
                "negated": claim.negated,
            }
            for claim in claims
        ],
        "names_linked": [
            {
                "authority": mention.target.identifier,
                "type": mention.target._meta.model_name,
                "surface": mention.surface,
                "span": [mention.start, mention.end],
            }
            for mention in mentions
        ],
        "candidates": [
            {
                "key": candidate.key,
                "type": candidate.kind,
                "name": candidate.name,
                "spans": [list(span) for span in candidate.spans],
                "office": candidate.office,
                "variant_of": candidate.variant_of,
                "state": candidate.state,
            }
            for candidate in article.candidates.order_by("name", "pk")
        ],
    }


def record_type(claim):
    record = claim.record
    return record._meta.model_name if record is not None else "candidate"


def ingest_report(outcomes):
    """The report of one ingest run: a dict ready for json.dump."""
    return {"format": REPORT_FORMAT, "texts": [_text_report(o) for o in outcomes]}
