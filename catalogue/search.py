"""Full-text search across the catalogue: the one entry point.

    search("Hatoyama reparations", user=request.user, types=["article"])
    matching_pks('"hand over to Japan"', model=Document, user=request.user)
    suggest("Hatoyma")

Queries use words (all must match), "quoted phrases", OR between two terms
and -word to exclude; case and accents are folded and English words stemmed.
A name of a person, organisation or place also finds that record's other
names ("U.S.S.R." finds "USSR" and "Soviet Union"). SQLite (FTS5) and
PostgreSQL (tsvector + GIN) give the same records in the same order; see
catalogue/search_backends/. Bad queries never raise: they find nothing, or
what their words find.
"""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model, Q
from django.utils.safestring import SafeString

from catalogue.models.search import AUTHORITY_TYPES, RECORD_TYPES, SearchName
from catalogue.search_backends import COUNT_CAP, get_backend, model_for
from catalogue.search_backends.query import MAX_QUERY_LENGTH, clean_query, expand, name_keys, parse
from catalogue.search_backends.text import WORD_RE, Highlighter, fold
from catalogue.selectors import facet_cache

__all__ = [
    "COUNT_CAP",
    "RECORD_TYPES",
    "SearchHit",
    "Matches",
    "SearchResults",
    "explain",
    "matches",
    "matching_pks",
    "search",
    "suggest",
]

# Above this many matches, scoring every one costs more than it is worth to
# the reader: the newest matches are shown first instead (ranked=False).
DEFAULT_RANK_LIMIT = 2_000
MATCHING_PKS_LIMIT = 10_000
# Names compared with a misspelt query; more than any catalogue here holds.
SUGGEST_NAME_LIMIT = 50_000

UNRANKED_NOTICE = (
    "Showing most recent matches: this search matches more than {limit:,} records, too "
    'many to rank by relevance. Add words or use a "quoted phrase" to narrow it.'
)
NO_WORDS_NOTICE = "Nothing to search for: type at least one word that results must contain."
TRUNCATED_NOTICE = "Only the first {limit} characters of the query were searched."


@dataclass
class SearchHit:
    type: str
    record: Model
    title: str
    url: str
    snippet: SafeString
    rank: float
    title_html: SafeString = field(default_factory=lambda: SafeString(""))


@dataclass
class SearchResults:
    query: str
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    total_is_capped: bool = False
    ranked: bool = True
    notice: str = ""
    counts_by_type: dict[str, int] = field(default_factory=dict)
    suggestion: str | None = None

    @property
    def total_display(self) -> str:
        return f"{self.total:,}+" if self.total_is_capped else f"{self.total:,}"


def rank_limit():
    return getattr(settings, "SEARCH_RANK_LIMIT", DEFAULT_RANK_LIMIT)


def _types(types):
    if types is None:
        return list(RECORD_TYPES)
    wanted = {str(t) for t in types}
    return [t for t in RECORD_TYPES if t in wanted]


def _authority_visibility(user):
    visible = Q()
    for record_type in AUTHORITY_TYPES:
        visible |= Q(
            entry__record_type=record_type,
            entry__record_id__in=model_for(record_type).objects.visible_to(user).values("pk"),
        )
    return visible


def _names_by_key(keys, user):
    """{key: [name words, ...]}: every name of each authority that `key` names."""
    if not keys:
        return {}
    named = SearchName.objects.filter(_authority_visibility(user), key__in=keys).values("entry")
    rows = SearchName.objects.filter(entry__in=named).values_list("entry_id", "key")
    names_of, entries_of = {}, {}
    for entry_id, key in rows:
        names_of.setdefault(entry_id, []).append(tuple(key.split()))
        if key in keys:
            entries_of.setdefault(key, []).append(entry_id)
    return {
        key: list(dict.fromkeys(n for entry in entries for n in names_of[entry]))
        for key, entries in entries_of.items()
    }


def _prepare(query, user):
    parsed = parse(query)
    if parsed.is_empty:
        return parsed
    return expand(parsed, _names_by_key(name_keys(parsed), user))


def _cap(count):
    return min(count, COUNT_CAP), count > COUNT_CAP


# A count past the rank limit is kept this long in the shared cache.
KEPT_COUNT_SECONDS = 60


def _counts(parsed, user, types=RECORD_TYPES):
    """Matches per record type, each counted no further than COUNT_CAP + 1.

    Counting a common word is most of what its search costs: each match is
    checked for visibility (a word in 1 % of 1,000,000 documents: 9,476 checks,
    30 to 50 ms). Counts past the rank limit ("too many to rank", and
    "10,000+" at the cap) are kept in the shared cache for KEPT_COUNT_SECONDS,
    and until a record is published, withdrawn or otherwise changed in more
    than its long texts (the facets' version, selectors/facet_cache.py): an
    edit of descriptions alone may leave such a count one or two out for up to
    a minute. The page of matches itself is always read afresh, and counts
    within the rank limit are cheap and always counted afresh."""
    backend = get_backend()
    labels = [[t, backend.match_sql(parsed, t)] for t in types]
    keys = dict(zip(types, facet_cache.versioned_keys("searchcount", user, labels), strict=True))
    stored = cache.get_many(list(keys.values()))
    counts = {t: stored[keys[t]] for t in types if keys[t] in stored}
    missing = [t for t in types if t not in counts]
    if missing:
        counted = backend.counts(parsed, user, types=missing)
        kept = {keys[t]: n for t, n in counted.items() if n > rank_limit()}
        if kept:
            cache.set_many(kept, KEPT_COUNT_SECONDS)
        counts.update(counted)
    return {t: counts[t] for t in types}


def search(
    query: str,
    *,
    user=None,
    types: Iterable[str] | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Ranked, highlighted hits for `query` among the records `user` may see."""
    text = clean_query(query)
    results = SearchResults(query=text, counts_by_type=dict.fromkeys(RECORD_TYPES, 0))
    notices = []
    if len(" ".join(str(query or "").split())) > MAX_QUERY_LENGTH:
        notices.append(TRUNCATED_NOTICE.format(limit=MAX_QUERY_LENGTH))
    parsed = _prepare(text, user)
    wanted = _types(types)
    if parsed.is_empty or not wanted:
        if text:
            notices.append(NO_WORDS_NOTICE)
        results.notice = " ".join(notices)
        return results

    backend = get_backend()
    counts = _counts(parsed, user)
    for record_type, count in counts.items():
        results.counts_by_type[record_type] = _cap(count)[0]
    results.total, results.total_is_capped = _cap(sum(counts[t] for t in wanted))
    results.ranked = results.total <= rank_limit()
    if not results.ranked:
        notices.append(UNRANKED_NOTICE.format(limit=rank_limit()))
    results.notice = " ".join(notices)
    if results.total == 0:
        results.suggestion = suggest(text)
        return results

    limit, offset = max(0, min(int(limit), 100)), max(0, int(offset))
    rows = backend.hits(
        parsed,
        user,
        wanted,
        ranked=results.ranked,
        capped=results.total_is_capped,
        limit=limit,
        offset=offset,
    )
    results.hits = _hits(rows, parsed, user)
    return results


def _hits(rows, parsed, user):
    """Hits for page rows, their records fetched in one query per type."""
    ids_by_type = {}
    for _, record_type, record_id, *_ in rows:
        ids_by_type.setdefault(record_type, []).append(record_id)
    records = {
        # Unordered, so the rows are looked up by key (see listing._ranked_page).
        record_type: model_for(record_type).objects.listing_for(user).order_by().in_bulk(ids)
        for record_type, ids in ids_by_type.items()
    }
    highlighter = Highlighter(parsed.highlight_terms())
    hits = []
    for _, record_type, record_id, _title, names, body, tier, score in rows:
        record = records[record_type].get(record_id)
        if record is None:  # deleted or hidden since the match was made
            continue
        snippet = highlighter.snippet(body) or highlighter.snippet(names)
        if snippet is None:
            snippet = Highlighter.opening(body or names)
        score = max(float(score or 0), 0.0)
        hits.append(
            SearchHit(
                type=record_type,
                record=record,
                title=str(record),
                url=record.get_absolute_url(),
                snippet=snippet,
                rank=float(tier) + score / (1 + score),
                title_html=highlighter.whole(str(record)),
            )
        )
    return hits


@dataclass
class Matches:
    """The records of one type that a query matches, as a reader may see them:
    counted up to COUNT_CAP, in the order of search()'s hits (best first up to
    the rank limit, most recently changed first past it), read a window at a
    time so that a common word's thousands of matches are never all listed."""

    parsed: Any
    record_type: str
    user: Any
    count: int = 0
    capped: bool = False
    ranked: bool = True

    def pks(self, *, offset: int = 0, limit: int = MATCHING_PKS_LIMIT) -> list[int]:
        """Primary keys from position `offset` on, at most `limit`, never past
        position MATCHING_PKS_LIMIT (the bound of what a search lists)."""
        limit = min(limit, MATCHING_PKS_LIMIT - offset)
        if not self.count or limit <= 0:
            return []
        return get_backend().matching_ids(
            self.parsed,
            self.user,
            self.record_type,
            ranked=self.ranked,
            capped=self.capped,
            limit=limit,
            offset=offset,
        )


def matches(query: str, *, model, user=None) -> Matches:
    """The matches of `query` among `model`'s records that `user` may see, counted
    (capped at COUNT_CAP) but not yet read: for the listing pipeline
    (catalogue/selectors/listing.py), which reads one page of them or, beside
    other filters, the bounded list it intersects with what they leave."""
    record_type = model._meta.model_name
    parsed = _prepare(query, user)
    found = Matches(parsed, record_type, user)
    if parsed.is_empty or record_type not in RECORD_TYPES:
        return found
    count = _counts(parsed, user, types=[record_type])[record_type]
    found.count, found.capped = _cap(count)
    found.ranked = count <= rank_limit()
    return found


def matching_pks(query: str, *, model, user=None) -> list[int]:
    """Primary keys of `model` records matching `query`, best first (bounded)."""
    return matches(query, model=model, user=user).pks()


def explain(query: str, *, user=None, types: Iterable[str] | None = None) -> str:
    """The database's plan for the page of hits `search` would read: for
    checking that rare words use the full-text index."""
    parsed = _prepare(query, user)
    if parsed.is_empty:
        return ""
    backend = get_backend()
    wanted = _types(types)
    total = sum(backend.counts(parsed, user, types=wanted).values())
    return backend.explain(
        parsed, user, wanted, ranked=total <= rank_limit(), capped=total > COUNT_CAP
    )


def suggest(query: str) -> str | None:
    """A spelling of `query` that names a published person, organisation or
    place ("Hatoyma" -> "Hatoyama"), or None when nothing is close."""
    written = [m.group() for m in WORD_RE.finditer(clean_query(query))]
    folded = [fold(w) for w in written]
    if not folded or all(len(w) < 4 for w in folded):
        return None
    names = dict(
        SearchName.objects.filter(_authority_visibility(None))
        .order_by("key")
        .values_list("key", "name")[:SUGGEST_NAME_LIMIT]
    )
    query_key = " ".join(folded)
    if query_key in names:
        return None
    close = difflib.get_close_matches(query_key, names, n=1, cutoff=0.8)
    if close:
        return names[close[0]]
    # Word by word: a misspelt surname inside a longer query.
    vocabulary = {}
    for name in names.values():
        for word in WORD_RE.findall(name):
            vocabulary.setdefault(fold(word), word)
    changed, out = False, []
    for word, key in zip(written, folded, strict=True):
        if len(key) >= 4 and key not in vocabulary:
            close = difflib.get_close_matches(key, vocabulary, n=1, cutoff=0.8)
            if close:
                out.append(vocabulary[close[0]])
                changed = True
                continue
        out.append(word)
    return " ".join(out) if changed else None
