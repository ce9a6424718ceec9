"""Footnote markers, the reference list, and quotations with their attribution."""

import re

from .citations import normal_locator, parse_citation
from .dates import find_dates
from .layout import REFERENCE_ENTRY, quote_spans
from .results import Footnote, Quotation, Reference, Span

FOOTNOTE_MARKER = re.compile(r"\[(\d{1,3})\]")
LOCATOR_IN_REFERENCE = re.compile(r"\b(?:pages?|pp?\.)\s*\d+(?:\s*[-\u2013]\s*\d+)?", re.IGNORECASE)
# "Article 4(b)", "Article 9, paragraph 2", "Articles 3 and 4": the sub-division is part of it.
_NUMBER = r"(?:\d+|[IVXLC]+)\b(?:\s?\([a-z0-9]{1,4}\))*"
LOCATOR_IN_TEXT = re.compile(
    rf"\b(?:Article|Articles|Section|Chapter|Paragraph|Clause|Part|Annex)\s+{_NUMBER}"
    rf"(?:(?:,? (?:and|paragraph|para\.)|,) {_NUMBER})*"
)
# "Subtitle:" and "Quote:" before a quotation inside a reference entry.
_LABEL_BEFORE = re.compile(r"(\w+)\s*:\s*$")
ATTRIBUTION_END = re.compile(
    r"(?::|\b(?:stated?|states|said|says?|reads?|declared?|declares|provided?|provides"
    r"|stipulated?|stipulates|noted?|notes|wrote|writes?|announced?|announces|proclaimed?"
    r"|proclaims|added|adds)(?: that)?,?)$",
    re.IGNORECASE,
)
# What may stand between a closing quotation mark and its footnote marker.
_FOOTNOTE_AFTER = re.compile(r"[.,;:]?\s*\[(\d{1,3})\]")


def find_footnotes(blocks, source, references):
    """Footnote markers in the running text, each given its back-link letter in order."""
    seen = {}
    footnotes = []
    for block in blocks:
        for match in FOOTNOTE_MARKER.finditer(source, block.start, block.end):
            label = match.group(1)
            count = seen.get(label, 0)
            seen[label] = count + 1
            reference = next((r for r in references if r.label == label), None)
            backlink = ""
            if reference and count < len(reference.backlinks):
                backlink = reference.backlinks[count]
            footnotes.append(Footnote(label, match.start(), match.end(), backlink))
    return footnotes


def _backlinks(rest):
    """Split "a b Texts of..." into (["a", "b"], offset of "Texts")."""
    letters, offset, expected = [], 0, "a"
    while True:
        match = re.match(r"([a-z])\s+", rest[offset:])
        if not match or match.group(1) != expected:
            return letters, offset
        letters.append(expected)
        offset += match.end()
        expected = chr(ord(expected) + 1)


def parse_references(entries, source):
    """Reference objects from the reference list's lines (grouped per entry)."""
    references = []
    for number, lines in enumerate(entries, start=1):
        first = lines[0]
        entry = REFERENCE_ENTRY.match(first.text)
        rest_start = first.start + entry.start("rest")
        backlinks, skip = _backlinks(entry.group("rest"))
        start = rest_start + skip
        text = source[start : first.end]
        reference = Reference(
            label=entry.group("num") or str(number),
            text=text,
            start=start,
            end=first.end,
            backlinks=backlinks,
            entry_end=lines[-1].end,
        )
        _reference_parts(reference)
        for line in lines[1:]:
            for quotation in _quotations_in(line, source, reference):
                if quotation.context == "subtitle" and reference.subtitle is None:
                    reference.subtitle = quotation
                elif reference.quote is None:
                    reference.quote = quotation
        references.append(reference)
    return references


def _reference_parts(reference):
    """Title, publication, locator and date of a reference such as
    "Texts of ...; Peace Declaration Trade Protocol. New York Times, page 2, October 20, 1956."
    """
    if parse_citation(reference):
        return
    text = reference.text
    dated = [d for d in find_dates(text, reference.start) if d.edtf]
    reference.date = dated[-1] if dated else None
    locator = LOCATOR_IN_REFERENCE.search(text)
    if locator:
        reference.locator = normal_locator(locator.group())
    segments = re.split(r"\.\s+(?=[A-Z])", text.rstrip("."))
    for index, segment in enumerate(segments):
        if index and (LOCATOR_IN_REFERENCE.search(segment) or find_dates(segment)):
            reference.title = ". ".join(segments[:index]).strip()
            publication = segment.split(",")[0].strip()
            if not LOCATOR_IN_REFERENCE.match(publication) and not find_dates(publication):
                reference.publication = publication
            break
    else:
        reference.title = text.rstrip(".").strip()


def _quotations_in(line, source, reference):
    text = source[line.start : line.end]
    for q_open, q_close in quote_spans(text):
        label = _LABEL_BEFORE.search(text[:q_open])
        context = "subtitle" if label and label.group(1).lower() == "subtitle" else "quote"
        start, end = line.start + q_open + 1, line.start + q_close
        if end > start:
            yield Quotation(
                text=source[start:end],
                start=start,
                end=end,
                context=context,
                locator=reference.locator,
                footnote_label=reference.label,
            )


def find_quotations(blocks, sentences, source):
    """Quotations in the running text, with their footnote, and the words introducing
    them when those attribute them ("Article 9 of the Joint Declaration stated:")."""
    quotations = []
    for block in blocks:
        text = source[block.start : block.end]
        previous_end = block.start
        for q_open, q_close in quote_spans(text):
            start, end = block.start + q_open + 1, block.start + q_close
            if end <= start:
                continue
            sentence = next((s for s in sentences if s.start <= start < s.end), None)
            intro_start = max(sentence.start if sentence else block.start, previous_end)
            previous_end = end + 1
            intro_text = source[intro_start : start - 1].rstrip()
            intro = None
            # Only words that end in a colon or a verb of saying attribute the quotation;
            # scare quotes ("called it "a sham"") are not words of the document named before.
            if ATTRIBUTION_END.search(intro_text):
                intro = Span(intro_text, intro_start, intro_start + len(intro_text))
            locator = LOCATOR_IN_TEXT.search(intro_text) if intro else None
            after = _FOOTNOTE_AFTER.match(source, end + 1, block.end)
            quotations.append(
                Quotation(
                    text=source[start:end],
                    start=start,
                    end=end,
                    context="body",
                    intro=intro,
                    locator=locator.group() if locator else "",
                    footnote_label=after.group(1) if after else "",
                )
            )
    return quotations
