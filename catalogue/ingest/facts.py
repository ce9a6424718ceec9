"""What a parsed text states about records: dates, places, parties,
signatories, offices, other titles, events, relations, quotations, and
statements on topics.

Each fact comes from one sentence (or one reference) and keeps that
sentence's span as its evidence, and the exact words giving its value as
its value_span. The verbs of a sentence are read in sentence_facts.py; the
patterns here need no verb: offices before names, other titles, relations,
quotations, and what a reference says of the work it cites.
"""

import re
from dataclasses import dataclass

from .candidates import subject_of
from .names import DOCUMENT_NOUN
from .offices import office_before
from .reference_facts import TRANSLATION, reference_facts
from .results import Fact, ParsedText, Span
from .sentence_facts import sentence_facts
from .template import named_items, tok, within

__all__ = [
    "TRANSLATION",
    "Fact",
    "TopicStatement",
    "extract_facts",
    "subject_document",
    "topic_statements",
]

_ART = r"(?:(?:a|an|the) )?"
PARTIES = [
    re.compile(
        rf"{tok('O', 'a')} and {_ART}{tok('O', 'b')} (?:jointly )?"
        rf"(?:issued|signed|concluded|adopted|agreed) {_ART}{tok('D', 'd')}"
    ),
    re.compile(rf"{tok('D', 'd')} between {_ART}{tok('O', 'a')} and {_ART}{tok('O', 'b')}"),
]
ACCOMPANIED = re.compile(
    rf"(?:{tok('D', 'a')}|(?P<it>[Tt]he {DOCUMENT_NOUN}|It)) (?:was|is|were) "
    rf"accompanied by {_ART}{tok('D', 'b')}"
)
_QUOTED_FROM = re.compile(rf"\b(?:[Tt]he {DOCUMENT_NOUN}|Article|Section|Paragraph)\b")


@dataclass(frozen=True)
class TopicStatement:
    document: str
    topic: str
    text: str
    start: int
    end: int


def subject_document(parsed: ParsedText) -> str | None:
    """The document the text is about: the one its title names, else the one it names most."""
    return subject_of(parsed.title, parsed.mentions)


def _span(source, item):
    return Span(source[item.start : item.end], item.start, item.end)


def _pattern_facts(parsed, template, sentence, subject):
    """Parties and relations stated without a verb of their own."""
    facts = []
    for pattern in PARTIES:
        for match in pattern.finditer(template.text):
            for group in ("a", "b"):
                party = template.item(match, group)
                facts.append(
                    Fact(
                        template.key(match, "d"),
                        "party",
                        party.key,
                        "",
                        sentence,
                        _span(parsed.source, party),
                    )
                )
    for match in ACCOMPANIED.finditer(template.text):
        source = template.key(match, "a") if match.group("a") else subject
        if source:
            other = template.item(match, "b")
            facts.append(
                Fact(
                    source,
                    "relation",
                    other.key,
                    "accompanied-by",
                    sentence,
                    _span(parsed.source, other),
                )
            )
    return facts


def _office_facts(parsed, names, sentence):
    """ "Prime Minister X": the office X held, as the text writes it."""
    facts = []
    for person in within(names, sentence.start, sentence.end):
        if person.kind != "person":
            continue
        match = office_before(parsed.source, person.start, sentence.start)
        if match is None:
            continue
        start, end = match.span("office")
        value = Span(match.group("office"), start, end)
        note = match.group().strip() if match.group("qualifier") else ""
        facts.append(Fact(person.key, "office", value.text, note, sentence, value))
    return facts


def _alias_facts(parsed):
    facts = []
    for alias in parsed.aliases:
        sentence = next(
            (s for s in parsed.sentences if s.start <= alias.name.start < s.end), alias.evidence
        )
        facts.append(Fact(alias.key, "other-title", alias.name.text, "", sentence, alias.name))
    return facts


def _quotation_facts(parsed, names, subject):
    """Words quoted from a document, with the document named in the words introducing them."""
    facts = []
    for quotation in parsed.quotations:
        intro = quotation.intro
        if quotation.context != "body" or intro is None:
            continue
        named = [n for n in names if n.kind == "document" and intro.start <= n.start < intro.end]
        document = named[-1].key if named else None
        if document is None and _QUOTED_FROM.search(intro.text):
            document = subject
        if document is None:
            continue
        sentence = next((s for s in parsed.sentences if s.start <= quotation.start < s.end), intro)
        value = Span(quotation.text, quotation.start, quotation.end)
        facts.append(
            Fact(document, "quotation", quotation.text, quotation.locator, sentence, value)
        )
    return facts


def extract_facts(parsed: ParsedText) -> list[Fact]:
    """Every Fact the text states, sentence by sentence, then the references'."""
    subject = subject_document(parsed)
    names = named_items(parsed)
    facts = []
    for sentence in parsed.sentences:
        found, template = sentence_facts(parsed, sentence, names, subject)
        facts += _pattern_facts(parsed, template, sentence, subject)
        facts += found
        facts += _office_facts(parsed, names, sentence)
    facts += _alias_facts(parsed)
    facts += _quotation_facts(parsed, names, subject)
    for reference in parsed.references:
        facts += reference_facts(parsed, reference, names)
    return list(dict.fromkeys(facts))  # the same statement found by two patterns, once


def topic_statements(parsed: ParsedText) -> list[TopicStatement]:
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
