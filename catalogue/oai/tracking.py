"""Keep HarvestEntry rows in step with the records: every save and delete of
a record type with public pages passes through here (signals), whichever
path made it: the services, the admin, the unpublish cascade, imports,
loaddata.

- published: the entry exists, not deleted, datestamped with `modified`;
- unpublished: an existing entry turns deleted, datestamped with the save;
- deleted: an existing entry turns deleted, datestamped now;
- a draft never published has no entry: harvesters never hear of it.

Raw saves (loaddata, a restore) are left alone: they bring their own entries,
and `entries_rebuild` fills in what an older dump or the seed lacks.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from catalogue.models import HarvestEntry, Status
from catalogue.record_types import with_pages


def harvested_names():
    """The model names of the records harvesters see: every record type with public pages."""
    return [record_type.name for record_type in with_pages()]


def harvested_models():
    return [apps.get_model("catalogue", name) for name in harvested_names()]


def entry_track(*, record):
    """Bring `record`'s entry in line with its stored state (after a save)."""
    record_type = record._meta.model_name
    entries = HarvestEntry.objects.filter(record_type=record_type, record_id=record.pk)
    if record.status == Status.PUBLISHED:
        values = {"identifier": record.identifier, "datestamp": record.modified, "deleted": False}
        if not entries.update(**values):
            HarvestEntry.objects.create(record_type=record_type, record_id=record.pk, **values)
    else:
        # Only a change of published state moves the datestamp: editing a
        # record that is already gone tells harvesters nothing new.
        entries.filter(deleted=False).update(deleted=True, datestamp=record.modified)


def entry_forget(*, record_type, record_id):
    """Mark a deleted record's entry deleted, as of now."""
    HarvestEntry.objects.filter(record_type=record_type, record_id=record_id).update(
        deleted=True, datestamp=timezone.now()
    )


def record_saved(sender, instance, created=False, raw=False, **kwargs):
    if getattr(instance, "_skip_search_index", False):
        return  # an import preview's save, rolled back anyway (admin/resources.py)
    if raw:
        # loaddata and restore_catalogue: a dump or an archive carries its own
        # entries (with their deletions); the seed and a restore then add what
        # is missing (entries_rebuild).
        return
    if created and instance.status != Status.PUBLISHED:
        return  # a new draft has no entry to change
    entry_track(record=instance)


def record_deleted(sender, instance, **kwargs):
    entry_forget(record_type=sender._meta.model_name, record_id=instance.pk)


def connect(models=None):
    for model in models or harvested_models():
        name = model.__name__
        post_save.connect(record_saved, sender=model, dispatch_uid=f"oai-save-{name}")
        post_delete.connect(record_deleted, sender=model, dispatch_uid=f"oai-delete-{name}")


def entries_rebuild(*, progress=None):
    """Catch up with writes that sent no signal: add entries for published
    records that have none (or whose entry says deleted), mark deleted the
    entries whose record is no longer published or no longer exists.
    Returns {"added": n, "restored": n, "deleted": n}."""
    counts = {"added": 0, "restored": 0, "deleted": 0}
    now = timezone.now()
    for model in harvested_models():
        record_type = model._meta.model_name
        entries = HarvestEntry.objects.filter(record_type=record_type)
        published = model._default_manager.filter(status=Status.PUBLISHED)
        gone = entries.filter(deleted=False).exclude(record_id__in=published.values("pk"))
        counts["deleted"] += gone.update(deleted=True, datestamp=now)
        tracked = entries.values("record_id")
        restored = published.filter(pk__in=entries.filter(deleted=True).values("record_id"))
        for pk, identifier, modified in restored.values_list("pk", "identifier", "modified"):
            entries.filter(record_id=pk).update(
                identifier=identifier, datestamp=modified, deleted=False
            )
            counts["restored"] += 1
        missing = published.exclude(pk__in=tracked).order_by("modified", "pk")
        batch = []
        for pk, identifier, modified in missing.values_list("pk", "identifier", "modified"):
            batch.append(
                HarvestEntry(
                    record_type=record_type, record_id=pk, identifier=identifier, datestamp=modified
                )
            )
            if len(batch) >= 2000:
                counts["added"] += len(HarvestEntry.objects.bulk_create(batch))
                batch = []
                if progress:
                    progress(record_type, counts)
        counts["added"] += len(HarvestEntry.objects.bulk_create(batch))
        if progress:
            progress(record_type, counts)
    return counts
