"""Documents: primary sources, the people and organisations involved, their
relations to one another, excerpts of their text, and scans."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from catalogue.images import prepare_scan, validate_scan

from .base import CatalogueRecord, DatedQuerySet, DatedRecord, LinkQuerySet, links
from .holdings import AccessFields


class DocumentQuerySet(DatedQuerySet):
    def listing_for(self, user):
        # Lists never show the transcription, which can be a whole treaty. The
        # collection is joined for the reference code a list shows
        # (shown_reference_code): for readers who may not see drafts it is
        # joined anyway, to empty a link to a draft unit.
        return (
            super()
            .listing_for(user)
            .select_related("place", "collection__repository")
            .defer("transcription")
        )

    def for_search_index(self):
        # Into a list: a related manager's .all() on each of 100,000 documents
        # builds a queryset apiece (8 of a rebuild's 55 profiled seconds).
        return self.prefetch_related(
            models.Prefetch(
                "excerpts",
                DocumentExcerpt.objects.only("document", "text"),
                to_attr="indexed_excerpts",
            )
        )

    def for_export(self, user):
        # The citation formats name the document's parties.
        return self.with_agents(user)

    def with_agents(self, user=None):
        return self.prefetch_related(
            models.Prefetch(
                "agents",
                queryset=links(DocumentAgent, user).select_related("person", "organisation"),
            )
        )

    def detail_for(self, user):
        from .citations import Citation, Statement

        return (
            self.listing_for(user)
            .defer(None)
            .select_related("collection__repository")
            .with_agents(user)
            .prefetch_related(
                models.Prefetch(
                    "excerpts",
                    queryset=links(DocumentExcerpt, user).select_related("source_article"),
                ),
                models.Prefetch(
                    "relations_out",
                    queryset=links(DocumentRelation, user).select_related("target"),
                ),
                models.Prefetch(
                    "relations_in",
                    queryset=links(DocumentRelation, user).select_related("source"),
                ),
                models.Prefetch(
                    "cited_by",
                    queryset=links(Citation, user)
                    .select_related("citing_article", "citing_document")
                    .order_by("citing_article__title", "source_start", "pk"),
                ),
                models.Prefetch(
                    "statements",
                    queryset=links(Statement, user).select_related("article"),
                ),
                "images",
            )
        )


class DocumentAgentQuerySet(LinkQuerySet):
    published_paths = ("document", "person", "organisation")

    def summaries(self, document_ids):
        """Plain rows (document id, role, note, person identifier, person name,
        organisation identifier, organisation name) for these documents, in
        order: no model instances, for lists where instances cost more than
        the query (measured with bench/run.py)."""
        return (
            self.filter(document_id__in=document_ids)
            .order_by("document_id", "order", "pk")
            .values_list(
                "document_id",
                "role",
                "note",
                "person__identifier",
                "person__name",
                "organisation__identifier",
                "organisation__name",
            )
        )


class DocumentRelationQuerySet(LinkQuerySet):
    published_paths = ("source", "target")


class DocumentExcerptQuerySet(LinkQuerySet):
    published_paths = ("document", "source_article")


class Document(AccessFields, DatedRecord, CatalogueRecord):
    identifier_prefix = "doc"

    class Kind(models.TextChoices):
        DECLARATION = "declaration", "Declaration"
        TREATY = "treaty", "Treaty"
        PROTOCOL = "protocol", "Protocol"
        NEWSPAPER_TEXT = "newspaper-text", "Newspaper text"
        LETTER = "letter", "Letter"
        OTHER = "other", "Other"

    title = models.CharField(max_length=500)
    other_titles = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    place = models.ForeignKey(
        "Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        help_text="Where the document was made or signed.",
    )
    languages = models.JSONField(
        default=list, blank=True, help_text="Language codes (ISO 639), e.g. ['ru', 'ja']."
    )
    description = models.TextField(blank=True)
    transcription = models.TextField(
        blank=True, help_text="The full text, when the catalogue has it."
    )
    transcription_provenance = models.CharField(
        max_length=500,
        blank=True,
        help_text="Where the text comes from, e.g. 'unofficial translation from the Russian'.",
    )
    # Where the document is held: its unit of description (which names the
    # repository), its order there and its own shelfmark; the full reference
    # code is derived from the collection's (models.holdings).
    collection = models.ForeignKey(
        "Collection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        help_text="The fonds, series or file this document is part of.",
    )
    collection_position = models.PositiveIntegerField(
        "position in the collection", default=0, help_text="Order among its siblings, from 0."
    )
    reference_code = models.CharField(
        "local reference code / shelfmark",
        max_length=100,
        blank=True,
        help_text="The document's own code within its collection, e.g. item 7.",
    )
    full_reference_code = models.CharField(
        max_length=700, blank=True, editable=False, db_index=True
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["date_earliest", "title", "pk"]
        permissions = [("publish_document", "Can publish and unpublish documents")]
        # Every sort the pages and the API offer (catalogue/record_types.py), on
        # the published rows readers list, with the tie-breaks: a page is a range
        # read of one index however deep it is. `created` is "recently added".
        # The date indexes end with date_latest, which no sort needs: a decade
        # or year filter (an overlap of spans) is then checked in the index as
        # it walks, not by reading each skipped row from the table (at 100,000
        # documents, /documents/?decade=1950 went from 175 ms to 24).
        indexes = [
            models.Index(
                fields=["status", "date_earliest", "title", "id", "date_latest"],
                name="document_by_date",
            ),
            models.Index(fields=["status", "title", "id"], name="document_by_title"),
            models.Index(fields=["status", "modified", "title", "id"], name="document_by_modified"),
            models.Index(fields=["status", "created", "id"], name="document_by_created"),
            # A kind chosen: its capped count reads this index alone (not 10,000
            # rows of the table), and its pages by date are a range of it.
            models.Index(
                fields=["status", "kind", "date_earliest", "title", "id", "date_latest"],
                name="document_by_kind",
            ),
        ]

    def __str__(self):
        return self.title

    def summary_parts(self):
        # The place is joined by listing_for; lists never read more than that.
        return [self.get_kind_display(), self.date_display, self.place]

    def search_text(self):
        # The excerpts are prefetched by a rebuild; one query when one document is saved.
        indexed = getattr(self, "indexed_excerpts", None)
        excerpts = [e.text for e in (self.excerpts.all() if indexed is None else indexed)]
        return (
            self.title,
            self.other_titles or [],
            [self.description, self.transcription, *excerpts],
        )

    def get_absolute_url(self):
        return reverse("catalogue:document-detail", kwargs={"slug": self.slug})

    def derived_reference_code(self, collection=None):
        collection = collection or self.collection
        if not self.reference_code:
            return ""
        prefix = collection.full_reference_code if collection is not None else ""
        return "/".join(part for part in (prefix, self.reference_code) if part)

    def refresh_reference_code(self, collection, *, reason):
        """Store the full code again after `collection`'s own changed (a move, a
        new code): saved with a new version, `modified` and a history row
        giving `reason`, as Collection.refresh_derived saves a unit below."""
        full = self.derived_reference_code(collection)
        if full != self.full_reference_code:
            self.full_reference_code = full
            self._change_reason = reason
            super().save(update_fields=["full_reference_code", "modified", "version"])

    def save(self, *args, **kwargs):
        adding = self._state.adding
        self.full_reference_code = self.derived_reference_code()
        super().save(*args, **kwargs)
        if adding:
            return  # nothing can cite a document before it exists
        # A corrected transcription may confirm (or refute) quotations
        # that cite this document, so check them again.
        for citation in self.cited_by.exclude(quoted_text=""):
            found = citation.check_quote()
            type(citation).objects.filter(pk=citation.pk).update(quote_found=found)

    @property
    def shown_reference_code(self):
        """The full reference code where the reader may see the collection it is
        derived from; else (the link emptied: a draft unit) the document's own code
        alone, which names nothing of the draft."""
        if self.collection_id is not None and self.collection is None:
            return self.reference_code
        return self.full_reference_code

    @property
    def known_text(self):
        """The transcription if the catalogue has one, else the excerpts joined."""
        if self.transcription:
            return self.transcription
        return "\n\n".join(e.text for e in self.excerpts.all())


class DocumentAgent(models.Model):
    """A person or organisation involved in a document, with their role."""

    class Role(models.TextChoices):
        SIGNATORY = "signatory", "Signatory"
        PARTY = "party", "Party"
        AUTHOR = "author", "Author"
        PUBLISHER = "publisher", "Publisher"
        TRANSLATOR = "translator", "Translator"
        NEGOTIATOR = "negotiator", "Negotiator"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="agents")
    person = models.ForeignKey(
        "Person", on_delete=models.PROTECT, null=True, blank=True, related_name="document_roles"
    )
    organisation = models.ForeignKey(
        "Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="document_roles",
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    note = models.CharField(max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()
    objects = DocumentAgentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False, organisation__isnull=True))
                | (Q(person__isnull=True, organisation__isnull=False)),
                name="documentagent_exactly_one_agent",
            )
        ]

    def clean(self):
        if bool(self.person_id) == bool(self.organisation_id):
            raise ValidationError("Choose either a person or an organisation, not both or neither.")

    @property
    def agent(self):
        return self.person or self.organisation

    def __str__(self):
        return f"{self.agent} ({self.get_role_display()})"


class DocumentRelation(models.Model):
    """A typed link from one document to another."""

    class Kind(models.TextChoices):
        ACCOMPANIED_BY = "accompanied-by", "is accompanied by"
        SUPERSEDES = "supersedes", "supersedes"
        RESPONDS_TO = "responds-to", "responds to"
        PRINTED_IN = "printed-in", "is printed in"
        REFERS_TO = "refers-to", "refers to"

    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.CharField(max_length=500, blank=True)

    history = HistoricalRecords()
    objects = DocumentRelationQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="documentrelation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="documentrelation_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.source} {self.get_kind_display()} {self.target}"


class DocumentExcerpt(models.Model):
    """Words of a document as a secondary text quotes them, with provenance."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="excerpts")
    text = models.TextField()
    locator = models.CharField(max_length=200, blank=True, help_text="e.g. Article 9")
    provenance = models.CharField(
        max_length=500, blank=True, help_text="e.g. unofficial translation from the Russian"
    )
    source_article = models.ForeignKey(
        "Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="document_excerpts",
        help_text="The article whose text quotes these words.",
    )
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)

    history = HistoricalRecords()
    objects = DocumentExcerptQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.document}: {self.text[:60]}"


def image_upload_to(instance, filename):
    return f"scans/{instance.document.identifier}/{filename}"


def _queue_tiles(image_id):
    from catalogue.jobs.tasks import make_scan_tiles

    make_scan_tiles.enqueue(image_id)


class DocumentImage(models.Model):
    """A scan of a document, with a thumbnail and a checksum for fixity."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        "scan",
        upload_to=image_upload_to,
        width_field="width",
        height_field="height",
        validators=[validate_scan],
        help_text="JPEG, PNG, TIFF or WebP. Kept exactly as uploaded (the master); "
        "readers are served a copy without its metadata.",
    )
    thumbnail = models.ImageField(upload_to="thumbnails/", blank=True, editable=False)
    display = models.ImageField(
        "display copy",
        upload_to="display/",
        blank=True,
        editable=False,
        help_text="What readers are served: a JPEG without EXIF, GPS or other metadata.",
    )
    original_filename = models.CharField(max_length=255, blank=True, editable=False)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    caption = models.CharField(max_length=500, blank=True)
    alt_text = models.CharField(
        max_length=500, blank=True, help_text="Describe the scan for readers who cannot see it."
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption or self.original_filename or self.image.name

    def save(self, *args, **kwargs):
        # A new upload gets its checksum and served copies; a caption edit does not.
        new_files = prepare_scan(self) if self.image and not self.image._committed else []
        try:
            super().save(*args, **kwargs)
        except BaseException:
            # Leave no stored file behind a row that was never written.
            for file in new_files:
                if file and file._committed:
                    file.storage.delete(file.name)
            raise
        if new_files:
            # The IIIF tiles take a while for a large scan: a worker makes them
            # once the upload is committed (catalogue/iiif/tiles.py).
            transaction.on_commit(lambda: _queue_tiles(self.pk))
