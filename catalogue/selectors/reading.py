"""An article's reading view: its cleaned text in blocks, with every mention
and footnote marker turned into a link.

Mentions and citations carry spans in the verbatim source text, while the
page shows the cleaned body. The body is made of lines of the source, so each
of its paragraphs is found in the source (in order) and the spans falling
inside it are placed on it; a paragraph that cannot be found is shown plain.
"""

from dataclasses import dataclass, field

from catalogue.models import Citation


@dataclass
class Segment:
    text: str
    kind: str = ""  # "", "mention" or "footnote"
    target: object = None  # the linked record (mention) or the citation (footnote)


@dataclass
class Block:
    kind: str  # "heading", "paragraph" or "points"
    segments: list = field(default_factory=list)
    items: list = field(default_factory=list)  # for "points": a list of segment lists
    section_number: int = 0  # for "heading": 1, 2, ... as the table of contents counts


@dataclass
class Footnote:
    label: str
    reference_text: str
    citations: list


def _spans(article):
    spans = [(m.start, m.end, "mention", m.target) for m in article.mentions.all()]
    for citation in article.citations.all():
        if citation.kind == Citation.Kind.REFERENCE and citation.source_start is not None:
            spans.append((citation.source_start, citation.source_end, "footnote", citation))
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept, end = [], -1
    for span in spans:
        if span[0] >= end and span[1] > span[0]:  # overlapping spans keep the first
            kept.append(span)
            end = span[1]
    return kept


def _segments(text, offset, spans):
    segments, position = [], 0
    for start, end, kind, target in spans:
        if start < offset or end > offset + len(text):
            continue
        local_start, local_end = start - offset, end - offset
        if local_start > position:
            segments.append(Segment(text[position:local_start]))
        segments.append(Segment(text[local_start:local_end], kind, target))
        position = local_end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def reading_blocks(article):
    """The article body as headings, paragraphs and key-point lists, linked."""
    source = article.source_text or ""
    spans = _spans(article)
    headings = {s.get("heading", "") for s in article.sections or []}
    points = {p.get("text", "") for p in article.key_points or []}
    blocks, position = [], 0
    for paragraph in (p.strip() for p in (article.body or "").split("\n\n")):
        if not paragraph:
            continue
        found = source.find(paragraph, position)
        if found >= 0:
            position = found + len(paragraph)
            segments = _segments(paragraph, found, spans)
        else:
            segments = [Segment(paragraph)]
        if paragraph in headings:
            number = sum(1 for b in blocks if b.kind == "heading") + 1
            blocks.append(Block("heading", segments, section_number=number))
        elif paragraph in points:
            if not blocks or blocks[-1].kind != "points":
                blocks.append(Block("points"))
            blocks[-1].items.append(segments)
        else:
            blocks.append(Block("paragraph", segments))
    return blocks


def footnotes(article):
    """Footnotes by label, each with its reference as written and the citations under it."""
    by_label = {}
    for citation in article.citations.all():
        if not citation.footnote_label:
            continue
        note = by_label.setdefault(
            citation.footnote_label,
            Footnote(citation.footnote_label, citation.reference_text, []),
        )
        note.citations.append(citation)
    return list(by_label.values())


def cited_documents(footnote):
    """[(how, document)] for a footnote: the work the reference itself is ("reference"),
    then a document only a quotation under the note is from ("quotation"), so the page
    does not call a newspaper page "catalogued as" the declaration it prints."""
    seen, documents = set(), []
    for kind in (Citation.Kind.REFERENCE, Citation.Kind.QUOTATION):
        for citation in footnote.citations:
            document = citation.cited_document
            if citation.kind == kind and document and document.pk not in seen:
                seen.add(document.pk)
                documents.append((kind, document))
    return documents
