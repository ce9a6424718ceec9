"""Keeping the search index current: what text each record contributes, and
writing it. Called by the save/delete hooks (catalogue/signals.py) and by
`manage.py rebuild_search_index`."""

from dataclasses import dataclass, field

from django.db import transaction

from catalogue.models.search import AUTHORITY_TYPES, RECORD_TYPES, SearchEntry, SearchName

from . import get_backend, model_for
from .text import clean_text, words


@dataclass
class EntryText:
    record_type: str
    record_id: int
    title: str
    names: str
    body: str
    modified: object
    name_list: list = field(default_factory=list)


def record_type_of(record):
    name = type(record)._meta.model_name
    return name if name in RECORD_TYPES else None


def _join(*parts):
    return "\n\n".join(clean_text(str(p)) for p in parts if p)


def entry_text(record):
    """The text one record is found by, split by weight (title, names, body)."""
    record_type = record_type_of(record)
    title, names, body = record.search_text()
    names = [str(n) for n in names if n]
    # An authority's names also widen searches that name it (SearchName rows).
    name_list = [str(title), *names] if record_type in AUTHORITY_TYPES else []
    return EntryText(
        record_type=record_type,
        record_id=record.pk,
        title=clean_text(title),
        names=_join(*names),
        body=_join(*body),
        modified=record.modified,
        name_list=name_list,
    )


@transaction.atomic
def index_records(records):
    """Write the index entries of `records` (any mix of types); returns how many."""
    rows = [entry_text(r) for r in records if record_type_of(r) and r.pk is not None]
    if not rows:
        return 0
    ids = get_backend().upsert(rows)
    authority_ids = [
        ids[(row.record_type, row.record_id)] for row in rows if row.record_type in AUTHORITY_TYPES
    ]
    if authority_ids:
        SearchName.objects.filter(entry_id__in=authority_ids).delete()
        SearchName.objects.bulk_create(
            SearchName(entry_id=ids[(row.record_type, row.record_id)], key=key, name=name[:300])
            for row in rows
            if row.record_type in AUTHORITY_TYPES
            for name in row.name_list
            if (key := " ".join(words(name))[:300])
        )
    return len(rows)


def unindex(record_type, record_ids):
    """Remove the entries of deleted records; returns how many went."""
    deleted, _ = SearchEntry.objects.filter(
        record_type=record_type, record_id__in=list(record_ids)
    ).delete()
    return deleted


def indexable(record_type):
    return model_for(record_type).objects.for_search_index().order_by("pk")


def rebuild(*, batch_size=500, progress=None):
    """Re-index every record, type by type, and drop entries whose record is
    gone. `progress(record_type, done, total)` is called after each batch.
    Returns {record_type: (indexed, removed)}.

    Into an empty index (a first build, a bulk load) the backend may set its
    match index aside and build it once at the end (PostgreSQL's GIN index:
    updating it row by row was most of a million documents' build); nothing
    can be searched for in an empty index meanwhile anyway."""
    backend = get_backend()
    bulk = not SearchEntry.objects.exists()
    if bulk:
        backend.before_bulk_build()
    try:
        return _rebuild(batch_size, progress)
    finally:
        backend.after_rebuild(bulk=bulk)


def _rebuild(batch_size, progress):
    summary = {}
    for record_type in RECORD_TYPES:
        queryset = indexable(record_type)
        total, done, batch = queryset.count(), 0, []
        if progress:
            progress(record_type, 0, total)
        for record in queryset.iterator(chunk_size=batch_size):
            batch.append(record)
            if len(batch) >= batch_size:
                done += index_records(batch)
                batch = []
                if progress:
                    progress(record_type, done, total)
        done += index_records(batch)
        if progress:
            progress(record_type, done, total)
        stale = SearchEntry.objects.filter(record_type=record_type).exclude(
            record_id__in=model_for(record_type).objects.values("pk")
        )
        removed = stale.count()
        if removed:
            unindex(record_type, stale.values_list("record_id", flat=True))
        summary[record_type] = (done, removed)
    return summary
