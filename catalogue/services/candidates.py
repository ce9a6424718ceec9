"""New names: candidates become authority records (or variants of one), and every
ingested text is linked again to the names the catalogue has gained."""

import re

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..ingest import Entry, ParseError, Vocabulary, parse_text
from ..models import Article, Candidate, Claim, Decision, Mention, Status
from . import records as record_services
from .claims import RECORD_MODELS, ClaimError, _check_reviewer, acting_user, record_field

ABOUT_FIELD = {
    "person": "about_people",
    "organisation": "about_organisations",
    "place": "about_places",
    "document": "about_documents",
}


def _names(record):
    if hasattr(record, "all_names"):
        return record.all_names
    return [record.title, *[t for t in record.other_titles if t != record.title]]


def _add_variant(record, name):
    if name.casefold() in {n.casefold() for n in _names(record)}:
        return False
    if hasattr(record, "variants"):
        record.variants = [*record.variants, name]
    else:
        record.other_titles = [*record.other_titles, name]
    return True


def _resolve(candidate, record, user):
    """Mark `candidate` accepted as `record` and move its claims onto the record."""
    candidate.state = Decision.ACCEPTED
    setattr(candidate, record_field(record), record)
    candidate.decided_by = candidate._history_user = acting_user(user)
    candidate.decided_at = timezone.now()
    candidate._change_reason = f"Accepted as {record.identifier}"
    candidate.save()
    for claim in Claim.objects.filter(candidate=candidate):
        claim.candidate = None
        setattr(claim, record_field(record), record)
        claim._change_reason = f"The candidate became {record.identifier}"
        claim._history_user = acting_user(user)
        claim.save()
    for claim in Claim.objects.filter(article_id=candidate.article_id, value=candidate.key):
        claim.value = record.identifier
        claim._change_reason = f"The candidate became {record.identifier}"
        claim._history_user = acting_user(user)
        claim.save()


@transaction.atomic
def candidate_accept(*, candidate, user=None, variant_of=None):
    """Accept `candidate`: with `variant_of` (an identifier; else the parser's guess when
    the caller passes variant_of=candidate.variant_of) its name becomes a variant of that
    record, otherwise a new DRAFT record is made. Every ingested text is then linked
    again to the new name (by the save's signal), and the same name proposed in other
    texts is resolved too.
    Returns (record, number of mentions the texts gained)."""
    _check_reviewer(user)
    if candidate.state != Decision.PROPOSED:
        raise ClaimError(f"\u201c{candidate.name}\u201d was already {candidate.state}.")
    model = RECORD_MODELS[candidate.kind]
    # Saving the record links the texts again (signals.relink_on_new_names); what that
    # added is counted here.
    if variant_of:
        record = model.objects.filter(identifier=variant_of).first()
        if record is None:
            raise ClaimError(f"No {model._meta.verbose_name} has the identifier {variant_of!r}.")
        linked_before = _mentions_of(record).count()
        if _add_variant(record, candidate.name):
            record._history_user = acting_user(user)
            record_services.record_update(
                record=record,
                changes={},
                expected_version=record.version,
                reason=f"Name variant from {candidate.article}",
            )
    else:
        linked_before = 0
        name_field = model.slug_source_field  # the record's title or name
        record = model(**{name_field: candidate.name}, status=Status.DRAFT)
        record._history_user = acting_user(user)
        record_services.record_create(
            record=record, reason=f"Created from a candidate name in {candidate.article}"
        )
        if model is RECORD_MODELS["document"]:
            authorities_relink(records=[record])  # documents have no relinking signal
    _resolve(candidate, record, user)
    for other in Candidate.objects.filter(
        kind=candidate.kind, state=Decision.PROPOSED, name__iexact=candidate.name
    ):
        _resolve(other, record, user)
    return record, _mentions_of(record).count() - linked_before


def _mentions_of(record):
    return Mention.objects.filter(**{record_field(record): record})


@transaction.atomic
def candidate_reject(*, candidate, user=None):
    """Reject `candidate`: it is kept, rejected, so the text never proposes it again."""
    _check_reviewer(user)
    candidate.state = Decision.REJECTED
    candidate.decided_by = candidate._history_user = acting_user(user)
    candidate.decided_at = timezone.now()
    candidate._change_reason = "Rejected"
    candidate.save()


def _vocabulary(records):
    entries = [
        Entry(r.identifier, r._meta.model_name, _names(r)[0], tuple(_names(r)[1:])) for r in records
    ]
    return Vocabulary(entries)


def _relink_article(article, vocabulary, records):
    try:
        parsed = parse_text(article.source_text, vocabulary)
    except ParseError:
        return 0  # a text the parser no longer reads is left as it is
    existing = list(article.mentions.all())
    new, replaced = [], []
    for found in parsed.mentions:
        overlapping = [m for m in existing if m.start < found.end and found.start < m.end]
        covered = all(found.start <= m.start and m.end <= found.end for m in overlapping)
        if any((m.start, m.end) == (found.start, found.end) for m in overlapping) or not covered:
            continue  # already linked, or it would cut through a longer name already linked
        replaced += overlapping
        record = records[found.key]
        new.append(
            Mention(
                article=article,
                surface=found.surface,
                start=found.start,
                end=found.end,
                **{found.kind: record},
            )
        )
        if parsed.in_body(found.start):
            getattr(article, ABOUT_FIELD[found.kind]).add(record)
    for mention in replaced:
        mention.delete()  # a shorter name inside the newly known longer one
    bulk_create_with_history(new, Mention)
    return len(new)


def _texts_naming(records):
    """Articles whose text may name one of `records`: it holds the longest word of one
    of their names (a cheap filter in the database; the parser decides)."""
    condition = Q()
    for record in records:
        for name in _names(record):
            words = re.findall(r"\w+", name)
            if words:
                condition |= Q(source_text__icontains=max(words, key=len))
    articles = Article.objects.exclude(source_text="")
    return articles.filter(condition) if condition else articles.none()


def authorities_relink(*, records=None, progress=None):
    """Scan the ingested texts again for the names of `records` (every person,
    organisation, place and document when None) and add the mentions not yet
    linked. Returns the number of mentions added.
    `progress(index, total, article, added)` is told of each text scanned."""
    if records is None:
        records = [r for model in RECORD_MODELS.values() for r in model.objects.all()]
        articles = Article.objects.exclude(source_text="")
    else:
        articles = _texts_naming(records)
    by_key = {r.identifier: r for r in records}
    vocabulary = _vocabulary(records)
    articles = articles.order_by("pk")
    total, added = articles.count(), 0
    for index, article in enumerate(articles.iterator(), start=1):
        count = _relink_article(article, vocabulary, by_key)
        added += count
        if progress:
            progress(index, total, article, count)
    return added


def names_before_save(sender, instance, raw=False, **kwargs):
    """pre_save of an authority: remember the names it had, to tell whether it gains one."""
    if raw or instance.pk is None:
        instance._names_before = None
        return
    stored = sender._default_manager.filter(pk=instance.pk).values("name", "variants").first()
    instance._names_before = {stored["name"], *stored["variants"]} if stored else None


def relink_new_names(sender, instance, created, raw=False, **kwargs):
    """post_save of an authority: a new record, or one with a new name, is linked in
    every text already ingested, so earlier drafts gain the link without re-ingest."""
    if raw:
        return  # loaddata: the fixture carries its own mentions
    before = getattr(instance, "_names_before", None)
    if created or before is None or set(instance.all_names) - before:
        authorities_relink(records=[instance])
