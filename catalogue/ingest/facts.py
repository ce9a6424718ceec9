"""What a parsed text states about documents: dates, places, parties,
signatories, relations, and statements on topics.

Each fact comes from one sentence (or one reference) matched against a small
set of sentence patterns, and keeps that sentence's span as its evidence.
The patterns run over a template of the sentence in which every authority
mention and every date is replaced by a token, so that "Japan and the Soviet
Union issued a joint declaration in October 1956" reads as
"⟦O0⟧ and the ⟦O1⟧ issued a ⟦D2⟧ in ⟦T3⟧". A sentence that negates its verb
("did not sign") states nothing here.
"""

import re
from dataclasses import dataclass

from .candidates import subject_of
from .results import Fact, Span

__all__ = ["Fact", "TopicStatement", "extract_facts", "subject_document", "topic_statements"]

_TAGS = {"person": "P", "organisation": "O", "place": "L", "document": "D", "date": "T"}
_TOKEN = re.compile(r"⟦([POLDT])(\d+)⟧")
_NEGATION = re.compile(r"\b(?:not|never|neither|nor|n't|refused to|failed to)\b", re.IGNORECASE)


def _t(tag, name):
    return rf"⟦{tag}(?P<{name}>\d+)⟧"


_ART = r"(?:(?:a|an|the) )?"
PARTIES = [
    re.compile(
        rf"{_t('O', 'a')} and {_ART}{_t('O', 'b')} (?:jointly )?(?:issued|signed|concluded|"
        rf"adopted|agreed) {_ART}{_t('D', 'd')}"
    ),
    re.compile(rf"{_t('D', 'd')} between {_ART}{_t('O', 'a')} and {_ART}{_t('O', 'b')}"),
]
SIGNED = re.compile(r"\bsigned\b", re.IGNORECASE)
SIGNATORY = re.compile(
    rf"\bsigned\b[^.;]*?\bby (?P<note>[^.;⟦]{{0,60}}?(?:⟦O\d+⟧'s [^.;⟦]{{0,30}}?)?){_t('P', 'p')}",
    re.IGNORECASE,
)
SIGNED_AT = re.compile(rf"\bsigned\b[^.;]*?\b(?:in|at|to) {_t('L', 'x')}", re.IGNORECASE)
DATED = [
    re.compile(rf"{_t('D', 'd')},? (?:in|of|on) {_t('T', 't')}"),
    re.compile(
        rf"{_t('D', 'd')} (?:was|were) (?:signed|issued|concluded) (?:in|on) {_t('T', 't')}"
    ),
]
ACCOMPANIED = re.compile(rf"{_t('D', 'a')} (?:was|is|were) accompanied by {_ART}{_t('D', 'b')}")
DATELINE = re.compile(rf"^{_t('L', 'x')}, {_t('T', 't')}\.(?: \({_t('O', 'o')}\))?")
SIGNED_HERE = re.compile(r"\bsigned here(?P<today> today)?\b")
TEXTS_OF = re.compile(r"\btexts? of\b", re.IGNORECASE)
TRANSLATION = re.compile(r"\b(?:(?:un)?official )?translation from the [A-Z]\w+")


@dataclass(frozen=True)
class TopicStatement:
    document: str
    topic: str
    text: str
    start: int
    end: int


class _Template:
    """A stretch of text with its mentions and dates replaced by tokens."""

    def __init__(self, parsed, start, end):
        items = [m for m in parsed.mentions if start <= m.start and m.end <= end]
        taken = [(m.start, m.end) for m in items]
        items += [
            d
            for d in parsed.dates
            if start <= d.start
            and d.end <= end
            and not any(d.start < b and a < d.end for a, b in taken)
        ]
        self.items = sorted(items, key=lambda i: i.start)
        pieces, position = [], start
        for index, item in enumerate(self.items):
            tag = _TAGS[getattr(item, "kind", "date")]
            pieces += [parsed.source[position : item.start], f"⟦{tag}{index}⟧"]
            position = item.end
        pieces.append(parsed.source[position:end])
        self.text = "".join(pieces)

    def item(self, match, group):
        return self.items[int(match.group(group))]

    def key(self, match, group):
        return self.item(match, group).key

    def words(self, text):
        """`text` (a part of the template) with the tokens put back as written."""
        return _TOKEN.sub(lambda m: self.items[int(m.group(2))].surface, text).strip()

    def of_tag(self, tag):
        return [i for i in self.items if _TAGS[getattr(i, "kind", "date")] == tag]


def subject_document(parsed):
    """The document the text is about: the one its title names, else the one it names most."""
    return subject_of(parsed.title, parsed.mentions)


def _sentence_facts(parsed, sentence, subject):
    template = _Template(parsed, sentence.start, sentence.end)
    text = template.text
    facts = []

    def add(document, kind, value, note=""):
        facts.append(Fact(document, kind, value, note, sentence))

    for pattern in PARTIES:
        for match in pattern.finditer(text):
            for group in ("a", "b"):
                add(template.key(match, "d"), "party", template.key(match, group))
    documents = {d.key for d in template.of_tag("D")}
    target = next(iter(documents)) if len(documents) == 1 else (subject if not documents else None)
    signed = SIGNED.search(text)
    if target and signed and not _NEGATION.search(text[: signed.start()]):
        for match in SIGNATORY.finditer(text):
            add(target, "signatory", template.key(match, "p"), template.words(match.group("note")))
        for match in SIGNED_AT.finditer(text):
            add(target, "place", template.key(match, "x"))
    for pattern in DATED:
        for match in pattern.finditer(text):
            date = template.item(match, "t")
            if date.edtf:
                add(template.key(match, "d"), "date", date.edtf, date.written)
    for match in ACCOMPANIED.finditer(text):
        add(template.key(match, "a"), "relation", template.key(match, "b"), "accompanied-by")
    return facts


def _reference_facts(parsed, reference):
    """A reference names a publication: its date and publisher, and in a dateline
    subtitle, where and when the texts it prints were signed."""
    evidence = Span(reference.text, reference.start, reference.end)
    cited = reference.cited
    if cited is None:
        return []
    facts = []
    if reference.date:
        facts.append(Fact(cited.key, "date", reference.date.edtf, reference.date.written, evidence))
    for mention in parsed.mentions:
        if (
            mention.kind == "organisation"
            and reference.start <= mention.start < reference.end
            and mention.surface == reference.publication
        ):
            facts.append(Fact(cited.key, "publisher", mention.key, "", evidence))
    subtitle = reference.subtitle
    if subtitle is None:
        return facts
    span = Span(subtitle.text, subtitle.start, subtitle.end)
    template = _Template(parsed, subtitle.start, subtitle.end)
    dateline = DATELINE.match(template.text)
    if dateline and dateline.group("o") is not None:
        facts.append(
            Fact(cited.key, "author", template.key(dateline, "o"), "credited in the dateline", span)
        )
    printed = [d for d in template.of_tag("D") if d.key != cited.key]
    if TEXTS_OF.search(template.text):
        for document in printed:
            facts.append(Fact(document.key, "relation", cited.key, "printed-in", span))
    here = SIGNED_HERE.search(template.text)
    if dateline and here:
        date = template.item(dateline, "t")
        for document in printed:
            facts.append(Fact(document.key, "place", template.key(dateline, "x"), "", span))
            if here.group("today") and date.edtf:
                facts.append(Fact(document.key, "date", date.edtf, date.written, span))
    translation = TRANSLATION.search(subtitle.text)
    if translation:
        for document in [cited, *printed]:
            facts.append(Fact(document.key, "translation", translation.group(), "", span))
    return facts


def extract_facts(parsed):
    """Every Fact the text states, in the order of the text."""
    subject = subject_document(parsed)
    facts = []
    for sentence in parsed.sentences:
        facts += _sentence_facts(parsed, sentence, subject)
    for reference in parsed.references:
        facts += _reference_facts(parsed, reference)
    return facts


def topic_statements(parsed):
    """Sentences of the running text on a listed topic, as statements about the
    document the text is about (one per topic and sentence)."""
    subject = subject_document(parsed)
    if subject is None:
        return []
    statements, seen = [], set()
    for topic in parsed.topics:
        sentence = next(
            (s for s in parsed.sentences if s.start <= topic.start < s.end),
            None,
        )
        if sentence is None or (topic.key, sentence.start) in seen:
            continue
        seen.add((topic.key, sentence.start))
        statements.append(
            TopicStatement(subject, topic.key, sentence.text, sentence.start, sentence.end)
        )
    return statements
