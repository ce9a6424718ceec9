"""The timeline: every dated document and article on one time axis.

Drawn as server-side SVG (attributes, no inline style, so the page's CSP
holds) with an ordered list beside it that says the same in words. Each
entry spans its earliest to latest day, so "1956", "1956~" and
"1945-08/1956-10" are drawn as the ranges they are.
"""

import datetime
from dataclasses import dataclass

from catalogue.models import Article, Document

from .facets import decade_counts, year_spans

MAX_ENTRIES = 500
WIDTH = 960
ROW = 26
TOP = 34
MIN_BAR = 6


@dataclass
class Entry:
    record: object
    type_label: str
    earliest: datetime.date
    latest: datetime.date
    x: float = 0
    width: float = 0
    y: float = 0
    label_x: float = 0
    label_anchor: str = "start"

    @property
    def is_range(self):
        return self.earliest != self.latest


@dataclass
class Timeline:
    entries: list
    ticks: list
    height: int
    width: int
    total: int
    capped: bool
    decades: list


def _dated(model, user, decade):
    queryset = model.objects.visible_to(user).dated()
    if decade is not None:
        queryset = queryset.overlapping_years(decade, decade + 9)
    return queryset


def timeline(user, decade=None):
    """The dated records `user` may see (within `decade` if given), laid out."""
    documents = _dated(Document, user, decade).order_by("date_earliest", "title", "pk")
    articles = _dated(Article, user, decade).defer("source_text", "body")
    articles = articles.order_by("date_earliest", "title", "pk")
    rows = [(d, "Document") for d in documents[: MAX_ENTRIES + 1]]
    rows += [(a, "Article") for a in articles[: MAX_ENTRIES + 1]]
    rows.sort(key=lambda r: (r[0].date_earliest, r[0].date_latest, str(r[0])))
    capped = len(rows) > MAX_ENTRIES
    entries = [
        Entry(record, label, record.date_earliest, record.date_latest or record.date_earliest)
        for record, label in rows[:MAX_ENTRIES]
    ]
    spans = year_spans(_dated(Document, user, None)) + year_spans(_dated(Article, user, None))
    return _layout(entries, capped, decade_counts(spans))


def _layout(entries, capped, decades):
    if not entries:
        return Timeline([], [], 0, WIDTH, 0, capped, decades)
    first_year = min(e.earliest.year for e in entries)
    last_year = max(e.latest.year for e in entries) + 1
    step = next(
        s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if (last_year - first_year) / s <= 12
    )
    first_year -= first_year % step
    while (last_year - first_year) % step:
        last_year += 1
    start = datetime.date(first_year, 1, 1).toordinal()
    end = datetime.date(min(last_year, 9999), 1, 1).toordinal()
    span = max(end - start, 1)

    def x_of(day):
        return round((day.toordinal() - start) / span * WIDTH, 1)

    ticks = [
        (year, x_of(datetime.date(year, 1, 1))) for year in range(first_year, last_year + 1, step)
    ]
    for row, entry in enumerate(entries):
        entry.x = x_of(entry.earliest)
        entry.width = max(x_of(entry.latest) - entry.x, MIN_BAR)
        entry.y = TOP + row * ROW
        # Labels go right of the bar, or left of it when near the right edge.
        if entry.x > WIDTH * 0.6:
            entry.label_x, entry.label_anchor = entry.x - 6, "end"
        else:
            entry.label_x = entry.x + entry.width + 6
    return Timeline(
        entries, ticks, TOP + len(entries) * ROW + 10, WIDTH, len(entries), capped, decades
    )
