"""Authority records: people, organisations and places."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .base import CatalogueRecord, DatedRecord, LinkQuerySet, RecordQuerySet, validate_edtf


class AuthorityQuerySet(RecordQuerySet):
    """A list of names needs no joins: RecordQuerySet.listing_for is enough."""


class AuthorityRecord(CatalogueRecord):
    """A name with its variants: the controlled vocabulary."""

    slug_source_field = "name"

    name = models.CharField("display name", max_length=300)
    sort_name = models.CharField(max_length=300, blank=True, db_index=True)
    variants = models.JSONField(
        "name variants",
        default=list,
        blank=True,
        help_text="Other spellings and forms of the name.",
    )
    description = models.TextField(blank=True)
    wikidata = models.CharField(
        "Wikidata ID", max_length=20, blank=True, help_text="For example Q193211."
    )

    objects = AuthorityQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sort_name", "pk"]
        # The two sorts of an authority list (by name, by last change), as Document's.
        indexes = [
            models.Index(fields=["status", "sort_name", "id"], name="%(class)s_by_name"),
            models.Index(
                fields=["status", "modified", "sort_name", "id"], name="%(class)s_by_modified"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.default_sort_name()
        super().save(*args, **kwargs)

    def default_sort_name(self):
        return self.name

    def search_text(self):
        return self.name, self.all_names[1:], [self.description, getattr(self, "biography", "")]

    def summary_parts(self):
        kind = self.get_kind_display() if hasattr(self, "get_kind_display") else ""
        variants = ", ".join(v for v in self.variants if v)
        return [kind, f"also {variants}" if variants else ""]

    @property
    def all_names(self):
        return [self.name, *[v for v in self.variants if v != self.name]]


class Person(AuthorityRecord):
    identifier_prefix = "person"

    life_dates_edtf = models.CharField(
        "life dates (EDTF)",
        max_length=100,
        blank=True,
        validators=[validate_edtf],
        help_text="Birth/death as an EDTF interval, e.g. 1883-01-01/1959-03-07.",
    )
    biography = models.TextField(blank=True)
    viaf = models.CharField("VIAF ID", max_length=30, blank=True)

    class Meta(AuthorityRecord.Meta):
        verbose_name_plural = "people"
        permissions = [("publish_person", "Can publish and unpublish people")]

    def default_sort_name(self):
        # "Ichiro Hatoyama" sorts as "Hatoyama, Ichiro".
        parts = self.name.split()
        return f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else self.name

    def get_absolute_url(self):
        return reverse("catalogue:person-detail", kwargs={"slug": self.slug})


class PersonTitleQuerySet(LinkQuerySet):
    # A title is shown with its person; a draft organisation is left out of it
    # (visible_to() empties that link), the title itself stays.
    published_paths = ("person",)


class PersonTitle(DatedRecord):
    """A title or office a person held, with its dates, as a source states it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="titles")
    title = models.CharField(max_length=300)
    organisation = models.ForeignKey(
        "Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()
    objects = PersonTitleQuerySet.as_manager()

    class Meta:
        ordering = ["date_earliest", "pk"]

    def __str__(self):
        return self.title


class Organisation(AuthorityRecord):
    identifier_prefix = "org"

    class Kind(models.TextChoices):
        STATE = "state", "State"
        GOVERNMENT = "government", "Government body"
        NEWSPAPER = "newspaper", "Newspaper"
        AGENCY = "agency", "News agency"
        INTERNATIONAL = "international", "International organisation"
        PUBLISHER = "publisher", "Publisher or website"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    viaf = models.CharField("VIAF ID", max_length=30, blank=True)

    class Meta(AuthorityRecord.Meta):
        permissions = [("publish_organisation", "Can publish and unpublish organisations")]

    def get_absolute_url(self):
        return reverse("catalogue:organisation-detail", kwargs={"slug": self.slug})


class Place(AuthorityRecord):
    identifier_prefix = "place"

    class Kind(models.TextChoices):
        CITY = "city", "City"
        ISLAND = "island", "Island"
        ISLAND_GROUP = "island-group", "Island group"
        REGION = "region", "Region"
        COUNTRY = "country", "Country"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    geonames = models.CharField("GeoNames ID", max_length=20, blank=True)

    class Meta(AuthorityRecord.Meta):
        permissions = [("publish_place", "Can publish and unpublish places")]

    def get_absolute_url(self):
        return reverse("catalogue:place-detail", kwargs={"slug": self.slug})
