"""Facet counts kept in the shared cache (Redis when REDIS_URL is set, else this
process's memory), by filter state, so a browse page does not group the whole
table on every view.

An entry's key holds a catalogue-wide version number; every save or delete of
a record or a document's party bumps it (catalogue/signals.py), so a reader
sees new counts on the first page view after a write. A save that changes
only long texts (a description, a transcription, a note: TextFields, which no
facet groups or names) and the record's stamps leaves the counts as they are,
so editors at work do not make every reader count again. Deep pages (reached by
a cursor) take the counts from the cache and never compute them: a reader
paging far down a list gets the facets of its first page, or none.
"""

import contextlib
import hashlib
import json
import time

from django.core.cache import cache

from catalogue.models.base import sees_drafts

VERSION_KEY = "facets:version"
# Entries of older versions are never read again; they leave after this.
ENTRY_SECONDS = 3600
# Parameters that move through a list or reorder it: the counts are the same.
NOT_FILTERS = frozenset({"cursor", "after", "before", "per_page", "limit", "ordering"})


def version():
    # A version that went missing (evicted, cache restarted) restarts from the
    # clock, never from a number whose entries may still be stored.
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        current = cache.get(VERSION_KEY)
    return current


def bump(**_signal):
    """Make every stored facet count stale (a record or a party was written)."""
    with contextlib.suppress(ValueError):  # no version yet: the next reader starts one
        cache.incr(VERSION_KEY)


def bump_after_save(sender, instance, **_signal):
    """bump() unless the save changed only long texts, which no facet groups or
    names (CatalogueRecord.save says which)."""
    if not getattr(instance, "only_long_texts_changed", False):
        bump()


def versioned_keys(namespace, user, labels):
    """Cache keys for `labels` (JSON-able) as `user` sees the catalogue (with
    drafts or without), under the current version: stale after the next bump."""
    current = version()
    return [
        f"{namespace}:{current}:"
        + hashlib.sha256(json.dumps([label, sees_drafts(user)]).encode()).hexdigest()
        for label in labels
    ]


def key(model, user, params):
    state = sorted(
        (name, value)
        for name in params
        if name not in NOT_FILTERS
        for value in params.getlist(name)
        if value
    )
    return versioned_keys("facets", user, [[model._meta.label, state]])[0]


def cached_facets(model, user, params, *, deep, compute):
    """The facets for this filter state: stored ones, else `compute()` (stored
    for the next reader), else on a deep page none."""
    entry = key(model, user, params)
    facets = cache.get(entry)
    if facets is None and not deep:
        facets = compute()
        cache.set(entry, facets, ENTRY_SECONDS)
    return facets or []
