"""Claims (one fact a text gives about a record, with the words that give it and
an archivist's decision) and candidates (names in a text that match no authority
record yet)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .base import LinkQuerySet

# The records a claim can be about, a candidate can become, and a mention can name:
# one nullable foreign key each (as Mention has), so a page joins the one it needs
# instead of resolving a generic key row by row.
RECORD_FIELDS = ("document", "person", "organisation", "place")


class Decision(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


def _record_fk(related_name):
    def fk(model):
        return models.ForeignKey(
            model, on_delete=models.CASCADE, null=True, blank=True, related_name=related_name
        )

    return fk


class Reviewed(models.Model):
    """An archivist's decision on what a text proposes: its state, who decided, when."""

    state = models.CharField(
        max_length=10, choices=Decision.choices, default=Decision.PROPOSED, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class ClaimQuerySet(LinkQuerySet):
    # A claim is public only when accepted, from a published text, about a published record.
    published_paths = ("article", "document", "person", "organisation", "place")

    def published(self):
        return super().published().filter(state=Decision.ACCEPTED)

    def accepted(self):
        return self.filter(state=Decision.ACCEPTED)

    def proposed(self):
        return self.filter(state=Decision.PROPOSED)


class Claim(Reviewed):
    """One fact a text gives about a record: the record, the property, the value, the
    words that give it (a span of the article's source text) and a decision."""

    class Property(models.TextChoices):
        DATE = "date", "date"
        IN_FORCE = "in-force", "entry into force"
        PLACE = "place", "place"
        PARTY = "party", "party"
        SIGNATORY = "signatory", "signatory"
        AUTHOR = "author", "author"
        PUBLISHER = "publisher", "publisher"
        OTHER_TITLE = "other-title", "other title"
        RELATION = "relation", "relation"
        TRANSLATION = "translation", "translation"
        EVENT = "event", "dated event"
        OFFICE = "office", "office"
        QUOTATION = "quotation", "quotation"

    article = models.ForeignKey(
        "Article",
        on_delete=models.CASCADE,
        related_name="claims",
        help_text="The ingested text the fact comes from.",
    )
    document = _record_fk("claims")("Document")
    person = _record_fk("claims")("Person")
    organisation = _record_fk("claims")("Organisation")
    place = _record_fk("claims")("Place")
    candidate = models.ForeignKey(
        "Candidate",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="claims",
        help_text="The record the fact is about while it is still a candidate.",
    )
    # Named `kind` (not `property`, which would hide Python's decorator in this class).
    kind = models.CharField("property", max_length=20, choices=Property.choices, db_index=True)
    value = models.CharField(
        max_length=500,
        help_text="An identifier (a place, party, related document), an EDTF date, or words.",
    )
    value_label = models.CharField(
        max_length=500, blank=True, help_text="The value as the text words it."
    )
    note = models.CharField(
        max_length=500,
        blank=True,
        help_text="e.g. the office of a signatory, a relation's kind, a quotation's locator.",
    )
    start = models.PositiveIntegerField(help_text="Where the words giving the value start.")
    end = models.PositiveIntegerField()
    evidence_start = models.PositiveIntegerField(help_text="The sentence or reference stating it.")
    evidence_end = models.PositiveIntegerField()
    evidence = models.TextField(
        blank=True, help_text="That sentence, kept so pages can show it without the whole text."
    )
    negated = models.BooleanField(
        default=False, help_text="The text says it did NOT happen (\u201cdid not sign\u201d)."
    )

    history = HistoricalRecords()
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start"))
                & Q(evidence_end__gte=models.F("evidence_start")),
                name="claim_span_order",
            ),
        ]
        indexes = [models.Index(fields=["article", "state"])]

    def __str__(self):
        subject = self.record or self.candidate
        return f"{subject}: {self.get_kind_display()} = {self.value_label or self.value}"

    @property
    def record(self):
        return self.document or self.person or self.organisation or self.place

    @property
    def record_identifier(self):
        record = self.record
        if record is not None:
            return record.identifier
        return self.candidate.key if self.candidate else ""

    def clean(self):
        if sum(getattr(self, f"{name}_id") is not None for name in RECORD_FIELDS) > 1:
            raise ValidationError("A claim is about one record.")


class Candidate(Reviewed):
    """A name in an ingested text that matches no authority record: the archivist
    accepts it (a new draft record, or a variant of an existing one) or rejects it."""

    class Kind(models.TextChoices):
        PERSON = "person", "person"
        ORGANISATION = "organisation", "organisation"
        PLACE = "place", "place"
        DOCUMENT = "document", "document"

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="candidates")
    key = models.CharField(max_length=200, help_text="The parser's key, unique within the text.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=300)
    spans = models.JSONField(default=list, help_text="[[start, end], ...] in the source text.")
    office = models.CharField(max_length=300, blank=True)
    variant_of = models.CharField(
        max_length=64,
        blank=True,
        help_text="Identifier of a known record this name may be another spelling of.",
    )
    # What accepting it made or extended.
    document = _record_fk("+")("Document")
    person = _record_fk("+")("Person")
    organisation = _record_fk("+")("Organisation")
    place = _record_fk("+")("Place")

    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "key"], name="candidate_unique_key"),
        ]

    def __str__(self):
        return f"{self.name} ({self.kind})"

    @property
    def record(self):
        return self.document or self.person or self.organisation or self.place
