"""What every catalogue record shares: identity, status, timestamps, version,
revision history, and dates as written with their EDTF value."""

import datetime
import functools
import re
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from edtf import parse_edtf, struct_time_to_date
from edtf.parser.edtf_exceptions import EDTFParseException
from simple_history.models import HistoricalRecords

IDENTIFIER_RE = re.compile(r"^[a-z][a-z0-9-]{1,62}[a-z0-9]$")


def validate_identifier(value):
    if not IDENTIFIER_RE.match(value or ""):
        raise ValidationError(
            "An identifier is 3 to 64 lower-case letters, digits and hyphens, "
            "starting with a letter: %(value)r is not.",
            params={"value": value},
            code="invalid_identifier",
        )


# Parsing one EDTF string costs tens of milliseconds (a pyparsing grammar), and
# every save parses its date twice (validation, then derivation); an import of
# thousands of rows repeats the same few dates. The answer never changes.
@functools.lru_cache(maxsize=4096)
def parse_edtf_range(value):
    """Return (earliest, latest) dates for an EDTF string, or raise ValidationError."""
    try:
        parsed = parse_edtf(value)
        earliest = struct_time_to_date(parsed.lower_strict())
        latest = struct_time_to_date(parsed.upper_strict())
    except (EDTFParseException, ValueError, TypeError, AttributeError, OverflowError):
        raise ValidationError(
            "%(value)r is not a valid EDTF date. Use forms such as 1956, 1956-10, "
            "1956-10-19, 1956~ (approximate) or 1945-08/1956-10 (a range).",
            params={"value": value},
            code="invalid_edtf",
        ) from None
    return earliest, latest


def validate_edtf(value):
    if value:
        parse_edtf_range(value)


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


def sees_drafts(user):
    """Whether `user` may see drafts: active staff preview them; nobody else does."""
    return bool(user is not None and user.is_active and user.is_staff)


class RecordQuerySet(models.QuerySet):
    """Visibility is stated here once; pages, API, search, sitemaps and exports call it."""

    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Everything for staff (drafts are previewed), published records for everyone else."""
        if sees_drafts(user):
            return self
        return self.published()

    def for_listing(self, user=None):
        """The joins a list of these records needs. With `user`, linked records
        (parties, mentions, citations...) are limited to what that user may see;
        without, every link is loaded (admin, exports, commands)."""
        return self

    def for_detail(self, user=None):
        return self.for_listing(user)

    def listing_for(self, user):
        """What `user` may list, with the joins: the one call pages and the API make."""
        return self.visible_to(user).for_listing(user)

    def detail_for(self, user):
        """What `user` may open as a detail page or resource, with the joins."""
        return self.visible_to(user).for_detail(user)

    def get_by_natural_key(self, identifier):
        return self.get(identifier=identifier)


class DatedQuerySet(RecordQuerySet):
    """Records with derived earliest/latest dates (documents, articles)."""

    def dated(self):
        return self.filter(date_earliest__isnull=False)

    def overlapping_years(self, first_year, last_year):
        """Records whose date span touches any day of these years: a record
        dated "1945-08/1956-10" is in the 1940s and in the 1950s."""
        return self.filter(
            date_latest__gte=datetime.date(max(first_year, 1), 1, 1),
            date_earliest__lte=datetime.date(last_year, 12, 31),
        )


def links(model, user):
    """`model`'s rows for a prefetch: every row without a user, else those `user` may see."""
    queryset = model._default_manager.all()
    return queryset if user is None else queryset.visible_to(user)


class LinkQuerySet(models.QuerySet):
    """Visibility of link records follows the records they join: a link is public
    only when every catalogue record it names is published."""

    published_paths: tuple[str, ...] = ()

    def published(self):
        condition = Q()
        for path in self.published_paths:
            condition &= Q(**{f"{path}__isnull": True}) | Q(**{f"{path}__status": "published"})
        return self.filter(condition)

    def visible_to(self, user):
        if sees_drafts(user):
            return self
        return self.published()


class CatalogueRecord(models.Model):
    """Abstract base of every public catalogue record."""

    identifier_prefix = "rec"
    slug_source_field = "title"

    identifier = models.CharField(
        max_length=64,
        unique=True,
        blank=True,
        validators=[validate_identifier],
        help_text="Stable public identifier; never changes once published. Made when left blank.",
    )
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        allow_unicode=False,
        help_text="Used in the page address; made from the title when left blank.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True, db_index=True)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised on every save; a save made from an older version is refused.",
    )

    history = HistoricalRecords(inherit=True)
    # Unfiltered on purpose: admin, dumpdata and loaddata see every record.
    objects = RecordQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def plural_label(cls):
        """'Documents', 'People': how pages name a list of these records."""
        return str(cls._meta.verbose_name_plural).capitalize()

    def natural_key(self):
        return (self.identifier,)

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    def slug_text(self):
        return str(getattr(self, self.slug_source_field, "") or "")

    def _unique_value(self, field, base):
        base = base[:100] or self.identifier_prefix
        candidate, n = base, 2
        others = type(self)._default_manager.exclude(pk=self.pk)
        while others.filter(**{field: candidate}).exists():
            candidate = f"{base}-{n}"
            n += 1
        return candidate

    def fill_identity(self):
        if not self.slug:
            self.slug = self._unique_value("slug", slugify(self.slug_text()))
        if not self.identifier:
            self.identifier = f"{self.identifier_prefix}-{secrets.token_hex(4)}"

    def save(self, *args, **kwargs):
        self.fill_identity()
        if self.pk is not None and not kwargs.get("force_insert"):
            # Count up from the stored version, not this instance's: a restored
            # history row or a stale copy carries an older number, and versions
            # must only ever rise for conflict detection to hold.
            stored = (
                type(self)._default_manager.filter(pk=self.pk).values_list("version", flat=True)
            ).first()
            self.version = max(stored or 0, self.version or 0) + 1
        super().save(*args, **kwargs)


class DatedRecord(models.Model):
    """A date as written in the source plus its EDTF value; earliest/latest
    are derived on save so that partial and ranged dates sort and filter."""

    date_written = models.CharField(
        "date as written", max_length=200, blank=True, help_text="Exactly as the source gives it."
    )
    date_edtf = models.CharField(
        "date (EDTF)",
        max_length=100,
        blank=True,
        validators=[validate_edtf],
        help_text="Extended Date/Time Format, e.g. 1956-10-19, 1956-10, 1956~, 1945-08/1956-10.",
    )
    date_earliest = models.DateField(null=True, blank=True, db_index=True, editable=False)
    date_latest = models.DateField(null=True, blank=True, db_index=True, editable=False)

    class Meta:
        abstract = True

    def derive_dates(self):
        if self.date_edtf:
            self.date_earliest, self.date_latest = parse_edtf_range(self.date_edtf)
        else:
            self.date_earliest = self.date_latest = None

    def save(self, *args, **kwargs):
        self.derive_dates()
        super().save(*args, **kwargs)

    @property
    def date_display(self):
        return self.date_written or self.date_edtf
