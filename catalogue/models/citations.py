"""Citations (who cites what, with quoted words and locator), mentions (where
a record is named in an article's source text) and statements (what a source
says about a document, kept per source so that disagreements stay visible)."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .base import LinkQuerySet

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[\s*\u2026\s*\]|\.\.\.|\u2026)\s*")


def normalise_for_matching(text):
    """Fold white space, quote marks and dashes so transcriptions compare fairly."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().casefold()


def quote_found_in(quote, text):
    """True when every part of `quote` between ellipses stands in `text`, in order."""
    haystack = normalise_for_matching(text)
    parts = [p for p in (normalise_for_matching(x) for x in _ELLIPSIS.split(quote or "")) if p]
    if not parts:
        return False
    position = 0
    for part in parts:
        part = part.strip(" \"'")
        found = haystack.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


class CitationQuerySet(LinkQuerySet):
    published_paths = ("citing_article", "citing_document", "cited_document")

    def listing_for(self, user):
        """What `user` may list, with the records the citation joins."""
        return self.visible_to(user).select_related(
            "citing_article", "citing_document", "cited_document"
        )

    detail_for = listing_for


class MentionQuerySet(LinkQuerySet):
    published_paths = ("article", "person", "organisation", "place", "document")


class Citation(models.Model):
    """One work citing another: the reference as written, the quoted words, the locator."""

    class Kind(models.TextChoices):
        REFERENCE = "reference", "Reference"
        QUOTATION = "quotation", "Quotation"

    citing_article = models.ForeignKey(
        "Article", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    citing_document = models.ForeignKey(
        "Document", on_delete=models.CASCADE, null=True, blank=True, related_name="citations_made"
    )
    cited_document = models.ForeignKey(
        "Document", on_delete=models.PROTECT, null=True, blank=True, related_name="cited_by"
    )
    cited_work = models.CharField(
        max_length=1000, blank=True, help_text="A cited work not (yet) in the catalogue."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REFERENCE)
    footnote_label = models.CharField(max_length=20, blank=True, help_text="e.g. 1")
    reference_text = models.TextField("reference as written", blank=True)
    quoted_text = models.TextField(blank=True)
    locator = models.CharField(max_length=200, blank=True, help_text="e.g. page 2, Article 9")
    quote_found = models.BooleanField(
        null=True,
        editable=False,
        help_text="Whether the quoted words stand in the cited document's known text; "
        "empty when there is nothing to check against.",
    )
    source_start = models.PositiveIntegerField(
        null=True, blank=True, help_text="Where the citation stands in the citing text."
    )
    source_end = models.PositiveIntegerField(null=True, blank=True)

    history = HistoricalRecords()
    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(citing_article__isnull=False) | Q(citing_document__isnull=False),
                name="citation_has_citing_work",
            ),
            models.CheckConstraint(
                condition=Q(cited_document__isnull=False) | ~Q(cited_work=""),
                name="citation_has_cited_work",
            ),
        ]

    def __str__(self):
        cited = self.cited_document or self.cited_work
        return f"{self.citing_article or self.citing_document} \u2192 {cited}"

    def clean(self):
        if not (self.citing_article_id or self.citing_document_id):
            raise ValidationError("A citation needs a citing article or document.")
        if not (self.cited_document_id or self.cited_work):
            raise ValidationError("A citation needs a cited document or a cited work.")

    def check_quote(self):
        """Set quote_found against the cited document's transcription, if there is one."""
        document = self.cited_document
        if not self.quoted_text or document is None or not document.transcription:
            self.quote_found = None
        else:
            self.quote_found = quote_found_in(self.quoted_text, document.transcription)
        return self.quote_found

    def save(self, *args, **kwargs):
        self.check_quote()
        super().save(*args, **kwargs)


class Mention(models.Model):
    """Where a person, organisation, place or document is named in an article."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="mentions")
    person = models.ForeignKey(
        "Person", on_delete=models.CASCADE, null=True, blank=True, related_name="mentions"
    )
    organisation = models.ForeignKey(
        "Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="mentions"
    )
    place = models.ForeignKey(
        "Place", on_delete=models.CASCADE, null=True, blank=True, related_name="mentions"
    )
    document = models.ForeignKey(
        "Document", on_delete=models.CASCADE, null=True, blank=True, related_name="mentions"
    )
    surface = models.CharField("words as written", max_length=500)
    start = models.PositiveIntegerField(help_text="Character offset in the article's source text.")
    end = models.PositiveIntegerField()

    history = HistoricalRecords()
    objects = MentionQuerySet.as_manager()

    TARGETS = ("person", "organisation", "place", "document")

    class Meta:
        ordering = ["article", "start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        person__isnull=False,
                        organisation__isnull=True,
                        place__isnull=True,
                        document__isnull=True,
                    )
                    | Q(
                        person__isnull=True,
                        organisation__isnull=False,
                        place__isnull=True,
                        document__isnull=True,
                    )
                    | Q(
                        person__isnull=True,
                        organisation__isnull=True,
                        place__isnull=False,
                        document__isnull=True,
                    )
                    | Q(
                        person__isnull=True,
                        organisation__isnull=True,
                        place__isnull=True,
                        document__isnull=False,
                    )
                ),
                name="mention_exactly_one_target",
            ),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="mention_span_order"
            ),
        ]
        indexes = [models.Index(fields=["article", "start"])]

    @property
    def target(self):
        return self.person or self.organisation or self.place or self.document

    def clean(self):
        if sum(getattr(self, f"{name}_id") is not None for name in self.TARGETS) != 1:
            raise ValidationError(
                "A mention names exactly one person, organisation, place or document."
            )
        text = self.article.source_text if self.article_id else ""
        if text and text[self.start : self.end] != self.surface:
            raise ValidationError("The words as written are not at that place in the source text.")

    def __str__(self):
        return f"{self.surface} @{self.start}"


class StatementQuerySet(LinkQuerySet):
    published_paths = ("document", "article")


class Statement(models.Model):
    """What one source says about a document on a topic, in its own words.

    Sources disagree (what the declaration said about reparations, say);
    each statement is kept with its source so both can be shown side by side.
    """

    document = models.ForeignKey("Document", on_delete=models.CASCADE, related_name="statements")
    topic = models.SlugField(max_length=60, help_text="e.g. reparations, kuril-islands")
    text = models.TextField(help_text="The source's words.")
    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="statements")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    history = HistoricalRecords()
    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["document", "topic", "article", "start"]

    def __str__(self):
        return f"{self.topic}: {self.text[:60]}"
