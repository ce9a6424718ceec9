"""Holdings: the institutions that hold material (repositories) and the
archival description of what they hold (collections), described to ISAD(G).

A collection sits in a tree of any depth (fonds > sub-fonds > series >
sub-series > file > item) under one repository. Two values are derived down
the tree on every save and move, so that lists and harvests never walk it:
`full_reference_code` (the repository's code, then every ancestor's local
code, then the collection's own, joined by "/") and `tree_path` (the primary
keys from the root down, zero-padded, so that a subtree is one
`tree_path__startswith` range read).

The publication rule keeps "published" meaning what it means everywhere else
(`models.base.published_at`: the record's own status) and makes it imply the
whole chain above: a collection can be published only under a published
parent and repository, and unpublishing a repository or a collection takes
its published descendants back to draft (services.holdings). So a draft
collection hides its whole subtree's own pages, while the published
documents filed in it stay published and simply lose the link to it.
"""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.urls import reverse

from .authorities import AuthorityRecord
from .base import CatalogueRecord, DatedQuerySet, DatedRecord, Status

TREE_PATH_DIGITS = 10


def tree_path_part(pk):
    return f"{pk:0{TREE_PATH_DIGITS}d}/"


class Repository(AuthorityRecord):
    """A holding institution (ISDIAH's identity and contact areas, in brief)."""

    identifier_prefix = "repo"

    code = models.CharField(
        "repository code",
        max_length=50,
        blank=True,
        help_text="The institution's identifier, such as its ISIL (e.g. JP-1000001); "
        "it begins every reference code of its holdings.",
    )
    address = models.TextField(blank=True)
    url = models.URLField("web address", blank=True)
    email = models.EmailField("contact e-mail", blank=True)
    telephone = models.CharField(max_length=50, blank=True)

    class Meta(AuthorityRecord.Meta):
        verbose_name_plural = "repositories"
        permissions = [("publish_repository", "Can publish and unpublish repositories")]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=~models.Q(code=""),
                name="repository_code_unique",
                violation_error_message="Another repository already has this code.",
            )
        ]

    def get_absolute_url(self):
        return reverse("catalogue:repository-detail", kwargs={"slug": self.slug})

    def summary_parts(self):
        return [self.code]

    def published_dependents(self):
        return self.collections.filter(status=Status.PUBLISHED).order_by("tree_path")


class Level(models.TextChoices):
    """ISAD(G) 3.1.4 levels of description, from the top down."""

    FONDS = "fonds", "Fonds"
    SUBFONDS = "subfonds", "Sub-fonds"
    SERIES = "series", "Series"
    SUBSERIES = "subseries", "Sub-series"
    FILE = "file", "File"
    ITEM = "item", "Item"


class AccessFields(models.Model):
    """Physical description, access and rights: kept by collections and by the
    documents filed in them (ISAD(G) 3.1.5, 3.4.1, 3.4.2)."""

    extent_and_medium = models.TextField(
        blank=True, help_text="e.g. 3 boxes (1.2 linear metres); paper, typescript."
    )
    access_conditions = models.TextField(
        "conditions governing access", blank=True, help_text="e.g. Open; closed until 2031."
    )
    reproduction_conditions = models.TextField("conditions governing reproduction", blank=True)
    rights_uri = models.URLField(
        "rights statement URI",
        blank=True,
        help_text="A rightsstatements.org or Creative Commons URI, e.g. "
        "http://rightsstatements.org/vocab/InC/1.0/",
    )
    rights_label = models.CharField(
        "rights statement", max_length=200, blank=True, help_text="e.g. In Copyright"
    )

    class Meta:
        abstract = True


class CollectionQuerySet(DatedQuerySet):
    def listing_for(self, user):
        return super().listing_for(user).select_related("repository")

    def detail_for(self, user):
        # The page and the API name the unit above and the creator.
        return self.listing_for(user).select_related(
            "parent", "creator_person", "creator_organisation"
        )

    def subtree(self, collection, *, include_self=True):
        """`collection` and everything below it, at any depth (one range read)."""
        rows = self.filter(tree_path__startswith=collection.tree_path)
        return rows if include_self else rows.exclude(pk=collection.pk)


class Collection(AccessFields, DatedRecord, CatalogueRecord):
    """A unit of description at any level, described to ISAD(G); the README maps
    its 26 elements to these fields."""

    identifier_prefix = "coll"

    # ISAD(G) 3.1 identity statement area
    repository = models.ForeignKey(Repository, on_delete=models.PROTECT, related_name="collections")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The unit this one is part of; empty for a fonds at the top of the tree.",
    )
    position = models.PositiveIntegerField(
        default=0, help_text="Order among the units with the same parent, from 0."
    )
    level = models.CharField(
        "level of description", max_length=20, choices=Level.choices, default=Level.FONDS
    )
    reference_code = models.CharField(
        "local reference code",
        max_length=100,
        blank=True,
        help_text="This unit's own code (e.g. F12 or S3); the full code is derived.",
    )
    full_reference_code = models.CharField(
        max_length=600, blank=True, editable=False, db_index=True
    )
    tree_path = models.CharField(max_length=400, blank=True, editable=False, db_index=True)
    title = models.CharField(max_length=500)
    # 3.2 context area
    creator_person = models.ForeignKey(
        "Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_collections",
        verbose_name="creator (person)",
    )
    creator_organisation = models.ForeignKey(
        "Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_collections",
        verbose_name="creator (organisation)",
    )
    archival_history = models.TextField(blank=True)
    acquisition = models.TextField("immediate source of acquisition or transfer", blank=True)
    # 3.3 content and structure area
    scope_and_content = models.TextField(blank=True)
    appraisal = models.TextField("appraisal, destruction and scheduling", blank=True)
    accruals = models.TextField(blank=True)
    arrangement = models.TextField("system of arrangement", blank=True)
    # 3.4 conditions of access and use area (access, reproduction, rights: AccessFields)
    languages = models.JSONField(
        "languages of the material",
        default=list,
        blank=True,
        help_text="Language codes (ISO 639), e.g. ja, ru.",
    )
    physical_characteristics = models.TextField(
        "physical characteristics and technical requirements", blank=True
    )
    finding_aids = models.TextField(blank=True)
    # 3.5 allied materials area
    originals_location = models.TextField("existence and location of originals", blank=True)
    copies_location = models.TextField("existence and location of copies", blank=True)
    related_units = models.TextField("related units of description", blank=True)
    publication_note = models.TextField(blank=True)
    # 3.6 notes area
    note = models.TextField(blank=True)
    # 3.7 description control area
    archivist_note = models.TextField("archivist's note", blank=True)
    rules_conventions = models.CharField(
        "rules or conventions", max_length=300, blank=True, default="ISAD(G), second edition"
    )

    # ISAD(G)'s long texts in the standard's order (3.2 context to 3.7
    # description control): declared once for the places that treat them
    # alike. The admin's list defers them, the API gives them on the detail
    # only, the import and export carry them as columns.
    DESCRIPTION_TEXTS = (
        "archival_history",
        "acquisition",
        "scope_and_content",
        "appraisal",
        "accruals",
        "arrangement",
        "physical_characteristics",
        "finding_aids",
        "originals_location",
        "copies_location",
        "related_units",
        "publication_note",
        "note",
        "archivist_note",
    )

    objects = CollectionQuerySet.as_manager()

    class Meta:
        ordering = ["tree_path"]
        permissions = [("publish_collection", "Can publish and unpublish collections")]
        indexes = [
            models.Index(fields=["status", "title", "id"], name="collection_by_title"),
            models.Index(
                fields=["status", "full_reference_code", "id"], name="collection_by_reference"
            ),
            models.Index(
                fields=["status", "date_earliest", "title", "id", "date_latest"],
                name="collection_by_date",
            ),
            models.Index(
                fields=["status", "modified", "title", "id"], name="collection_by_modified"
            ),
            models.Index(fields=["parent", "position", "id"], name="collection_children"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["repository", "full_reference_code"],
                condition=~models.Q(reference_code=""),
                name="collection_reference_unique_in_repository",
                violation_error_message="Another unit in this repository has this reference code.",
            )
        ]

    # ISAD(G)'s six elements essential for the international exchange of
    # descriptive information (I.13), with the field that holds each.
    ESSENTIAL = (
        ("reference code", ("reference_code",)),
        ("title", ("title",)),
        ("creator", ("creator_person_id", "creator_organisation_id")),
        ("dates", ("date_edtf",)),
        ("extent of the unit of description", ("extent_and_medium",)),
        ("level of description", ("level",)),
    )

    def __str__(self):
        return f"{self.full_reference_code} {self.title}".strip()

    def get_absolute_url(self):
        return reverse("catalogue:collection-detail", kwargs={"slug": self.slug})

    @property
    def shown_repository(self):
        """The repository as the reader may see it: None where visible_to emptied
        the link (a draft), which reading `repository`, never null, would raise on."""
        try:
            return self.repository
        except ObjectDoesNotExist:
            return None

    def summary_parts(self):
        return [self.get_level_display(), self.full_reference_code, self.date_display]

    def search_text(self):
        return (
            self.title,
            [self.full_reference_code],
            [self.scope_and_content, self.archival_history, self.arrangement],
        )

    def missing_essentials(self):
        """The names of ISAD(G)'s essential elements this unit lacks: publishing
        is refused until the list is empty."""
        return [
            name
            for name, fields in self.ESSENTIAL
            if not any(getattr(self, field) for field in fields)
        ]

    def publication_problems(self):
        problems = []
        missing = self.missing_essentials()
        if missing:
            problems.append(f"ISAD(G) requires {', '.join(missing)}")
        if self.repository.status != Status.PUBLISHED:
            problems.append(f"its repository \u201c{self.repository}\u201d is a draft")
        if self.parent_id is not None and self.parent.status != Status.PUBLISHED:
            problems.append(f"the unit it is part of, \u201c{self.parent}\u201d, is a draft")
        return problems

    def published_dependents(self):
        return (
            type(self)
            ._default_manager.subtree(self, include_self=False)
            .filter(status=Status.PUBLISHED)
            .order_by("tree_path")
        )

    def clean(self):
        super().clean()
        if self.repository_id is not None:
            # Derived before the unique check (validate_constraints) reads it.
            self.full_reference_code = self.derived_full_code()
        if self.status == Status.PUBLISHED and self.repository_id is not None:
            problems = self.publication_problems()
            if problems:
                raise ValidationError(
                    f"A published unit must stay publishable: {'; '.join(problems)}."
                )
        if self.parent_id is not None:
            if self.parent.repository_id != self.repository_id:
                raise ValidationError(
                    {"parent": "A unit must be in the same repository as the unit it is part of."}
                )
            if self.pk is not None and self.parent.tree_path.startswith(self.tree_path):
                raise ValidationError(
                    {"parent": "A unit cannot be moved inside itself or one of its own parts."}
                )

    def derived_full_code(self):
        """The full reference code the unit's place in the tree gives it."""
        above = self.parent if self.parent_id is not None else None
        prefix = above.full_reference_code if above else self.repository.code
        return "/".join(part for part in (prefix, self.reference_code) if part)

    def derived_codes(self):
        """(full_reference_code, tree_path) as the unit's place in the tree gives them."""
        path = self.parent.tree_path if self.parent_id is not None else ""
        return self.derived_full_code(), path + tree_path_part(self.pk)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.refresh_derived()

    def refresh_derived(self, reason=None):
        """Derive this unit's codes and, when they changed, its descendants' and
        its documents' (a move or a new code changes the whole subtree).

        The unit itself was saved a moment ago, so its codes are stored as they
        are. A descendant whose full code changes is saved (its version, its
        `modified` and a history row with `reason`), so that OAI-PMH
        harvesters, ETags and the sitemap see the change as they see an edit.
        """
        full, path = self.derived_codes()
        if (full, path) == (self.full_reference_code, self.tree_path):
            return
        self.full_reference_code, self.tree_path = full, path
        if reason is None:
            type(self)._default_manager.filter(pk=self.pk).update(
                full_reference_code=full, tree_path=path
            )
            reason = f"Reference code changed with \u201c{self}\u201d"
        else:
            self._change_reason = reason
            super().save(update_fields=["full_reference_code", "tree_path", "modified", "version"])
        for document in self.documents.all():
            document.refresh_reference_code(self, reason=reason)
        for child in self.children.all():
            child.parent = self
            child.refresh_derived(reason=reason)
