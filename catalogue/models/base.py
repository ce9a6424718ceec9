"""What every catalogue record shares: identity, status, timestamps, version,
revision history, and dates as written with their EDTF value."""

import datetime
import functools
import re
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.query import ModelIterable
from django.utils.text import slugify
from edtf import parse_edtf, struct_time_to_date
from edtf.parser.edtf_exceptions import EDTFParseException
from simple_history.models import HistoricalRecords

IDENTIFIER_RE = re.compile(r"^[a-z][a-z0-9-]{1,62}[a-z0-9]$")
# Hyphens, en and em dashes, the minus sign: all separate words in a slug.
DASHES_RE = re.compile(r"[\u2010-\u2015\u2212]")
SLUG_BASE_LENGTH = 100


def slug_base(text):
    """The slug a title gives before any -2, -3 suffix: "Soviet\u2013Japanese
    Joint Declaration" gives soviet-japanese-joint-declaration, as a hyphen would."""
    return slugify(DASHES_RE.sub("-", text))[:SLUG_BASE_LENGTH]


def unique_slug(base, fallback, taken):
    """`base` (or `fallback` when empty), suffixed -2, -3... until `taken(slug)` is false."""
    base = base or fallback
    candidate, n = base, 2
    while taken(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


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
    if earliest > latest:
        raise ValidationError(
            "%(value)r ends before it starts (%(earliest)s is after %(latest)s): "
            "write the earlier date first, e.g. 1945-08/1956-10.",
            params={"value": value, "earliest": earliest, "latest": latest},
            code="reversed_edtf",
        )
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


class DraftLinksHiddenIterable(ModelIterable):
    """Model rows whose links to unpublished catalogue records come back empty:
    `document.place` reads None when the place is a draft. Only the cached
    object goes; `place_id` stays, so saving such a row keeps the link."""

    def __iter__(self):
        fields = draft_hiding_fields(self.queryset.model)
        for row in super().__iter__():
            for field in fields:
                target = field.get_cached_value(row, default=None)
                if target is not None and target.status != Status.PUBLISHED:
                    field.set_cached_value(row, None)
            yield row


@functools.cache
def draft_hiding_fields(model):
    """The forward links from `model` to catalogue records that its queryset's
    visible_to() does not already filter on (`published_paths`)."""
    filtered = set(getattr(model._default_manager._queryset_class, "published_paths", ()))
    return [
        field
        for field in model._meta.concrete_fields
        if field.is_relation
        and issubclass(field.related_model, CatalogueRecord)
        and field.name not in filtered
    ]


class VisibilityMixin:
    """The one rule, for records and the rows that link them: a reader who may
    not see drafts gets published rows only, and learns nothing about a draft
    through any of their links. Forward links are joined and emptied here
    (DraftLinksHiddenIterable); links to many records are read through
    prefetches of `links(model, user)`, which filter the same way."""

    def visible_to(self, user):
        """Everything for staff (drafts are previewed), published rows for everyone
        else, with their links to drafts emptied."""
        if sees_drafts(user):
            return self
        return self.published().hiding_draft_links()

    def hiding_draft_links(self):
        fields = draft_hiding_fields(self.model)
        if not fields:
            return self
        clone = self.select_related(*(field.name for field in fields))
        clone._iterable_class = DraftLinksHiddenIterable
        return clone


class RecordQuerySet(VisibilityMixin, models.QuerySet):
    """Visibility is stated here once; pages, API, search, sitemaps and exports call it."""

    def published(self):
        return self.filter(published_at(""))

    def listing_for(self, user):
        """What `user` may list, with the joins a list of these records needs
        (linked records limited to what `user` may see): the one call pages,
        the API and search make. Record types add their joins by overriding it.
        The order is the listing pipeline's (catalogue/selectors/listing.py)."""
        return self.visible_to(user)

    def detail_for(self, user):
        """What `user` may open as a detail page or resource, with the joins."""
        return self.listing_for(user)

    def for_search_index(self):
        """These records with what search_text() reads beyond the record itself."""
        return self

    def for_export(self, user):
        """These records with what the citation formats read beyond the record itself."""
        return self

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


def published_at(path):
    """The condition "the record at `path` is published" (`path` "" for the row itself):
    the one statement of the rule, for querysets and for expressions that need it
    inside a query (a download's link column)."""
    return Q(**{f"{path}__status" if path else "status": Status.PUBLISHED})


def links(model, user):
    """`model`'s rows for a prefetch: every row without a user, else those `user` may see."""
    queryset = model._default_manager.all()
    return queryset if user is None else queryset.visible_to(user)


class LinkQuerySet(VisibilityMixin, models.QuerySet):
    """Visibility of link records follows the records they join: a link is public
    only when every catalogue record it names in `published_paths` is published."""

    published_paths: tuple[str, ...] = ()

    def published(self):
        condition = Q()
        for path in self.published_paths:
            condition &= Q(**{f"{path}__isnull": True}) | published_at(path)
        return self.filter(condition)


@functools.cache
def short_field_names(model):
    """The attribute names of `model`'s stored values but its long texts
    (TextFields) and the stamps every save changes (`modified`, `version`)."""
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if not isinstance(field, models.TextField) and field.name not in ("modified", "version")
    )


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

    def natural_key(self):
        return (self.identifier,)

    @property
    def summary(self):
        """The one line a list shows under the record's name, on pages and in the
        API alike: each record type says what goes in it (summary_parts)."""
        return " · ".join(str(part) for part in self.summary_parts() if part)

    def summary_parts(self):
        return []

    def publication_problems(self):
        """What stops this record from being published, in words (empty: nothing)."""
        return []

    def published_dependents(self):
        """Published records that may only stay published while this one is
        (a collection's units below it): taken back to draft with it."""
        return []

    def search_text(self):
        """(title, other names, body texts): what search finds this record by,
        heaviest first; an authority's names also widen a search that names it."""
        raise NotImplementedError

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    def slug_text(self):
        return str(getattr(self, self.slug_source_field, "") or "")

    def new_slug(self, taken=None):
        """A slug made from the title that `taken(slug)` does not refuse; by
        default, one no other record of this type has. The fixture build
        passes the slugs it has given out, so seed and save() agree."""
        if taken is None:
            others = type(self)._default_manager.exclude(pk=self.pk)

            def taken(candidate):
                return others.filter(slug=candidate).exists()

        return unique_slug(slug_base(self.slug_text()), self.identifier_prefix, taken)

    def fill_identity(self):
        if not self.slug:
            self.slug = self.new_slug()
        if not self.identifier:
            self.identifier = f"{self.identifier_prefix}-{secrets.token_hex(4)}"

    def save(self, *args, **kwargs):
        self.fill_identity()
        # Whether this save changes nothing but long texts (a description, a
        # transcription, a note): the stored facet counts stay right then
        # (selectors/facet_cache.py). Read with the version, in the same query.
        self.only_long_texts_changed = False
        if self.pk is not None and not kwargs.get("force_insert"):
            loaded = self.get_deferred_fields()
            names = [name for name in short_field_names(type(self)) if name not in loaded]
            stored = (
                type(self)._default_manager.filter(pk=self.pk).values_list("version", *names)
            ).first()
            # Count up from the stored version, not this instance's: a restored
            # history row or a stale copy carries an older number, and versions
            # must only ever rise for conflict detection to hold.
            self.version = max(stored[0] if stored else 0, self.version or 0) + 1
            self.only_long_texts_changed = stored is not None and stored[1:] == tuple(
                getattr(self, name) for name in names
            )
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
