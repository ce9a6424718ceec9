"""The controlled vocabulary (people, organisations, places, documents and
topics with their name variants) and the matcher that finds their names in a
text.

Matching rules: a name matches on word boundaries only; the longest match
wins where names overlap ("Treaty of Peace with Japan" over "Japan");
abbreviations (names without a lower-case letter, such as "U.S.S.R." or
"UN") match with their exact case, other names ignore case; dashes,
apostrophes and runs of white space in a name match any of their forms.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from .results import Mention, ParseError

KINDS = ("person", "organisation", "place", "document", "topic")
# The authority file groups entries under these headings.
SECTIONS = {
    "people": "person",
    "organisations": "organisation",
    "places": "place",
    "documents": "document",
    "topics": "topic",
}
IDENTIFIER_RE = re.compile(r"^[a-z][a-z0-9-]{1,62}[a-z0-9]$")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_APOSTROPHES = "'\u2019\u02bc"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str
    name: str
    variants: tuple[str, ...] = ()
    subkind: str = ""  # the record's own kind: "state", "city", "declaration"...

    @property
    def names(self):
        return (self.name, *[v for v in self.variants if v != self.name])


def _name_pattern(name):
    parts = []
    for ch in name:
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in _DASHES:
            parts.append(f"[{re.escape(_DASHES)}]")
        elif ch in _APOSTROPHES:
            parts.append(f"[{re.escape(_APOSTROPHES)}]")
        else:
            parts.append(re.escape(ch))
    is_abbreviation = not any(ch.islower() for ch in name)
    return re.compile("".join(parts), 0 if is_abbreviation else re.IGNORECASE)


def _first_word(name):
    match = _WORD.search(name)
    return match.group().casefold() if match else ""


class Vocabulary:
    """Entries by key, and a matcher over all their names."""

    def __init__(self, entries):
        self.entries = {}
        self._index = {}  # first word, case-folded -> [(pattern, entry)]
        for entry in entries:
            if entry.kind not in KINDS:
                raise ValueError(f"{entry.key}: unknown kind {entry.kind!r}")
            self.entries[entry.key] = entry
            for name in entry.names:
                name = name.strip()
                if not name or not name[0].isalnum():
                    continue
                self._index.setdefault(_first_word(name), []).append((_name_pattern(name), entry))

    def __contains__(self, key):
        return key in self.entries

    def __getitem__(self, key):
        return self.entries[key]

    def of_kind(self, kind):
        return [e for e in self.entries.values() if e.kind == kind]

    def lookup(self, name):
        """The entry one of whose names is exactly `name` (case as for matching), or None."""
        name = name.strip()
        for pattern, entry in self._index.get(_first_word(name), []):
            if pattern.fullmatch(name):
                return entry
        return None

    def find(self, text, offset=0, kinds=None):
        """Return the Mentions of names in `text` (spans shifted by `offset`).

        Candidates are collected at every word start, then chosen longest
        first; a candidate overlapping one already chosen is dropped. Two
        different entries sharing the same words at the same place are
        ambiguous and neither is chosen.
        """
        candidates = []
        for word in _WORD.finditer(text):
            start = word.start()
            for pattern, entry in self._index.get(word.group().casefold(), []):
                if kinds and entry.kind not in kinds:
                    continue
                match = pattern.match(text, start)
                if not match:
                    continue
                end = match.end()
                if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                    continue
                candidates.append((start, end, entry))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2].key))
        chosen, blocked = [], []
        for index, (start, end, entry) in enumerate(candidates):
            if any(start < b_end and b_start < end for b_start, b_end in blocked):
                continue
            rivals = [
                c
                for c in candidates[index + 1 :]
                if (c[0], c[1]) == (start, end) and c[2].key != entry.key
            ]
            blocked.append((start, end))
            if rivals:
                continue
            chosen.append(
                Mention(entry.key, entry.kind, text[start:end], start + offset, end + offset)
            )
        return sorted(chosen, key=lambda m: m.start)


def load_authority_file(path):
    """Read the curated authority file (YAML) into a Vocabulary, or raise ParseError."""
    import yaml  # imported here so that the parser itself needs nothing outside the stdlib

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ParseError(f"{path}: cannot read the authority file ({error})") from None
    entries, seen_names = [], {}
    for section, kind in SECTIONS.items():
        for key, item in (data.get(section) or {}).items():
            item = item or {}
            if kind != "topic" and not IDENTIFIER_RE.match(key):
                raise ParseError(f"{path}: {key!r} is not a valid identifier")
            name = item.get("name") or item.get("title")
            if not name:
                raise ParseError(f"{path}: {key} has no name")
            entry = Entry(
                key=key,
                kind=kind,
                name=name,
                variants=tuple(item.get("variants") or ()),
                subkind=item.get("kind", ""),
            )
            if kind != "topic":
                for variant in entry.names:
                    folded = variant.casefold()
                    if seen_names.get(folded, key) != key:
                        raise ParseError(
                            f"{path}: the name {variant!r} is given to both "
                            f"{seen_names[folded]} and {key}"
                        )
                    seen_names[folded] = key
            entries.append(entry)
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise ParseError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}")
    return Vocabulary(entries)
