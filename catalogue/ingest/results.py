"""What the parser returns: plain dataclasses, no Django.

Every piece found in a text carries its character span in the text exactly
as received (``start``/``end``, so that ``text[start:end]`` gives its words
back): that is how each record the build makes is traced to its source.
"""

from dataclasses import dataclass, field


class ParseError(ValueError):
    """The text cannot be parsed; the message says why, in words for an archivist."""


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """One line of article content: a paragraph, a heading or a key point."""

    kind: str  # "paragraph", "heading" or "key-point"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    heading: Span
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DateMention:
    """A date as written, with its EDTF value ("" when it cannot be told)."""

    text: str
    start: int
    end: int
    edtf: str
    supplied_year: int | None = None  # the year taken from context, when the text has none

    @property
    def written(self):
        """The date as written, with a supplied year in square brackets (archival usage)."""
        return f"{self.text} [{self.supplied_year}]" if self.supplied_year else self.text


@dataclass(frozen=True)
class Footnote:
    """A footnote marker such as [1] in the running text."""

    label: str
    start: int
    end: int
    backlink: str = ""  # "a", "b"... when the reference lists several back-links


@dataclass(frozen=True)
class Quotation:
    """Words in quotation marks, with what the text says they are quoted from."""

    text: str  # the quoted words, without the quotation marks
    start: int
    end: int
    context: str  # "body", "subtitle" or "quote" (the last two inside a reference)
    intro: Span | None = None  # the words introducing it: "Article 9 of the ... stated:"
    locator: str = ""  # e.g. "Article 9"
    footnote_label: str = ""  # the footnote that follows it, or the reference it sits in


@dataclass
class Reference:
    """One entry of the reference list, as written, with its parts."""

    label: str
    text: str  # the reference as written (its first line, without "^ a b")
    start: int
    end: int
    backlinks: list[str] = field(default_factory=list)
    title: str = ""
    publication: str = ""
    locator: str = ""  # e.g. "page 2"
    date: DateMention | None = None
    subtitle: Quotation | None = None
    quote: Quotation | None = None
    entry_end: int = 0  # where the entry, continuation lines included, ends
    # Parts of a reference in citation form ("Hellmann, Donald C. (1969). "Title". Press.").
    authors: list[Span] = field(default_factory=list)  # each author as written
    volume: str = ""
    number: str = ""
    # The catalogued document the reference is to: set only when its title is that
    # document's name, so a book *about* a declaration is not taken for the declaration.
    cited: "Mention | None" = None


@dataclass(frozen=True)
class Mention:
    """An authority name found in the text; ``key`` is the authority's identifier."""

    key: str
    kind: str  # "person", "organisation", "place", "document" or "topic"
    surface: str
    start: int
    end: int


@dataclass
class ParsedText:
    source: str
    title: Span
    site_name: Span | None
    blocks: list[Block]
    sections: list[Section]
    key_points: list[Block]
    sentences: list[Span]
    footnotes: list[Footnote]
    references: list[Reference]
    quotations: list[Quotation]
    dates: list[DateMention]
    mentions: list[Mention]
    topics: list[Mention]
    chrome: list[Span]
    warnings: list[str] = field(default_factory=list)
    # Capitalised names that match no authority: proposed to the archivist, never linked silently.
    candidates: list["Candidate"] = field(default_factory=list)
    # Other titles the text gives a record ("formally ...", "also known as ...", "(the ...)").
    aliases: list["Alias"] = field(default_factory=list)

    @property
    def body(self):
        """The cleaned text: title, chrome and reference list left out."""
        return "\n\n".join(block.text for block in self.blocks)

    def reference(self, label):
        return next((r for r in self.references if r.label == label), None)

    def in_body(self, start):
        """True when the offset lies in the article's running text (not title or references)."""
        return any(b.start <= start < b.end for b in self.blocks)


@dataclass(frozen=True)
class Alias:
    """Another title the text gives a record: its other occurrences are that record's too."""

    key: str  # the vocabulary key or Candidate.key of the record
    name: Span  # the other title as written, without a leading "the"
    evidence: Span  # the words that give it ("also known as the Bandung Conference")


# What a fact can say about a record; services map each kind to a claim property.
FACT_KINDS = (
    "date",
    "in-force",
    "place",
    "party",
    "signatory",
    "author",
    "publisher",
    "other-title",
    "relation",
    "translation",
    "event",
    "office",
    "quotation",
)


@dataclass(frozen=True)
class Fact:
    """One thing a text states about a record, with the words that state it."""

    # Key of the record the fact is about: a vocabulary key or a Candidate.key.
    subject: str
    kind: str  # one of FACT_KINDS
    # A vocabulary key or Candidate.key (party, signatory, author, publisher, place,
    # relation), an EDTF string (date, in-force, event), or words (other-title,
    # office, translation, quotation).
    value: str
    # Words as written: "Japan's PM", "October 19 [1956]", a relation kind
    # ("accompanied-by", "printed-in"...), an event verb ("ratified"...), a locator.
    note: str = ""
    evidence: Span | None = None  # the sentence or reference the fact comes from
    # The exact words giving the value (inside evidence): text[start:end] supports value.
    value_span: Span | None = None
    # "did not sign": kept as a negated fact, never accepted by default.
    negated: bool = False

    @property
    def document(self) -> str:
        """The old name of `subject`, kept for callers written before candidates."""
        return self.subject


@dataclass(frozen=True)
class Candidate:
    """A capitalised name that matches no authority: a record the archivist may create."""

    key: str  # "candidate:<kind>:<slug of name>", unique within one text
    kind: str  # "person", "organisation", "place" or "document"
    name: str  # as first written
    spans: tuple[Span, ...]  # every place the name (or its short form) occurs
    office: str = ""  # "Foreign Minister" when an office preceded a person's name
    # A vocabulary key when the name looks like a spelling variant or an older
    # transliteration of a known name ("Hatoyama Ichiro" ~ person-ichiro-hatoyama).
    variant_of: str = ""
