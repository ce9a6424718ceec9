"""What OAI-PMH harvesters have been shown: one row per record that was ever
published, kept after the record is unpublished or deleted, so that a
harvester is told it went (`deletedRecord` persistent) instead of never
hearing of it again.

Rows are written by signals on every save and delete of a record type with
public pages (catalogue/oai/tracking.py): the services, the admin, the
unpublish cascade and imports all pass through them. Raw saves (loaddata, a
restore) bring their own rows; the seed and a restore add what is missing,
and writes that send no signal (QuerySet.update of status, bulk_create) are
caught up by `manage.py oai_rebuild`.
"""

from django.db import models


class HarvestEntry(models.Model):
    """A record as harvesters know it: its type, its public identifier (kept
    when the record itself is deleted), when it last changed for them, and
    whether it is gone (unpublished or deleted)."""

    record_type = models.CharField(max_length=30)
    record_id = models.PositiveBigIntegerField()
    identifier = models.CharField(max_length=64)
    # When the record or its published state last changed: the record's
    # `modified` for a save, the moment of deletion for a delete.
    datestamp = models.DateTimeField()
    deleted = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "harvest entries"
        constraints = [
            models.UniqueConstraint(
                fields=["record_type", "record_id"], name="harvest_entry_one_per_record"
            )
        ]
        indexes = [
            # The harvest order is the row's own id (the order records were
            # first published): a page is a range read of the primary key,
            # alone or within a type or a datestamp window.
            models.Index(fields=["record_type", "id"], name="harvest_by_type"),
            models.Index(fields=["datestamp", "id"], name="harvest_by_datestamp"),
            models.Index(fields=["record_type", "identifier"], name="harvest_by_identifier"),
        ]

    def __str__(self):
        state = "deleted" if self.deleted else "published"
        return f"{self.record_type}/{self.identifier} ({state} {self.datestamp:%Y-%m-%d %H:%M:%S})"
