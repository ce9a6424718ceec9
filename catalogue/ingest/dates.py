"""Dates as written in English prose, with their EDTF value.

"October 19, 1956" -> 1956-10-19, "October 1956" -> 1956-10, "1951" -> 1951,
"the 1950s" -> 195X. A day and month without a year ("Moscow, October 19.")
takes the year of its context (a newspaper's date) when the caller gives one;
the year is then marked as supplied, so it is shown in square brackets.
"""

import datetime
import re

from .results import DateMention

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d{2})"

# Most specific first: a span taken by one pattern is not matched again by a later one.
_PATTERNS = [
    re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b"),
    re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}\b"),
    re.compile(rf"\b{_MONTH},? {_YEAR}\b"),
    re.compile(rf"\b{_MONTH} {_DAY}\b(?![,]? ?\d)"),
    re.compile(r"\b(?P<decade>1\d{2}0|20\d0)s\b"),
    re.compile(rf"(?<![\d.,-]){_YEAR}\b(?![.,]?\d)"),
]


def _edtf(match, context_year):
    groups = match.groupdict()
    if groups.get("decade"):
        return groups["decade"][:3] + "X", None
    year = groups.get("year")
    supplied = None
    if year is None and context_year is not None:
        year, supplied = str(context_year), context_year
    month = MONTHS[groups["month"]] if groups.get("month") else None
    day = int(groups["day"]) if groups.get("day") else None
    if year is None:
        # A day without a year has no EDTF value that sorts: keep it as written only.
        return "", None
    try:
        datetime.date(int(year), month or 1, day or 1)
    except ValueError:
        return None, None
    value = year
    if month:
        value += f"-{month:02d}"
    if day:
        value += f"-{day:02d}"
    return value, supplied


def find_dates(text, offset=0, context_year=None):
    """Return the DateMentions in `text`; spans are shifted by `offset`."""
    found, taken = [], []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            edtf, supplied = _edtf(match, context_year)
            if edtf is None:
                continue
            taken.append((start, end))
            found.append(
                DateMention(
                    text=match.group(),
                    start=start + offset,
                    end=end + offset,
                    edtf=edtf,
                    supplied_year=supplied,
                )
            )
    return sorted(found, key=lambda d: d.start)


def compatible(general, specific):
    """True when the EDTF value `specific` lies within `general` (1956-10-19 within 1956)."""
    return specific.startswith(general.rstrip("X"))
