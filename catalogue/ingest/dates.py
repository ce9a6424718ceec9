"""Dates as written in English prose, with their EDTF value.

"October 19, 1956", "19 October 1956", "Oct. 19, 1956" and "1956-10-19" ->
1956-10-19; "October 1956" -> 1956-10; "1951" -> 1951; "the 1950s" -> 195X;
"the autumn of 1956" -> 1956-23 (EDTF season); "c. 1956" -> 1956~; ranges
"1945–1956", "between 1950 and 1952", "from March to May 1951" and
"18–24 April 1955" -> EDTF intervals (1945/1956, 1951-03/1951-05...).
A day and month without a year ("Moscow, October 19.") takes the year of its
context (a newspaper's date) when the caller gives one; the year is then
marked as supplied, so it is shown in square brackets.

Phrases EDTF cannot state ("early 1956", "the mid-1950s") are read as their
plain year or decade only where those words stand alone; nothing is guessed.
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
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d{2})"
_DASH = r"\s*[-\u2010-\u2013]\s*"
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def _named(pattern, suffix):
    """`pattern` with its group names suffixed, for the second end of a range."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", pattern)


# Most specific first: a span taken by one pattern is not matched again by a later one.
_PATTERNS = [
    # Ranges, written as one phrase so that its span supports the interval.
    re.compile(rf"\b{_MONTH} {_DAY}{_DASH}{_named(_DAY, '2')},? {_YEAR}\b"),
    re.compile(rf"\b(?:from )?{_DAY}(?:{_DASH}| to ){_named(_DAY, '2')} {_MONTH},? {_YEAR}\b"),
    # "and" joins the ends of a range only after "between": "in 1951 and 1952" is two years.
    re.compile(rf"\bbetween {_MONTH} and {_named(_MONTH, '2')},? {_YEAR}\b"),
    re.compile(rf"\b(?:from )?{_MONTH}(?:{_DASH}| to ){_named(_MONTH, '2')},? {_YEAR}\b"),
    re.compile(rf"\bbetween {_YEAR} and {_named(_YEAR, '2')}\b"),
    re.compile(rf"\b(?:from )?{_YEAR}(?:{_DASH}| to ){_named(_YEAR, '2')}\b"),
    re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b"),
    re.compile(rf"\b{_DAY}(?: of)? {_MONTH},? {_YEAR}\b"),
    re.compile(r"\b(?P<year>1\d{3}|20\d{2})-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b(?:the )?(?P<season>{'|'.join(SEASONS)}) (?:of )?{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?(?: of)? {_YEAR}\b"),
    re.compile(rf"\b{_MONTH} {_DAY}\b(?![,]? ?\d)"),
    re.compile(r"\b(?P<decade>1\d{2}0|20\d0)s\b"),
    re.compile(rf"(?:\b(?P<circa>c\.|ca\.|circa) )?(?<![\d.,-]){_YEAR}\b(?![.,]?\d)"),
]


def _calendar(year, month, day):
    """The EDTF value of a calendar date to the precision given, or None if no such date."""
    try:
        datetime.date(int(year), month or 1, day or 1)
    except ValueError:
        return None
    value = year
    if month:
        value += f"-{month:02d}"
    if day:
        value += f"-{day:02d}"
    return value


def _month(groups, name):
    if groups.get(name):
        return MONTHS[groups[name]]
    return int(groups["nmonth"]) if name == "month" and groups.get("nmonth") else None


def _range(groups):
    """The EDTF interval of a range phrase: both ends share what the phrase gives once."""
    year = groups["year"]
    month, month2 = _month(groups, "month"), _month(groups, "month2")
    day, day2 = groups.get("day"), groups.get("day2")
    if groups.get("year2"):
        first, last = year, groups["year2"]
    elif month2:
        first, last = _calendar(year, month, None), _calendar(year, month2, None)
    else:
        first = _calendar(year, month, int(day))
        last = _calendar(year, month, int(day2))
    if not first or not last or last <= first:
        return None
    return f"{first}/{last}"


def _edtf(match, context_year):
    groups = match.groupdict()
    if groups.get("decade"):
        return groups["decade"][:3] + "X", None
    if any(groups.get(name) for name in ("year2", "month2", "day2")):
        return _range(groups), None
    if groups.get("season"):
        return f"{groups['year']}-{SEASONS[groups['season'].lower()]}", None
    year = groups.get("year")
    supplied = None
    if year is None and context_year is not None:
        year, supplied = str(context_year), context_year
    month = _month(groups, "month")
    day = int(groups["day"]) if groups.get("day") else None
    if year is None:
        # A day without a year has no EDTF value that sorts: keep it as written only.
        return "", None
    value = _calendar(year, month, day)
    if value and groups.get("circa"):
        value += "~"
    return value, supplied


def find_dates(text: str, offset: int = 0, context_year: int | None = None) -> list[DateMention]:
    """Return the DateMentions in `text`; spans are shifted by `offset`."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
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


def most_specific(dates):
    """The most precise of `dates` whose EDTF value is set, or None.

    Precision is the length of the value (1956 < 1956-10 < 1956-10-19); among
    equals the first given wins, so the result does not depend on set order.
    """
    dated = [d for d in dates if is_calendar_date(d.edtf)]
    return max(dated, key=lambda d: len(d.edtf), default=None)


_CALENDAR = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$")


def is_calendar_date(value: str) -> bool:
    """True for a plain year, month or day (not a range, season, decade or approximation)."""
    return bool(_CALENDAR.match(value or ""))


def compatible(general: str, specific: str) -> bool:
    """True when the EDTF value `specific` lies within `general` (1956-10-19 within 1956)."""
    return specific.startswith(general.rstrip("X"))
