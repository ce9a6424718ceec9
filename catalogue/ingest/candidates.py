"""Names that match no authority become candidates; other titles become aliases.

The archivist decides on each candidate (a new person, organisation, place
or document, or a new name for a known one): the parser only proposes, with
every span where the name or its short form stands ("Kishi" for "Nobusuke
Kishi", "Final Communique" for "Final Communique of the Asian-African
Conference"). A name the text gives as another title of a record ("the
Soviet-Japanese Joint Declaration of 1956 (the Moscow Declaration)") is no
candidate: its occurrences are that record's, and the Alias says where the
text says so.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .authority import Vocabulary
from .names import (
    DOCUMENT_HEADS,
    DOCUMENT_NOUN,
    NOT_PERSONAL,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    Name,
    find_names,
    in_a_list,
)
from .results import Alias, Candidate, Mention, Span

# "X, also known as the Y", "X, formally the Y", "X (the Y)": Y is another title of X.
_ALIAS_AFTER = re.compile(
    r",? (?:(?:also|commonly|popularly|often|later|sometimes|officially) )?"
    r"(?:known|referred to) as (?:the )?|,? (?:formally|officially) (?:the )?|"
    r" \((?:the |also |or )?(?=[^)]*\))"
)
# "The treaty is also known as the San Francisco Peace Treaty": "the treaty" is the subject.
_ALIAS_OF_SUBJECT = re.compile(
    rf"(?:The {DOCUMENT_NOUN}|It)(?: (?:is|was) (?:also |commonly |often )?known as (?:the )?"
    r"|,? (?:formally|officially) (?:the )?)"
)
# A title as written: capitalised words, and the small words formal titles have between
# them ("Agreement between Japan and the United States of America Concerning the ...").
ALIAS_NAME = re.compile(
    r"[A-Z][\w'\u2019-]*(?:(?: of the| of| on the| on| for the| for| and the| and| de"
    r"| between the| between| with the| with| concerning the| the)? [A-Z][\w'\u2019-]*)*"
)
_PRIORITY = {"head": 0, "office": 1, "alias": 1, "cue": 2, "list": 2, "variant": 3, "shape": 4}


def slug(name: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Lee Tong-won" -> "lee-tong-won"."""
    folded = fold(name)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def fold(text: str) -> str:
    """`text` without diacritics, case-folded: how spelling variants are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def candidate_key(kind: str, name: str) -> str:
    return f"candidate:{kind}:{slug(name)}"


def _distance(a, b):
    """Levenshtein distance between two short words."""
    previous = list(range(len(b) + 1))
    for i, ch_a in enumerate(a, 1):
        current = [i]
        for j, ch_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ch_a != ch_b))
            )
        previous = current
    return previous[-1]


def _close(a, b):
    """Spelling variants of one word ("Khrushchov", "Krushchev" ~ "Khrushchev"): same first
    letter, at least five letters, at most one edit (two for words of eight letters or more)."""
    if a == b:
        return True
    if a[0] != b[0] or min(len(a), len(b)) < 5:
        return False
    return _distance(a, b) <= (2 if max(len(a), len(b)) >= 8 else 1)


def variant_of(name: str, vocabulary: Vocabulary, kind: str = "person") -> str:
    """The key of the authority `name` looks like a variant of (reordered, without
    diacritics, or an older transliteration), or "" when none."""
    words = fold(name).replace(",", "").split()
    for entry in vocabulary.of_kind(kind):
        for known in entry.names:
            known_words = fold(known).split()
            if words == known_words:
                return entry.key if name != known else ""
            if len(words) == 1 and len(known_words) == 1 and _close(words[0], known_words[0]):
                return entry.key
            if len(words) == 1 and len(known_words) > 1:
                continue  # a single word is compared with single-word names only
            for order in (known_words, known_words[::-1]):
                if len(order) == len(words) and all(map(_close, words, order)):
                    return entry.key
    return ""


@dataclass
class _Pending:
    kind: str
    basis: str
    names: list[Name] = field(default_factory=list)
    office: str = ""
    variant_of: str = ""

    @property
    def first(self):
        return min(self.names, key=lambda n: n.start)


def _list_places(names, mentions, source):
    """A name in a list after a place is a place: "to New York, Los Angeles and Iowa"."""
    places = sorted(
        [(m.start, m.end) for m in mentions if m.kind == "place"]
        + [(n.start, n.end) for n in names if n.kind == "place"]
    )
    for name in sorted(names, key=lambda n: n.start):
        if name.basis not in ("", "shape"):
            continue
        before = [p for p in places if p[1] <= name.start]
        if before and in_a_list(before[-1][1], name.start, source):
            name.kind, name.basis = "place", "list"
            places = sorted([*places, (name.start, name.end)])


def _absorb(names, mentions, source):
    """A name goes on through a mention its words need: "Socialist Party of Japan",
    "Covenant of the League of Nations", "Okinawa Prefecture". The mention is then
    part of the longer name (the longer name wins, as in the vocabulary's matching)."""
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    absorbed = set()
    for name in names:
        # A document's title names its issuer ("of the League of Nations"); a body's
        # name only a state ("of Japan"): "the General Assembly of the United Nations".
        tails = [" of "] + ([" of the "] if name.kind == "document" else [])
        for tail in tails if name.kind in ("organisation", "document") else ():
            mention = by_start.get(name.end + len(tail))
            known = mention is not None and mention.kind in ("organisation", "place")
            if known and source.startswith(tail, name.end):
                name.end = mention.end
                absorbed.add(mention)
                break
        if name.kind == "document":
            _parallel_title(name, mentions, absorbed, source)
        # "Okinawa Prefecture": a head word after a known name makes a new name.
        mention = by_end.get(name.start - 1)
        if mention is not None and source[mention.end] == " " and _all_heads(name.text):
            name.start = mention.start
            absorbed.add(mention)
        name.text = source[name.start : name.end]
    return [m for m in mentions if m not in absorbed]


_TITLE_TAIL = re.compile(
    r"(?: (?:of the|of|and the|and)? ?[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)*)*"
)


def _parallel_title(name, mentions, absorbed, source):
    """A formal title goes on through "and the" when the same word starts both halves:
    "Joint Communique of the Government of Japan and the Government of the People's
    Republic of China"."""
    parallel = re.match(r" and the ([A-Z][\w-]*)", source[name.end :])
    if not parallel or f" {parallel.group(1)} " not in f" {name.text} ":
        return
    tail = _TITLE_TAIL.match(source, name.end)
    name.end = tail.end()
    absorbed.update(m for m in mentions if name.start <= m.start and m.end <= name.end)


def _all_heads(text):
    return all(w in PLACE_HEADS | ORGANISATION_HEADS for w in text.split())


def find_aliases(source, sentences, mentions, names, subject):
    """Aliases the text gives: (owner key or Name, name span, evidence span)."""
    items = [(m.start, m.end, m.key) for m in mentions]
    items += [(n.start, n.end, n) for n in names if n.kind]
    found = []
    for sentence in sentences:
        for start, end, owner in items:
            if not sentence.start <= start < sentence.end:
                continue
            after = _ALIAS_AFTER.match(source, end)
            if after:
                found += _alias_at(source, after.end(), owner, start, mentions)
        lead = _ALIAS_OF_SUBJECT.match(source, sentence.start, sentence.end)
        if lead and subject:
            found += _alias_at(source, lead.end(), subject, sentence.start, mentions)
    return found


def _alias_at(source, position, owner, evidence_start, mentions):
    name = ALIAS_NAME.match(source, position)
    if not name:
        return []
    text = name.group()
    end = position + len(text)
    covering = [m for m in mentions if m.start <= position and end <= m.end]
    if covering:
        return []  # a name the vocabulary knows: the record's own, or another record's
    evidence = Span(source[evidence_start:end], evidence_start, end)
    return [(owner, Span(text, position, end), evidence)]


def _occurrences(source, text, regions):
    pattern = re.compile(rf"(?<![\w-]){re.escape(text)}(?![\w-])")
    for start, end in regions:
        for match in pattern.finditer(source, start, end):
            yield match.start(), match.end()


def subject_of(title: Span, mentions: list[Mention]) -> str | None:
    """The document a text is about: the one its title names, else the one it names most."""
    for mention in mentions:
        if mention.kind == "document" and title.start <= mention.start < title.end:
            return mention.key
    counts = Counter(m.key for m in mentions if m.kind == "document")
    return counts.most_common(1)[0][0] if counts else None


def build_candidates(
    source: str,
    regions: list[tuple[int, int]],
    sentences: list[Span],
    mentions: list[Mention],
    blocked: list[tuple[int, int]],
    vocabulary: Vocabulary,
    subject: str | None,
    extra: Sequence[Name] = (),
) -> tuple[list[Candidate], list[Mention], list[Alias]]:
    """Return (candidates, mentions, aliases) for the running text in `regions`.

    `mentions` come back with the occurrences of the other titles of known records
    added (and the state names absorbed into longer names removed)."""
    names = []
    for start, end in regions:
        near = [(a, b) for a, b in blocked if a < end and start < b]
        names += find_names(source[start:end], start, near)
    mentions = _absorb(names, mentions, source)
    names += extra
    _list_places(names, mentions, source)
    pending: dict[str, _Pending] = {}
    aliases: list[Alias] = []
    scanned = set()
    for owner, name, evidence in find_aliases(source, sentences, mentions, names, subject):
        key = owner if isinstance(owner, str) else candidate_key(owner.kind, owner.text)
        aliases.append(Alias(key, name, evidence))
        if (key, name.text) in scanned:
            continue  # the text gives the same other title again: its places are known
        scanned.add((key, name.text))
        spans = list(_occurrences(source, name.text, regions))
        covered = {i for s, e in spans for i in range(s, e)}
        names = [n for n in names if not covered.intersection(range(n.start, n.end))]
        if isinstance(owner, str):
            kind = vocabulary[owner].kind if owner in vocabulary else "document"
            # The longer name wins, as in the vocabulary's own matching: "Moscow" in
            # "the Moscow Declaration" is no mention of the city.
            mentions = [m for m in mentions if not covered.intersection(range(m.start, m.end))]
            mentions += [Mention(owner, kind, source[s:e], s, e) for s, e in spans]
        else:
            group = pending.setdefault(key, _Pending(owner.kind, "alias"))
            group.names += [Name(s, e, source[s:e], owner.kind, "alias") for s, e in spans]
    multi = [n for n in names if n.kind and len(n.text.split()) > 1]
    for name in multi:
        _add(pending, name, name.kind)
    singles = [n for n in names if len(n.text.split()) == 1]
    merged = _short_forms(pending, singles, source, regions)
    aliases = [Alias(merged.get(a.key, a.key), a.name, a.evidence) for a in aliases]
    taken = {n.start for group in pending.values() for n in group.names}
    for name in singles:
        if name.start in taken:
            continue
        if name.kind and not _generic(name):
            _add(pending, name, name.kind)
            continue
        # A lone word that matches nothing is kept only as a variant of a known person.
        key = variant_of(name.text, vocabulary)
        if key:
            _add(pending, name, "person").variant_of = key
    candidates = []
    for key, group in sorted(pending.items(), key=lambda item: item[1].first.start):
        if group.kind == "person" and not group.variant_of:
            group.variant_of = variant_of(group.first.text, vocabulary)
        where = tuple(
            Span(n.text, n.start, n.end) for n in sorted(group.names, key=lambda n: n.start)
        )
        candidates.append(
            Candidate(key, group.kind, group.first.text, where, group.office, group.variant_of)
        )
    return candidates, sorted(mentions, key=lambda m: m.start), aliases


def _generic(name):
    """A lone head word ("the Diet", "the Assembly") or a qualifier ("Japanese") names
    nothing by itself; it is kept only as the short form of a longer name."""
    word = name.text
    return (
        word in DOCUMENT_HEADS | ORGANISATION_HEADS | PLACE_HEADS
        or word in NOT_PERSONAL
        or (word.endswith("ese"))
    )


def _add(pending, name, kind):
    """Put `name` in the group of its candidate; the strongest evidence of kind wins."""
    key = candidate_key(kind, name.label or name.text)
    group = pending.setdefault(key, _Pending(kind, name.basis))
    group.names.append(name)
    group.office = group.office or name.office
    if _PRIORITY.get(name.basis, 5) < _PRIORITY.get(group.basis, 5):
        group.basis = name.basis
    return group


def _short_forms(pending, singles, source, regions):
    """Give each candidate the places where its short form stands alone: a person's
    first or last word ("Kishi"), the part of a title before "of" ("Final Communique").
    Return {key of a group merged away: key of the group it went to}."""
    merged = {}
    for key, group in list(pending.items()):
        short = group.first.text.split(" of ")[0]
        other = candidate_key(group.kind, short)
        if short != group.first.text and other in pending and other != key:
            group.names += pending.pop(other).names
            merged[other] = key
    taken = {n.start for g in pending.values() for n in g.names}
    for group in pending.values():
        first = group.first
        words = first.text.split()
        if group.kind == "person" and len(words) > 1:
            forms = {words[0].rstrip(","), words[-1]}
            for name in list(singles):
                if name.text in forms and name.start not in taken:
                    group.names.append(name)
                    taken.add(name.start)
        elif " of " in first.text and len(first.text.split(" of ")[0].split()) > 1:
            short = first.text.split(" of ")[0]
            for start, end in _occurrences(source, short, regions):
                if not any(n.start <= start < n.end for g in pending.values() for n in g.names):
                    group.names.append(Name(start, end, short, group.kind, "short"))
    return merged
