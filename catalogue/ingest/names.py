"""Capitalised names in running English, and what kind of record each names.

A name is a run of capitalised words ("John Foster Dulles", "Haneda Airport"),
which may go on through "of", "on", "for" or "and" when it already has a head
word that takes a complement ("Ministry of Foreign Affairs", "Treaty of
Mutual Cooperation and Security"). Its kind is told by its head word
(Treaty -> document, Party -> organisation, Airport -> place), by the words
before it (an office before a person, "in"/"at"/"to" before a place), by a
list it stands in ("New York, Los Angeles and Pittsburgh"), or by its shape:
two to four words that are none of the above read as a person's name. A name
that fits none of these is left alone: a wrong candidate costs the archivist
more than a missing one.
"""

import re
from dataclasses import dataclass

from .dates import MONTHS
from .offices import OFFICE

DOCUMENT_HEADS = {
    "Treaty", "Declaration", "Protocol", "Agreement", "Convention", "Communique",
    "Communiqué", "Accord", "Accords", "Charter", "Pact", "Memorandum", "Statement",
    "Resolution", "Act", "Constitution", "Proclamation", "Armistice", "Covenant",
}  # fmt: skip
# The same words in running text ("the treaty", "both treaties"): a document the text names
# by its kind, which stands for the document the text is about.
DOCUMENT_NOUN = (
    r"(?:"
    + "|".join(sorted(h.lower() for h in DOCUMENT_HEADS - {"Act", "Statement"}))
    + r"|communiques|treaties|agreements|terms)"
)
ORGANISATION_HEADS = {
    "Ministry", "Council", "Party", "Agency", "Union", "Nations", "Committee", "Assembly",
    "Diet", "Senate", "Congress", "Parliament", "Conference", "Summit", "Movement", "Press",
    "Times", "News", "University", "Institution", "Institute", "Bank", "Fund", "League",
    "Association", "Federation", "Commission", "Court", "Government", "Cabinet", "Office",
    "Department", "Bureau", "Corporation", "Company", "Republic", "Kingdom", "Empire",
    "States", "Forces", "Army", "Navy", "Secretariat", "Organization", "Organisation",
    "Community", "Alliance", "Front", "Powers", "Society", "Foundation", "Board",
}  # fmt: skip
PLACE_HEADS = {
    "City", "Island", "Islands", "Strait", "Straits", "Sea", "Ocean", "Bay", "Peninsula",
    "Province", "Prefecture", "River", "Mountains", "Mount", "Lake", "Harbor", "Harbour",
    "Port", "Airport", "Base", "Hall", "Palace", "House", "Square", "Street", "Rocks",
    "Valley", "Gulf", "Coast", "Camp", "Fort", "Castle", "Station",
}  # fmt: skip
# Capitalised words that start sentences or qualify names but are never names themselves.
COMMON = {
    "The", "A", "An", "In", "On", "At", "To", "Under", "After", "Before", "During", "From",
    "Its", "It", "His", "Her", "Their", "This", "That", "These", "Those", "When", "While",
    "Although", "Because", "Some", "Many", "Both", "Each", "Following", "Since", "Despite",
    "However", "Hereby", "If", "As", "By", "For", "With", "Through", "Why", "What", "How",
    "He", "She", "They", "We", "Who", "Which", "There", "Here", "Not", "No", "Only", "Also",
    "Article", "Articles", "Section", "Chapter", "Part", "Annex", "Subtitle", "Quote",
    "Later", "Earlier", "Then", "Meanwhile", "Soon", "Today", "Thus", "Instead", "Afterwards",
    "Together", "Once", "Until", "Upon", "Among", "Between", "Against", "Former", "Late",
}  # fmt: skip
# Honorifics: the name after one is a person's, and the honorific is not part of it.
HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Lord", "Lady", "Madame"}
# Words that can stand in a name but never in a person's name: such a run is not a person.
NOT_PERSONAL = {
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Cold",
    "War", "World", "Great", "New", "Old", "United", "Final", "National", "Central", "Asian",
    "African", "European", "American", "Allied", "Soviet", "Japanese", "Chinese", "Korean",
    "Pacific", "Atlantic", "Asia", "Africa", "Europe", "America", "Spirit", "Crisis",
    "Incident", "Affair", "Debate", "Group", "Peace", "Security", "Basic", "Joint",
    "Mutual", "International", "Federal", "People", "State", "Democratic", "Liberal",
}  # fmt: skip
DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
# Words before a name that make it a place when nothing else tells its kind.
PLACE_CUE = re.compile(r"(?:\b(?:in|at|to|near|from|In|At|To|Near)|visited)(?: the)? $")
CONNECTORS = ("of the", "of", "on", "for the", "for", "and")

_WORD = re.compile(r"[A-Z][\w'\u2019.-]*(?<![.'\u2019-])\.?|[A-Z]\.")
# "Finally", "Subsequently", "Reportedly" start sentences; "Assembly" and "Italy" are names.
_ADVERB = re.compile(r"^[A-Z][a-z]+(?:al|ate|ous|ent|ant|ed|ive|ful|less|ar|ic)ly$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_ROMAN = re.compile(r"^(?:II|III|IV|Jr\.|Sr\.)$")


@dataclass
class Name:
    start: int
    end: int
    text: str
    kind: str = ""  # "person", "organisation", "place", "document" or "" (not told)
    basis: str = ""  # what told the kind: "head", "office", "cue" or "shape"
    office: str = ""  # the office before a person's name, as written
    label: str = ""  # the name in natural order when written otherwise ("Hellmann, Donald C.")


def _is_word(token):
    """False for a word that may start a run but never a name ("The", "Finally", "May")."""
    return (
        token not in COMMON
        and not _ADVERB.search(token)
        and token not in HONORIFICS
        and token.rstrip(".") not in MONTHS
        and token not in DAYS
    )


def _head(words):
    """The kind its words' head gives a name: the part before "of"/"on" decides."""
    text = " ".join(words)
    if re.match(r"House of ", text):
        return "organisation"  # House of Representatives, of Councillors, of Commons
    before = re.split(r" (?:of|on|for|between) ", text)[0].split()
    for part in (before, words):
        stripped = [w.strip(".,") for w in part]
        if DOCUMENT_HEADS & set(stripped):
            return "document"
        if ORGANISATION_HEADS & set(stripped):
            return "organisation"
        if PLACE_HEADS & set(stripped):
            return "place"
    return ""


def _tokens(text, offset, blocked):
    """Capitalised words and office phrases ("Secretary of State") of `text`, outside
    `blocked`: (start, end, words, office) with office the office words or ""."""

    def free(a, b):
        return not any(x < b + offset and a + offset < y for x, y in blocked)

    tokens, taken = [], []
    for match in OFFICE.finditer(text):
        # The qualifier ("Japanese", "Indonesia's") stays outside: it may be a mention.
        start = match.start("office")
        if free(start, match.end()):
            tokens.append(
                (start, match.end(), match.group("office").split(), match.group("office"))
            )
            taken.append((start, match.end()))
    for match in _WORD.finditer(text):
        if free(*match.span()) and not any(a <= match.start() < b for a, b in taken):
            tokens.append((match.start(), match.end(), [match.group()], ""))
    return sorted(tokens)


def _joins(words, gap, token):
    """True when `gap` (the text between two capitalised words) keeps them in one name."""
    if gap == " ":
        # "Pittsburgh. On": a full stop after a word (not an initial) ends the name.
        return not (words[-1].endswith(".") and not _INITIAL.match(words[-1]))
    connector = gap.strip()
    if not gap.startswith(" ") or not gap.endswith(" ") or connector not in CONNECTORS:
        return False
    if token[2][0].rstrip(".") in MONTHS:
        return False  # "the Paris Summit of May 1960"
    if not _head(words):
        return False  # only a head word takes a complement: "Ministry of Foreign Affairs"
    # "Japan and China" are two names; "Treaty of Mutual Cooperation and Security" is one.
    return connector != "and" or " of " in " ".join(words) + " "


def _runs(text, offset, blocked):
    """(start, end, words, office) of each run of capitalised words; `office` is the
    office phrase the run starts with, if any."""
    runs = []
    tokens = _tokens(text, offset, blocked)
    index = 0
    while index < len(tokens):
        start, end, words, office = tokens[index]
        words = list(words)
        index += 1
        while index < len(tokens) and not tokens[index][3]:
            gap = text[end : tokens[index][0]]
            if not _joins(words, gap, tokens[index]):
                break
            words += [*gap.split(), *tokens[index][2]]
            end = tokens[index][1]
            index += 1
        runs.append((start, end, words, office))
    return runs


def _trim(start, end, words, text):
    """Drop common words from the start of a run ("The", "In") and a trailing full stop."""
    while words and not _is_word(words[0]):
        skipped = words.pop(0)
        start = text.index(words[0], start + len(skipped)) if words else end
    if words and words[-1].endswith(".") and not _INITIAL.match(words[-1]):
        words[-1] = words[-1][:-1]
    end = start + len(" ".join(words)) if words else start
    return start, end, words


def _personal(words, before):
    """True when `words` have a person's name shape and nothing before says otherwise."""
    if not 2 <= len(words) <= 4 or before.endswith(("the ", "The ", "a ", "an ")):
        return False
    if any(w in CONNECTORS or w.strip(".") in NOT_PERSONAL for w in words):
        return False
    return all(
        _INITIAL.match(w) or _ROMAN.match(w) or re.match(r"^[A-Z][a-z\u00c0-\u024f'-]+$", w)
        or re.match(r"^(?:Mac|Mc|O')[A-Z][a-z]+$", w)
        for w in words
    )  # fmt: skip


def _kind(words, before, office):
    """(kind, basis) of a name: its head word, the office before it, a place cue, its shape."""
    head = _head(words)
    if head:
        return head, "head"
    if office:
        return "person", "office"
    if PLACE_CUE.search(before):
        return "place", "cue"
    if _personal(words, before):
        return "person", "shape"
    return "", ""


def find_names(text: str, offset: int, blocked: list[tuple[int, int]]) -> list[Name]:
    """The capitalised names in `text` (spans shifted by `offset`), each with its kind
    when the text tells it; names inside `blocked` spans (authority mentions, dates,
    quotations) are not looked for."""
    names = []
    for run_start, run_end, words, office in _runs(text, offset, blocked):
        if office:
            rest = words[len(office.split()) :]
            if not rest:
                continue  # an office before an authority's name: no new name here
            if not _head(rest):
                # "Prime Minister Nobusuke Kishi": the office is not part of the name.
                run_start += len(office) + 1
                words = rest
            else:
                office = ""  # "General Assembly": the office word is the name's own
        honorific = words[0] in HONORIFICS and len(words) > 1
        start, end, words = _trim(run_start, run_end, list(words), text)
        if not words or any(ch.isdigit() for ch in "".join(words)):
            continue
        before = text[max(0, start - 40) : start]
        kind, basis = _kind(words, before, office)
        if honorific and basis not in ("head", "office"):
            kind, basis = "person", "office"  # "Lord Lytton": a person; "Lord" is no office
        names.append(Name(start + offset, end + offset, text[start:end], kind, basis, office))
    return names


def in_a_list(previous_end: int, start: int, source: str) -> bool:
    """True when only a list separator stands between two names (", ", " and ")."""
    return source[previous_end:start] in (", ", " and ", ", and ")
