"""Articles: secondary texts about documents and events, kept verbatim."""

import hashlib

from django.db import models
from django.urls import reverse

from .base import CatalogueRecord, DatedQuerySet, DatedRecord, links


def sha256_text(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ArticleQuerySet(DatedQuerySet):
    def listing_for(self, user):
        from .authorities import Person

        return (
            super()
            .listing_for(user)
            .select_related("publisher")
            .prefetch_related(models.Prefetch("authors", queryset=links(Person, user)))
            .defer("source_text", "body")
        )

    def detail_for(self, user):
        from .authorities import Person
        from .citations import Citation, Mention
        from .documents import Document

        # Not from listing_for: the detail reads the body and source text it defers.
        return (
            self.visible_to(user)
            .select_related("publisher")
            .prefetch_related(
                models.Prefetch("authors", queryset=links(Person, user)),
                models.Prefetch("about_documents", queryset=links(Document, user)),
                models.Prefetch(
                    "mentions",
                    queryset=links(Mention, user)
                    .select_related("person", "organisation", "place", "document")
                    .order_by("start"),
                ),
                models.Prefetch(
                    "citations",
                    queryset=links(Citation, user)
                    .select_related("cited_document")
                    .order_by("source_start", "pk"),
                ),
            )
            .order_by("pk")
        )


class Article(DatedRecord, CatalogueRecord):
    identifier_prefix = "article"

    title = models.CharField(max_length=500)
    publisher = models.ForeignKey(
        "Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="published_articles",
        help_text="The site or publisher the text was taken from.",
    )
    site_name = models.CharField(max_length=300, blank=True, help_text="As the page names itself.")
    url = models.URLField(max_length=1000, blank=True)
    authors = models.ManyToManyField("Person", blank=True, related_name="authored_articles")
    licence = models.CharField(max_length=300, blank=True)
    accessed = models.DateField(null=True, blank=True, help_text="When the text was retrieved.")

    body = models.TextField(blank=True, help_text="The cleaned text, without site chrome.")
    sections = models.JSONField(
        default=list,
        blank=True,
        help_text='Headed sections: [{"heading": ..., "text": ..., "start": ..., "end": ...}]',
    )
    key_points = models.JSONField(default=list, blank=True)

    source_filename = models.CharField(max_length=255, blank=True)
    source_text = models.TextField(blank=True, help_text="The text exactly as received.")
    source_sha256 = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    parse_warnings = models.JSONField(
        default=list,
        blank=True,
        help_text="What the parser found wrong with the text when it was ingested, "
        "e.g. a footnote marker without its reference.",
    )

    about_documents = models.ManyToManyField("Document", blank=True, related_name="articles_about")
    about_people = models.ManyToManyField("Person", blank=True, related_name="articles_about")
    about_places = models.ManyToManyField("Place", blank=True, related_name="articles_about")
    about_organisations = models.ManyToManyField(
        "Organisation", blank=True, related_name="articles_about"
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        permissions = [("publish_article", "Can publish and unpublish articles")]
        # As Document's: one index per sort readers may choose, and "recently added".
        indexes = [
            models.Index(
                fields=["status", "date_earliest", "title", "id", "date_latest"],
                name="article_by_date",
            ),
            models.Index(fields=["status", "title", "id"], name="article_by_title"),
            models.Index(fields=["status", "modified", "title", "id"], name="article_by_modified"),
            models.Index(fields=["status", "created", "id"], name="article_by_created"),
        ]

    def __str__(self):
        return self.title

    def summary_parts(self):
        # The authors are prefetched by listing_for, limited to those the reader may see.
        authors = ", ".join(str(author) for author in self.authors.all())
        return [self.site_name or self.publisher or "Article", self.date_display, authors]

    def search_text(self):
        return self.title, [], [self.body]

    def save(self, *args, **kwargs):
        self.source_sha256 = sha256_text(self.source_text) if self.source_text else ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("catalogue:article-detail", kwargs={"slug": self.slug})
