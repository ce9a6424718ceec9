"""Source text in, ParsedText out. Plain Python: no Django, testable on a string."""

import re

from .authority import Vocabulary
from .candidates import build_candidates, subject_of
from .citations import natural_order
from .dates import find_dates
from .layout import (
    classify,
    make_blocks,
    make_sections,
    split_sentences,
    title_and_content,
)
from .names import Name
from .references import find_footnotes, find_quotations, parse_references
from .results import Alias, Candidate, Mention, ParsedText, ParseError, Span
from .source import check_text

MENTION_KINDS = ("person", "organisation", "place", "document")


def _comparable(text):
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip(" .").casefold()


def _cited_document(reference, mentions):
    """The document mention that is the whole title of `reference`, if any."""
    title = _comparable(reference.title)
    for mention in mentions:
        if (
            mention.kind == "document"
            and reference.start <= mention.start < reference.end
            and _comparable(mention.surface) == title
        ):
            return mention
    return None


def parse_text(text: str, vocabulary: Vocabulary | None = None) -> ParsedText:
    """Parse one scraped page into a ParsedText, or raise ParseError saying why not.

    `vocabulary` (a Vocabulary) names the authorities whose mentions are
    looked for; without it no mentions are found.
    """
    if not isinstance(text, str):
        raise ParseError("the text is not a string")
    check_text(text)
    title, site, header, rest = title_and_content(text)
    content, reference_entries, chrome_lines = classify(rest)
    blocks = make_blocks(content)
    if not any(block.kind != "heading" for block in blocks):
        raise ParseError(f"no article text after the title {title.text!r}")
    references = parse_references(reference_entries, text)
    sentences = [
        s for block in blocks if block.kind != "heading" for s in split_sentences(block, text)
    ]
    footnotes = find_footnotes(blocks, text, references)
    quotations = find_quotations(blocks, sentences, text)
    for reference in references:
        quotations.extend(q for q in (reference.subtitle, reference.quote) if q)

    # Where mentions and dates are looked for: the title, the running text and
    # the reference list; never the chrome around them.
    regions: list[tuple[int, int, int | None]] = [(title.start, title.end, None)]
    regions += [(b.start, b.end, None) for b in blocks]
    for reference in references:
        year = int(reference.date.edtf[:4]) if reference.date else None
        regions.append((reference.start, reference.entry_end, year))
    dates, mentions, topics = [], [], []
    for start, end, context_year in regions:
        dates += find_dates(text[start:end], start, context_year)
        if vocabulary is not None:
            mentions += vocabulary.find(text[start:end], start, kinds=MENTION_KINDS)
    if vocabulary is not None:
        for block in blocks:
            topics += vocabulary.find(text[block.start : block.end], block.start, kinds=("topic",))

    for reference in references:
        reference.cited = _cited_document(reference, mentions)
    candidates: list[Candidate] = []
    aliases: list[Alias] = []
    if vocabulary is not None:
        unknown = _reference_names(references, mentions, vocabulary)
        body = [(b.start, b.end) for b in blocks if b.kind != "heading"]
        blocked = [(m.start, m.end) for m in mentions] + [(d.start, d.end) for d in dates]
        blocked += [(q.start, q.end) for q in quotations]
        candidates, mentions, aliases = build_candidates(
            text,
            body,
            sentences,
            mentions,
            blocked,
            vocabulary,
            subject_of(title, mentions),
            unknown,
        )

    warnings = []
    for footnote in footnotes:
        if not any(r.label == footnote.label for r in references):
            warnings.append(f"footnote [{footnote.label}] has no reference in the list")
    return ParsedText(
        source=text,
        title=title,
        site_name=site,
        blocks=blocks,
        sections=make_sections(blocks, text),
        key_points=[b for b in blocks if b.kind == "key-point"],
        sentences=sentences,
        footnotes=footnotes,
        references=references,
        quotations=sorted(quotations, key=lambda q: q.start),
        dates=sorted(dates, key=lambda d: d.start),
        mentions=sorted(mentions, key=lambda m: m.start),
        topics=sorted(topics, key=lambda m: m.start),
        chrome=[line.span for line in (*header, *chrome_lines)],
        warnings=warnings,
        candidates=candidates,
        aliases=aliases,
    )


def _reference_names(references, mentions, vocabulary):
    """Authors and publishers of references in citation form: a Mention added to
    `mentions` for each the vocabulary knows, a Name (to become a candidate) for the rest."""
    unknown = []
    for reference in references:
        parts = [(a, "person") for a in reference.authors]
        if reference.authors and reference.publication:
            start = reference.text.find(reference.publication)
            end = reference.start + start + len(reference.publication)
            parts.append(
                (Span(reference.publication, reference.start + start, end), "organisation")
            )
        for span, kind in parts:
            if any(m.start <= span.start < m.end for m in mentions):
                continue
            entry = vocabulary.lookup(natural_order(span.text))
            if entry is not None and entry.kind == kind:
                mentions.append(Mention(entry.key, kind, span.text, span.start, span.end))
            else:
                unknown.append(
                    Name(
                        span.start,
                        span.end,
                        span.text,
                        kind,
                        "head",
                        label=natural_order(span.text),
                    )
                )
    mentions.sort(key=lambda m: m.start)
    return unknown
