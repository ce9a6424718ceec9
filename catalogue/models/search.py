"""The search index: one row per catalogue record, with the text search reads.

Pages and the API never read these tables directly; `catalogue.search` does.
The full-text structures are kept current by the database from these rows:
on SQLite an FTS5 table fed by triggers, on PostgreSQL a `vector` column
(tsvector, GIN-indexed) written with each row. Both are created by migration
0002_search_index, outside the model, because each exists on one database only.
Visibility is not copied here: searches join each row back to its record's
`visible_to(user)` queryset, so publishing or unpublishing takes effect at once.
"""

from django.db import models

from catalogue import record_types

# The searchable types of catalogue/record_types.py, by name ("document").
RECORD_TYPES = tuple(t.name for t in record_types.searchable())
AUTHORITY_TYPES = tuple(t.name for t in record_types.searchable() if t.authority)


class SearchEntry(models.Model):
    record_type = models.CharField(
        max_length=20, choices=[(t, t) for t in RECORD_TYPES], editable=False
    )
    record_id = models.BigIntegerField(editable=False)
    title = models.TextField(help_text="Title or display name: the heaviest weight.")
    names = models.TextField(blank=True, help_text="Other titles and name variants.")
    body = models.TextField(blank=True, help_text="Description, text, excerpts, biography.")
    modified = models.DateTimeField(help_text="The record's own modified time: the cheap order.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["record_type", "record_id"], name="searchentry_one_per_record"
            )
        ]
        indexes = [models.Index(fields=["-modified", "-id"], name="searchentry_recent")]
        verbose_name_plural = "search entries"

    def __str__(self):
        return f"{self.record_type} {self.record_id}: {self.title[:60]}"


class SearchName(models.Model):
    """One name or variant of an authority record, folded to a lookup key.

    A query that names an authority ("U.S.S.R.") is widened to all of that
    record's names ("USSR", "Soviet Union") through these rows.
    """

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(
        max_length=300, db_index=True, help_text="Folded words, one space apart."
    )
    name = models.CharField(max_length=300, help_text="The name as written.")

    class Meta:
        ordering = ["entry", "pk"]

    def __str__(self):
        return self.name
