"""From parsed source texts to catalogue records.

Two callers share the mapping of a ParsedText to records (`article_bundle`):
the fixture build (`catalogue.services.fixtures`: published records written as
JSON, no database) and `articles_ingest` below (draft articles written to the
database, all files or none).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from .. import record_types
from ..ingest import Entry, ParseError, Vocabulary, decode_source, parse_text
from ..ingest.facts import TRANSLATION, extract_facts, topic_statements
from ..models import (
    Article,
    Citation,
    Claim,
    Document,
    DocumentExcerpt,
    Mention,
    Organisation,
    Person,
    Place,
    Statement,
    Status,
    sha256_text,
)
from ..models.base import IDENTIFIER_RE
from .claims import candidate_from_parsed, claim_from_fact
from .records import record_create

ABOUT_FIELD = {
    "person": "about_people",
    "organisation": "about_organisations",
    "place": "about_places",
    "document": "about_documents",
}


def article_identifier(filename, sha256):
    """`article-` + the file name without its ordering prefix (000_0543db... -> article-0543db...).

    Falls back to the text's checksum when the name gives no valid identifier.
    """
    stem = re.sub(r"^\d+[_-](?=.)", "", Path(filename).stem)
    slug = slugify(stem.replace("_", "-"))[:55].strip("-")
    candidate = f"article-{slug}"
    return candidate if slug and IDENTIFIER_RE.match(candidate) else f"article-{sha256[:16]}"


@dataclass
class ArticleBundle:
    """An unsaved Article and the unsaved records that hang from it."""

    article: Article
    mentions: list = field(default_factory=list)
    citations: list = field(default_factory=list)
    excerpts: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    about: dict = field(default_factory=dict)  # m2m field name -> records


def _last_document_mention_in(parsed, start, end):
    found = [m for m in parsed.mentions if m.kind == "document" and start <= m.start < end]
    return found[-1] if found else None


def _printed_note(reference):
    """'as printed in New York Times, page 2, October 20, 1956' from a reference's parts."""
    parts = [
        reference.publication,
        reference.locator,
        reference.date.text if reference.date else "",
    ]
    parts = [p for p in parts if p]
    return f"as printed in {', '.join(parts)}" if parts else ""


def _translation_note(reference):
    match = (
        TRANSLATION.search(reference.subtitle.text) if reference and reference.subtitle else None
    )
    return match.group() if match else ""


def _citations(parsed, records, article):
    """Citation and excerpt plans: one citation per footnote marker (where it stands in
    the text), one per quotation with a source; an excerpt per quotation of a document."""
    citations, excerpts = [], []

    def cited(reference):
        return records.get(reference.cited.key) if reference.cited else None

    for footnote in parsed.footnotes:
        reference = parsed.reference(footnote.label)
        if reference is None:
            continue
        document = cited(reference)
        citations.append(
            Citation(
                citing_article=article,
                cited_document=document,
                cited_work="" if document else reference.text,
                kind=Citation.Kind.REFERENCE,
                footnote_label=footnote.label,
                reference_text=reference.text,
                locator=reference.locator,
                source_start=footnote.start,
                source_end=footnote.end,
            )
        )
    for quotation in parsed.quotations:
        reference = parsed.reference(quotation.footnote_label) if quotation.footnote_label else None
        document, locator, provenance = None, quotation.locator, []
        if quotation.intro:
            # "Article 9 of the Joint Declaration stated: ..." quotes the document named last.
            mention = _last_document_mention_in(parsed, quotation.intro.start, quotation.intro.end)
            document = records.get(mention.key) if mention else None
            if document is not None and reference is not None:
                provenance = [_translation_note(reference), _printed_note(reference)]
        if document is None and reference is not None:
            # Otherwise the words are the cited work's own: the footnoted one, or the one
            # whose reference holds them (a reference's subtitle or quote).
            document = cited(reference)
            locator = quotation.locator or reference.locator
            if quotation.context != "subtitle":
                provenance = [_translation_note(reference)]
            if quotation.context != "body":
                provenance.append(f"quoted in footnote {reference.label}")
        if document is None and reference is None:
            continue  # words in quotation marks with no stated source: nothing to cite
        citations.append(
            Citation(
                citing_article=article,
                cited_document=document,
                cited_work="" if document else reference.text,
                kind=Citation.Kind.QUOTATION,
                footnote_label=quotation.footnote_label,
                reference_text=reference.text if reference else "",
                quoted_text=quotation.text,
                locator=locator,
                source_start=quotation.start,
                source_end=quotation.end,
            )
        )
        if document is not None:
            if quotation.context == "subtitle":
                locator = f"{locator}, subtitle" if locator else "subtitle"
            excerpts.append(
                DocumentExcerpt(
                    document=document,
                    text=quotation.text,
                    locator=locator,
                    provenance=", ".join(p for p in provenance if p),
                    source_article=article,
                    source_start=quotation.start,
                    source_end=quotation.end,
                )
            )
    return citations, excerpts


def article_bundle(parsed, *, filename, records, publisher=None, status=Status.DRAFT):
    """Map a ParsedText to an unsaved Article and its unsaved mentions, citations,
    excerpts and statements. `records` maps authority keys to records (saved or not);
    names it lacks are left unlinked."""
    text = parsed.source
    sha = sha256_text(text)
    article = Article(
        identifier=article_identifier(filename, sha),
        title=parsed.title.text,
        site_name=parsed.site_name.text if parsed.site_name else "",
        publisher=publisher,
        body=parsed.body,
        sections=[
            {"heading": s.heading.text, "text": s.text, "start": s.start, "end": s.end}
            for s in parsed.sections
        ],
        key_points=[{"text": k.text, "start": k.start, "end": k.end} for k in parsed.key_points],
        source_filename=Path(filename).name,
        source_text=text,
        source_sha256=sha,
        status=status,
    )
    bundle = ArticleBundle(article=article)
    about = {name: [] for name in ABOUT_FIELD.values()}
    for mention in parsed.mentions:
        record = records.get(mention.key)
        if record is None:
            continue
        bundle.mentions.append(
            Mention(
                article=article,
                surface=mention.surface,
                start=mention.start,
                end=mention.end,
                **{mention.kind: record},  # the kinds are Mention's field names
            )
        )
        if parsed.in_body(mention.start) and record not in about[ABOUT_FIELD[mention.kind]]:
            about[ABOUT_FIELD[mention.kind]].append(record)
    bundle.about = about
    bundle.citations, bundle.excerpts = _citations(parsed, records, article)
    for statement in topic_statements(parsed):
        document = records.get(statement.document)
        if document is not None:
            bundle.statements.append(
                Statement(
                    document=document,
                    topic=statement.topic,
                    text=statement.text,
                    article=article,
                    start=statement.start,
                    end=statement.end,
                )
            )
    for citation in bundle.citations:
        citation.check_quote()
    return bundle


# --- ingest: new texts become draft articles -----------------------------------------


class IngestRefused(Exception):
    """One or more files cannot be ingested; nothing was written."""

    def __init__(self, problems):
        self.problems = problems  # [(path, reason)]
        lines = "\n".join(f"  {path}: {reason}" for path, reason in problems)
        super().__init__(
            f"Nothing was written: {len(problems)} file(s) refused.\n{lines}"
            if problems
            else "Nothing was written."
        )


@dataclass
class IngestOutcome:
    path: str
    article: Article
    created: bool
    mentions: int = 0
    citations: int = 0
    claims: int = 0
    candidates: int = 0
    warnings: list = field(default_factory=list)
    same_as_path: str = ""  # an earlier path of this run with the same text


def catalogue_vocabulary():
    """The names of every person, organisation, place and document in the catalogue."""
    entries = []
    for model, kind in ((Person, "person"), (Organisation, "organisation"), (Place, "place")):
        for identifier, name, variants in model.objects.values_list(
            "identifier", "name", "variants"
        ):
            entries.append(Entry(identifier, kind, name, tuple(variants or ())))
    for identifier, title, other in Document.objects.values_list(
        "identifier", "title", "other_titles"
    ):
        entries.append(Entry(identifier, "document", title, tuple(other or ())))
    return Vocabulary(entries)


def _records_for(keys):
    """The catalogued records with these identifiers, by identifier."""
    records = {}
    for kind in ("person", "organisation", "place", "document"):
        for record in record_types.by_name(kind).model.objects.filter(identifier__in=keys):
            records[record.identifier] = record
    return records


def read_source(path):
    """The decoded text of the file at `path`, or raise ParseError naming the reason."""
    path = Path(path)
    if not path.exists():
        raise ParseError("no such file")
    if not path.is_file():
        raise ParseError("not a regular file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(f"cannot be read ({error.strerror})") from None
    return decode_source(data)


def articles_ingest(*, paths, progress=None):
    """Ingest the texts at `paths` as draft articles; returns one IngestOutcome per path.

    All or nothing: every file is read and parsed first, and if any is refused
    IngestRefused is raised before anything is written. A text whose checksum
    matches an article already in the catalogue (or an earlier path) is left
    as it is. `progress(index, total, path, message)` is told of each file.
    """
    vocabulary = catalogue_vocabulary()
    parsed_files, problems = [], []
    for index, path in enumerate(paths, start=1):
        try:
            parsed = parse_text(read_source(path), vocabulary)
        except ParseError as error:
            problems.append((str(path), str(error)))
            if progress:
                progress(index, len(paths), path, f"refused: {error}")
            continue
        parsed_files.append((str(path), parsed))
        if progress:
            progress(index, len(paths), path, f"parsed \u201c{parsed.title.text}\u201d")
    if problems:
        raise IngestRefused(problems)
    with transaction.atomic():
        return _write_drafts(parsed_files, vocabulary)


def _publisher(parsed, vocabulary):
    """The organisation the page names itself after ("The Full Wiki"), if catalogued."""
    entry = vocabulary.lookup(parsed.site_name.text) if parsed.site_name else None
    if entry is None or entry.kind != "organisation":
        return None
    return Organisation.objects.filter(identifier=entry.key).first()


def _write_drafts(parsed_files, vocabulary):
    outcomes, planned, problems = [], {}, []
    for path, parsed in parsed_files:
        sha = sha256_text(parsed.source)
        if sha in planned:
            # The same text given twice (under two names): ingested once.
            first = planned[sha]
            outcomes.append(
                IngestOutcome(path, first.bundle.article, created=False, same_as_path=first.path)
            )
            continue
        existing = Article.objects.filter(source_sha256=sha).first()
        if existing is not None:
            outcomes.append(IngestOutcome(path, existing, created=False))
            continue
        identifier = article_identifier(path, sha)
        clash = Article.objects.filter(identifier=identifier).exists() or any(
            p.bundle.article.identifier == identifier for p in planned.values()
        )
        if clash:
            problems.append(
                (
                    path,
                    f"{identifier} already exists with a different text; rename the file "
                    "or delete that article first",
                )
            )
            continue
        planned[sha] = plan = _plan_draft(path, parsed, vocabulary)
        plan.bundle.article.identifier = identifier
        outcomes.append(plan.outcome)
    if problems:
        raise IngestRefused(problems)
    for plan in planned.values():
        _save_draft(plan)
    return outcomes


@dataclass
class DraftPlan:
    path: str
    bundle: ArticleBundle
    records: dict  # identifier -> catalogued record the text names
    facts: list  # the parser's facts about records or candidates
    candidates: list  # the parser's candidates
    outcome: IngestOutcome | None = None


def _plan_draft(path, parsed, vocabulary):
    facts = extract_facts(parsed)
    keys = {m.key for m in parsed.mentions}
    keys |= {f.subject for f in facts} | {f.value for f in facts}
    records = _records_for(keys & set(vocabulary.entries))
    bundle = article_bundle(
        parsed,
        filename=path,
        records=records,
        publisher=_publisher(parsed, vocabulary),
    )
    bundle.article.parse_warnings = list(parsed.warnings)
    # A draft must not change what readers see on published documents, so
    # excerpts (a document's known text) and statements wait for an archivist;
    # the facts become proposed claims, applied only when accepted.
    bundle.excerpts, bundle.statements = [], []
    plan = DraftPlan(path, bundle, records, facts, list(parsed.candidates))
    plan.outcome = IngestOutcome(
        path,
        bundle.article,
        created=True,
        mentions=len(bundle.mentions),
        citations=len(bundle.citations),
        warnings=list(parsed.warnings),
    )
    return plan


def _save_draft(plan):
    article = plan.bundle.article
    # A draft, with what it is about, in one save: one version, one history row.
    record_create(record=article, many=plan.bundle.about)
    for mention in plan.bundle.mentions:
        mention.article = article
    for citation in plan.bundle.citations:
        citation.citing_article = article
    bulk_create_with_history(plan.bundle.mentions, Mention)
    bulk_create_with_history(plan.bundle.citations, Citation)
    candidates = {}
    for parsed_candidate in plan.candidates:
        if parsed_candidate.key not in candidates:
            candidate = candidate_from_parsed(parsed_candidate, article=article)
            candidate.save()
            candidates[candidate.key] = candidate
    claims = [
        claim_from_fact(fact, article=article, records=plan.records, candidates=candidates)
        for fact in plan.facts
    ]
    claims = [claim for claim in claims if claim is not None]
    bulk_create_with_history(claims, Claim)
    plan.outcome.claims, plan.outcome.candidates = len(claims), len(candidates)
