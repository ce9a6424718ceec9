"""The seed fixtures, built from the source texts and the authority file.

No database is touched: records are made as unsaved model instances, every
field a save would derive (slug, sort name, EDTF bounds, checksum, version,
quote check, timestamps) is filled here, and Django's own serializer writes
them with natural keys. Same inputs, byte-identical output.
"""

import datetime
import difflib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder

from ..ingest import ParseError, decode_source, load_authority_file, parse_text
from ..ingest.dates import compatible
from ..ingest.facts import extract_facts
from ..models import (
    Article,
    Citation,
    Claim,
    Decision,
    Document,
    DocumentAgent,
    DocumentExcerpt,
    DocumentRelation,
    Mention,
    Organisation,
    Person,
    Place,
    Statement,
    Status,
)
from .claims import VALUE_MODELS, claim_from_fact
from .ingest import article_bundle

SOURCES_DIR = Path(settings.BASE_DIR) / "fixtures" / "sources"
FIXTURE_PATH = Path(settings.BASE_DIR) / "fixtures" / "catalogue.json"
AUTHORITY_FILE = "authorities.yaml"
# Created/modified of every seed record: fixed, so the output never depends on when it was built.
SEED_TIMESTAMP = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
# Written in this order so that every link points back to a record already written.
MODEL_ORDER = [
    Organisation,
    Place,
    Person,
    Document,
    DocumentAgent,
    DocumentRelation,
    Article,
    Citation,
    DocumentExcerpt,
    Mention,
    Statement,
    Claim,
]
AGENT_ROLES = ("party", "signatory", "author", "publisher")


class BuildError(Exception):
    """The sources cannot be built into fixtures; the message names the file and reason."""


@dataclass
class Build:
    records: dict = field(default_factory=lambda: defaultdict(list))  # model -> instances
    m2m: dict = field(default_factory=dict)  # (model, identifier) -> {field: [records]}
    warnings: list = field(default_factory=list)

    def counts(self):
        return {model._meta.verbose_name_plural: len(self.records[model]) for model in MODEL_ORDER}

    def rows(self):
        rows = []
        for model in MODEL_ORDER:
            names = [f.name for f in model._meta.local_fields if not f.primary_key]
            for record in self.records[model]:
                [row] = serializers.serialize(
                    "python",
                    [record],
                    fields=names,
                    use_natural_foreign_keys=True,
                    use_natural_primary_keys=True,
                )
                links = self.m2m.get((model, getattr(record, "identifier", None)), {})
                for m2m_field in model._meta.local_many_to_many:
                    targets = sorted(r.identifier for r in links.get(m2m_field.name, []))
                    row["fields"][m2m_field.name] = [[identifier] for identifier in targets]
                rows.append(row)
        return rows

    def render(self):
        text = json.dumps(self.rows(), indent=2, ensure_ascii=False, cls=DjangoJSONEncoder)
        return text + "\n"


def _stamp(record, slugs):
    """Fill what CatalogueRecord.save() would: a unique slug (the model's own
    slug code, told which slugs this build gave out), version 1, fixed timestamps."""
    record.slug = record.new_slug(taken=slugs.__contains__)
    slugs.add(record.slug)
    record.status = Status.PUBLISHED
    record.version = 1
    record.created = record.modified = SEED_TIMESTAMP
    return record


def _kind(model, entry):
    kind = entry.subkind or "other"
    if kind not in model.Kind.values:
        raise BuildError(
            f"{AUTHORITY_FILE}: {entry.key} has kind {kind!r}; "
            f"{model._meta.verbose_name} kinds are {', '.join(model.Kind.values)}"
        )
    return kind


def _authority_records(vocabulary, build):
    records, slugs = {}, defaultdict(set)
    for entry in sorted(vocabulary.entries.values(), key=lambda e: e.key):
        variants = [v for v in entry.variants if v != entry.name]
        if entry.kind == "person":
            record = Person(identifier=entry.key, name=entry.name, variants=variants)
        elif entry.kind == "organisation":
            record = Organisation(
                identifier=entry.key,
                name=entry.name,
                variants=variants,
                kind=_kind(Organisation, entry),
            )
        elif entry.kind == "place":
            record = Place(
                identifier=entry.key,
                name=entry.name,
                variants=variants,
                kind=_kind(Place, entry),
            )
        elif entry.kind == "document":
            record = Document(
                identifier=entry.key,
                title=entry.name,
                other_titles=variants,
                kind=_kind(Document, entry),
            )
        else:
            continue  # topics name what statements are about; they are not records
        if hasattr(record, "sort_name"):
            record.sort_name = record.default_sort_name()
        _stamp(record, slugs[type(record)])
        records[entry.key] = record
        build.records[type(record)].append(record)
    return records


def _applicable(fact, records):
    """Whether the build may apply `fact`: a stated (not negated) date, place, agent or
    relation of a catalogued document, naming only catalogued records."""
    return (
        not fact.negated
        and isinstance(records.get(fact.subject), Document)
        and fact.kind in ("date", "place", "relation", *AGENT_ROLES)
        and (fact.kind not in VALUE_MODELS or fact.value in records)
    )


def _apply_facts(facts, records, build):
    """Set each document's date and place and make its agents and relations from the
    facts the texts state, in the order of the texts. Returns the facts applied (a
    date that agrees with the one kept counts as applied: it states the same)."""
    applied = set()
    by_document = defaultdict(list)
    for fact in facts:
        if _applicable(fact, records):
            by_document[fact.subject].append(fact)
    for key in sorted(by_document):
        document, stated = records[key], by_document[key]
        dates = [f for f in stated if f.kind == "date"]
        if dates:
            best = max(dates, key=lambda f: len(f.value))
            document.date_edtf, document.date_written = best.value, best.note
            for other in dates:
                if compatible(other.value, best.value):
                    applied.add(other)
                else:
                    build.warnings.append(
                        f"{key}: the texts give the dates {best.note!r} and {other.note!r}; "
                        f"kept {best.note!r}"
                    )
        places = list(dict.fromkeys(f.value for f in stated if f.kind == "place"))
        if places:
            document.place = records[places[0]]
            applied |= {f for f in stated if f.kind == "place" and f.value == places[0]}
            if len(places) > 1:
                build.warnings.append(f"{key}: the texts name the places {places}; kept the first")
        seen = set()
        for role in AGENT_ROLES:
            for fact in (f for f in stated if f.kind == role):
                applied.add(fact)
                if (role, fact.value) in seen:
                    continue
                seen.add((role, fact.value))
                agent = records[fact.value]
                build.records[DocumentAgent].append(
                    DocumentAgent(
                        document=document,
                        role=role,
                        note=fact.note,
                        order=len(seen) - 1,
                        **{"person" if isinstance(agent, Person) else "organisation": agent},
                    )
                )
        for fact in (f for f in stated if f.kind == "relation"):
            applied.add(fact)
            if (fact.note, fact.value) not in seen:
                seen.add((fact.note, fact.value))
                build.records[DocumentRelation].append(
                    DocumentRelation(source=document, target=records[fact.value], kind=fact.note)
                )
    for document in build.records[Document]:
        document.derive_dates()
    return applied


def _claims(facts, applied, article, records):
    """A claim per fact of one text, with its span: accepted when the build applied it
    (so the page can show where each date, place and party comes from), proposed
    otherwise (an archivist decides)."""
    claims = []
    for fact in facts:
        state = Decision.ACCEPTED if fact in applied else Decision.PROPOSED
        claim = claim_from_fact(fact, article=article, records=records, candidates={}, state=state)
        if claim is not None:
            if state == Decision.ACCEPTED:
                claim.decided_at = SEED_TIMESTAMP
            claims.append(claim)
    return claims


def _number(build):
    """Deterministic primary keys for the link records, which have no natural key."""
    orders = {
        DocumentAgent: lambda r: (r.document.identifier, r.order),
        DocumentRelation: lambda r: (r.source.identifier, r.kind, r.target.identifier),
        Citation: lambda r: (r.citing_article.identifier, r.source_start, r.kind),
        DocumentExcerpt: lambda r: (r.source_article.identifier, r.source_start),
        Mention: lambda r: (r.article.identifier, r.start),
        Statement: lambda r: (r.document.identifier, r.topic, r.article.identifier, r.start),
        Claim: lambda r: (r.article.identifier, r.start, r.end, r.kind, r.value, r.evidence_start),
    }
    for model, key in orders.items():
        build.records[model].sort(key=key)
        for number, record in enumerate(build.records[model], start=1):
            record.pk = number
    for model in (Organisation, Place, Person, Document, Article):
        build.records[model].sort(key=lambda r: r.identifier)


def build_fixtures(sources_dir=SOURCES_DIR, progress=None):
    """Parse every *.txt in `sources_dir` with its authority file; returns a Build.

    `progress(index, total, name, message)` is told of each text as it is parsed.
    """
    sources_dir = Path(sources_dir)
    try:
        vocabulary = load_authority_file(sources_dir / AUTHORITY_FILE)
    except ParseError as error:
        raise BuildError(str(error)) from None
    build = Build()
    records = _authority_records(vocabulary, build)
    parsed_texts, facts = [], {}
    paths = sorted(sources_dir.glob("*.txt"))
    for index, path in enumerate(paths, start=1):
        try:
            parsed = parse_text(decode_source(path.read_bytes()), vocabulary)
        except ParseError as error:
            raise BuildError(f"{path.name}: {error}") from None
        build.warnings += [f"{path.name}: {warning}" for warning in parsed.warnings]
        parsed_texts.append((path, parsed))
        facts[path] = stated = extract_facts(parsed)
        if progress:
            progress(
                index,
                len(paths),
                path.name,
                f"\u201c{parsed.title.text}\u201d: {len(parsed.mentions)} mentions, "
                f"{len(parsed.footnotes)} footnotes, {len(parsed.quotations)} quotations, "
                f"{len(stated)} facts about documents",
            )
    if not parsed_texts:
        raise BuildError(f"no source texts (*.txt) in {sources_dir}")
    applied = _apply_facts([f for stated in facts.values() for f in stated], records, build)
    slugs = set()
    for path, parsed in parsed_texts:
        site = vocabulary.lookup(parsed.site_name.text) if parsed.site_name else None
        publisher = records.get(site.key) if site and site.kind == "organisation" else None
        bundle = article_bundle(
            parsed,
            filename=path.name,
            records=records,
            publisher=publisher,
            status=Status.PUBLISHED,
        )
        _stamp(bundle.article, slugs)
        bundle.article.derive_dates()
        build.records[Article].append(bundle.article)
        build.records[Mention] += bundle.mentions
        build.records[Citation] += bundle.citations
        build.records[DocumentExcerpt] += bundle.excerpts
        build.records[Statement] += bundle.statements
        build.records[Claim] += _claims(facts[path], applied, bundle.article, records)
        build.m2m[(Article, bundle.article.identifier)] = bundle.about
    _number(build)
    return build


def fixture_differences(committed, fresh, limit=20):
    """Lines describing how the committed fixture text differs from a fresh build."""
    if committed == fresh:
        return []
    try:
        old_rows = json.loads(committed)
    except ValueError as error:
        return [f"the committed file is not valid JSON ({error})"]

    def index(rows):
        return {
            (row["model"], row["fields"].get("identifier") or row.get("pk")): row["fields"]
            for row in rows
        }

    old, new = index(old_rows), index(json.loads(fresh))
    lines = [f"added {model} {key}" for model, key in sorted(new.keys() - old.keys(), key=str)]
    lines += [f"removed {model} {key}" for model, key in sorted(old.keys() - new.keys(), key=str)]
    for model, key in sorted(old.keys() & new.keys(), key=str):
        changed = sorted(
            name
            for name in old[(model, key)].keys() | new[(model, key)].keys()
            if old[(model, key)].get(name) != new[(model, key)].get(name)
        )
        if changed:
            lines.append(f"changed {model} {key}: {', '.join(changed)}")
    if not lines:
        lines.append("same records, different formatting")
    diff = list(
        difflib.unified_diff(
            committed.splitlines(), fresh.splitlines(), "committed", "fresh build", lineterm=""
        )
    )
    shown = lines[:limit] + ([f"... and {len(lines) - limit} more"] if len(lines) > limit else [])
    return shown + [f"({len(diff)} lines of unified diff)"]
