"""The one search entry point (interim: a plain substring match).

The full-text backends (SQLite FTS5, PostgreSQL) replace the matching below
without changing this interface, which pages and the API already call.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Model, Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Article, Document, Organisation, Person, Place

RECORD_TYPES = ("document", "article", "person", "organisation", "place")
MODELS = {
    "document": Document,
    "article": Article,
    "person": Person,
    "organisation": Organisation,
    "place": Place,
}
COUNT_CAP = 10_000
MAX_QUERY_LENGTH = 500
_FIELDS = {
    "document": ("title", "description", "transcription"),
    "article": ("title", "body"),
    "person": ("name", "variants"),
    "organisation": ("name", "variants"),
    "place": ("name", "variants"),
}


@dataclass
class SearchHit:
    type: str
    record: Model
    title: str
    url: str
    snippet: SafeString
    rank: float


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
    def total_display(self):
        return f"{COUNT_CAP:,}+" if self.total_is_capped else f"{self.total:,}"


def _clean(query):
    return " ".join((query or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH].strip('"')


def _queryset(type_, query, user):
    model = MODELS[type_]
    condition = Q()
    for name in _FIELDS[type_]:
        condition |= Q(**{f"{name}__icontains": query})
    return model.objects.visible_to(user).filter(condition)


def _snippet(text, query):
    position = text.casefold().find(query.casefold())
    if position < 0:
        return escape(text[:200])
    start = max(0, position - 80)
    end = position + len(query)
    return mark_safe(  # noqa: S308 - every part is escaped
        escape(text[start:position])
        + "<mark>"
        + escape(text[position:end])
        + "</mark>"
        + escape(text[end : end + 120])
    )


def search(query, *, user=None, types: Iterable[str] | None = None, limit=20, offset=0):
    query = _clean(query)
    results = SearchResults(query=query)
    if not query:
        return results
    for type_ in [t for t in RECORD_TYPES if types is None or t in set(types)]:
        qs = _queryset(type_, query, user)
        results.counts_by_type[type_] = qs.count()
        for record in qs[: offset + limit]:
            text = " ".join(str(getattr(record, f) or "") for f in _FIELDS[type_])
            results.hits.append(
                SearchHit(
                    type_,
                    record,
                    str(record),
                    record.get_absolute_url(),
                    _snippet(text, query),
                    1.0,
                )
            )
    results.total = sum(results.counts_by_type.values())
    results.hits = results.hits[offset : offset + limit]
    return results


def matching_pks(query, *, model, user=None):
    query = _clean(query)
    type_ = next(t for t, m in MODELS.items() if m is model)
    if not query:
        return []
    return list(_queryset(type_, query, user).values_list("pk", flat=True)[:COUNT_CAP])


def suggest(query):
    return None
