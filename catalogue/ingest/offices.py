"""Offices written before a person's name: "Prime Minister Nobusuke Kishi",
"Soviet Premier Nikita Khrushchev", "the Japanese delegate Toshikazu Kase",
"Japan's PM Ichiro Hatoyama", "the envoy John Foster Dulles".

The office is what a catalogue records ("Prime Minister"); the qualifier
before it ("Japanese", "Japan's") is kept in the note, as written.
"""

import re

# Longest first, so that "Vice President" is not read as "President".
_TITLES = sorted(
    [
        "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
        "Minister of Foreign Affairs", "Defence Minister", "Defense Minister", "Finance Minister",
        "Minister", "Vice President",
        "President", "Vice Premier", "Premier", "Chancellor", "Secretary of State",
        "Secretary-General", "Secretary General", "General Secretary", "First Secretary",
        "Foreign Secretary", "Chief Cabinet Secretary", "Ambassador", "Envoy", "Special Envoy",
        "Emperor", "Empress", "King", "Queen", "Crown Prince", "Prince", "Princess", "General",
        "Admiral", "Marshal", "Field Marshal", "Senator", "Governor", "Mayor", "Chairman",
        "Chairwoman", "Speaker", "Consul General", "Consul", "Commissioner", "PM",
        "Chief Executive", "Chief Minister", "Chief Justice", "Governor-General",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
# Offices that are written in lower case before a name ("the envoy John Foster Dulles").
_LOWER = [
    "ambassador", "envoy", "special envoy", "delegate", "chief delegate", "press secretary",
    "negotiator", "chief negotiator", "prime minister", "foreign minister", "president",
]  # fmt: skip
OFFICE_WORDS = "|".join(re.escape(t) for t in _TITLES + sorted(_LOWER, key=len, reverse=True))
# "Japanese", "Soviet", "Indian" or a possessive ("Japan's", "Indonesia's") before the office.
_QUALIFIER = r"(?:[A-Z][\w-]*(?:'s|\u2019s)|[A-Z][a-z]+(?:ese|ian|an|ish|i|ic)|Soviet|Thai|Greek)"
OFFICE = re.compile(rf"(?:(?P<qualifier>{_QUALIFIER}) )?\b(?P<office>{OFFICE_WORDS})\b(?= [A-Z])")
# An office directly before the point where a name starts.
OFFICE_BEFORE = re.compile(rf"\b(?P<office>{OFFICE_WORDS}) $")


def office_before(source: str, start: int, limit: int = 0) -> re.Match[str] | None:
    """The OFFICE match ending one space before `start` (a person's name), or None.
    Nothing before `limit` (the sentence's start) is looked at."""
    window_start = max(limit, start - 80)
    before = source[window_start:start]
    last = None
    for last in OFFICE.finditer(before + source[start : start + 1]):  # noqa: B007
        pass
    if last is None or before[last.end() :] != " ":
        return None
    return OFFICE.match(source, window_start + last.start())
