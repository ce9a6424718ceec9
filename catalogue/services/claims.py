"""Claims and candidates: made from the parser's facts, decided by an archivist.

A claim changes a record only when it is accepted, and then through
`records.record_update` (the version check and history every edit goes through).
Accepting a candidate makes a draft authority record (or adds a variant to one)
and links every ingested text that names it again (`authorities_relink`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ..ingest.results import Span
from ..models import (
    Candidate,
    Claim,
    Decision,
    Document,
    DocumentAgent,
    DocumentRelation,
    Organisation,
    Person,
    PersonTitle,
    Place,
    parse_edtf_range,
)
from . import records as record_services

RECORD_MODELS = {
    "document": Document,
    "person": Person,
    "organisation": Organisation,
    "place": Place,
}
AGENT_ROLES = ("party", "signatory", "author", "publisher")
# Properties whose value is another record's identifier, and the models it may name.
VALUE_MODELS = {
    **dict.fromkeys(AGENT_ROLES, (Person, Organisation)),
    "place": (Place,),
    "relation": (Document,),
}
DATE_PROPERTIES = ("date", "in-force", "event")
CANDIDATE_PREFIX = "candidate:"
REVIEW_PERMISSION = "catalogue.change_claim"


class ClaimError(Exception):
    """A claim or candidate cannot be decided as asked; nothing was changed."""


def record_field(record):
    """The field of Claim/Candidate/Mention that holds a record of this type."""
    return record._meta.model_name


# --- from the parser's facts -----------------------------------------------------------


def claim_from_fact(fact, *, article, records, candidates, state=Decision.PROPOSED):
    """An unsaved Claim for `fact`, or None when its subject is neither a record in
    `records` nor a candidate in `candidates` (both keyed by the parser's keys), or
    when the fact carries no span to show for it."""
    subject, candidate = records.get(fact.subject), candidates.get(fact.subject)
    words = fact.value_span or fact.evidence
    evidence = fact.evidence or fact.value_span
    if (subject is None and candidate is None) or words is None:
        return None
    if not evidence.start <= words.start <= words.end <= evidence.end:
        # The value stands outside the sentence stating the fact (a reference's title,
        # for what its subtitle says): the passage shown as evidence holds both.
        start, end = min(evidence.start, words.start), max(evidence.end, words.end)
        evidence = Span(article.source_text[start:end], start, end)
    if fact.kind in ("date", "in-force") and fact.note:
        label = fact.note  # the date as written, with a supplied year in brackets
    elif fact.value_span is not None:
        label = fact.value_span.text
    else:
        value_record = records.get(fact.value)
        label = str(value_record) if value_record is not None else fact.value
    claim = Claim(
        article=article,
        candidate=candidate if subject is None else None,
        kind=fact.kind,
        value=fact.value[:500],
        value_label=label[:500],
        note=fact.note[:500],
        start=words.start,
        end=words.end,
        evidence_start=evidence.start,
        evidence_end=evidence.end,
        evidence=evidence.text,
        negated=fact.negated,
        state=state,
    )
    if subject is not None:
        setattr(claim, record_field(subject), subject)
    return claim


def candidate_from_parsed(candidate, *, article):
    """An unsaved Candidate for the parser's Candidate."""
    return Candidate(
        article=article,
        key=candidate.key[:200],
        kind=candidate.kind,
        name=candidate.name[:300],
        spans=[[span.start, span.end] for span in candidate.spans],
        office=candidate.office[:300],
        variant_of=candidate.variant_of[:64],
    )


# --- deciding claims -------------------------------------------------------------------


def _check_reviewer(user):
    if user is not None and not user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied("You do not have permission to review claims.")


def _value_record(claim):
    """The record a claim's value names, or raise ClaimError."""
    models = VALUE_MODELS[claim.kind]
    for model in models:
        found = model.objects.filter(identifier=claim.value).first()
        if found is not None:
            return found
    if claim.value.startswith(CANDIDATE_PREFIX):
        raise ClaimError(
            f"{claim.value_label or claim.value} is still a candidate: accept it first "
            "(it becomes a record), then this claim."
        )
    names = " or ".join(m._meta.verbose_name for m in models)
    raise ClaimError(f"No {names} has the identifier {claim.value!r}.")


def claim_validate(claim):
    """Raise ClaimError unless the claim's value fits its property."""
    if claim.kind in VALUE_MODELS:
        _value_record(claim)
    elif claim.kind in DATE_PROPERTIES:
        try:
            parse_edtf_range(claim.value)
        except ValidationError as error:
            raise ClaimError(" ".join(error.messages)) from None
    elif not claim.value.strip():
        raise ClaimError("The value is empty.")


def _apply(claim, expected_version, user):
    """Change the claim's record as the claim states; returns a sentence saying what changed."""
    record = claim.record
    if record is None:
        raise ClaimError(
            f"The claim is about the candidate \u201c{claim.candidate}\u201d: accept the "
            "candidate first (it becomes a record), then the claim."
        )
    claim_validate(claim)
    if claim.negated:
        return "the text says this did not happen: the record is left as it is"
    kind, reason = claim.kind, f"Accepted claim: {claim.get_kind_display()} from {claim.article}"
    if isinstance(record, Document):
        if kind == "date":
            record.date_edtf, record.date_written = claim.value, claim.value_label[:200]
        elif kind == "place":
            record.place = _value_record(claim)
        elif kind == "other-title":
            if claim.value in record.other_titles or claim.value == record.title:
                return "the title was already known"
            record.other_titles = [*record.other_titles, claim.value]
        elif kind in AGENT_ROLES:
            agent = _value_record(claim)
            DocumentAgent.objects.get_or_create(
                document=record,
                role=kind,
                **{record_field(agent): agent},
                defaults={"note": claim.note, "order": record.agents.count()},
            )
        elif kind == "relation":
            relation = claim.note if claim.note in DocumentRelation.Kind.values else "refers-to"
            target = _value_record(claim)
            if target.pk == record.pk:
                raise ClaimError("A document cannot be related to itself.")
            DocumentRelation.objects.get_or_create(source=record, target=target, kind=relation)
        else:
            return "kept as an accepted claim (the record has no field for it)"
    elif isinstance(record, Person) and kind == "office":
        PersonTitle.objects.get_or_create(person=record, title=claim.value[:300])
    else:
        return "kept as an accepted claim (the record has no field for it)"
    record._history_user = user
    record_services.record_update(
        record=record, changes={}, expected_version=expected_version, reason=reason
    )
    return f"{record} updated"


def acting_user(user):
    """The user to record as having decided (None for commands and anonymous callers)."""
    return user if user is not None and user.is_authenticated else None


def _decide(claim, state, user):
    claim.state = state
    claim.decided_by = claim._history_user = acting_user(user)
    claim.decided_at = timezone.now()
    claim._change_reason = f"{state.capitalize()}"
    claim.save()


@transaction.atomic
def claim_accept(*, claim, user=None, value=None, expected_version=None):
    """Accept `claim` (with `value` instead of the proposed one, when given) and apply
    it to its record. Returns what changed, in words; raises ClaimError, leaving
    everything as it was, when it cannot be applied."""
    _check_reviewer(user)
    if value is not None and value.strip() != claim.value:
        claim.value = value.strip()
    elif claim.state == Decision.ACCEPTED:
        return "already accepted"  # applying it again would only add a version
    message = _apply(claim, expected_version, acting_user(user))
    _decide(claim, Decision.ACCEPTED, user)
    return message


@transaction.atomic
def claim_reject(*, claim, user=None):
    """Reject `claim`: it stays, with who rejected it and when; the record is untouched."""
    _check_reviewer(user)
    _decide(claim, Decision.REJECTED, user)


def claims_decide(*, claims, state, user=None):
    """Accept or reject several claims. Each is decided on its own: one that cannot
    be applied is left proposed and named. Returns (number decided, [(claim, reason)])."""
    if state not in (Decision.ACCEPTED, Decision.REJECTED):
        raise ValueError(f"Unknown decision {state!r}")
    _check_reviewer(user)
    decided, refused = 0, []
    for claim in claims:
        try:
            if state == Decision.ACCEPTED:
                claim_accept(claim=claim, user=user)
            else:
                claim_reject(claim=claim, user=user)
        except (ClaimError, record_services.StaleVersionError) as error:
            refused.append((claim, str(error)))
        else:
            decided += 1
    return decided, refused
