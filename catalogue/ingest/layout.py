"""The layout of a scraped page: lines, site chrome, title, blocks, sections,
key points and sentences.

Two shapes are known. A wiki mirror has the site's header (site name, "More
info on ...", "<title>: Wikis", notices, "From Wikipedia, the free
encyclopedia"), blank-line separated paragraphs, a numbered reference list,
then "External links", "See also" and a comment form. An event page has the
title on its first line, a summary, short lines of key points, and headed
sections ("What Happened?"). Everything is located by character offsets in the
text as received.
"""

import re
from dataclasses import dataclass

from .results import Block, ParseError, Section, Span

_STRIP = " \t\f\v\u00a0\u200b\ufeff"

WIKI_MARKER = re.compile(r"^From Wikipedia(?:, the free encyclopedia)?\.?$", re.IGNORECASE)
TITLE_IN_HEADER = [
    re.compile(r"^(?P<title>.+?)\s*:\s*Wikis?$"),
    re.compile(r"^(?P<title>.+?)\s+[-\u2013|]\s+Wikipedia(?:, the free encyclopedia)?$"),
    re.compile(r"^More info on\s+(?P<title>.+)$", re.IGNORECASE),
]
HEADER_CHROME = [
    WIKI_MARKER,
    *TITLE_IN_HEADER,
    re.compile(r"^Note:.*\b(?:our|this) (?:articles?|site|page|wiki)\b", re.IGNORECASE),
    re.compile(r"^(?:Jump to|Skip to)\b", re.IGNORECASE),
]
# Lines that are chrome wherever they stand.
CHROME_LINE = re.compile(
    r"^(?:Advertisement|Share this( article| page)?:?|Retrieved from\b.*|Categories?:.*"
    r"|This (?:page|article) was last (?:modified|edited)\b.*|Print this (?:page|article))$",
    re.IGNORECASE,
)
# Headings after which the rest of the page is chrome (link lists, navigation).
FOOTER_HEADING = re.compile(
    r"^(?:External links|See also|Related (?:articles|pages|posts|topics)|Navigation menu"
    r"|Further links|Links)$",
    re.IGNORECASE,
)
# A comment form: everything from here to the end is chrome.
COMMENT_FORM = re.compile(
    r"^(?:Got something to say\b.*|(?:Make|Leave|Post|Add|Write) a (?:comment|reply)\b.*"
    r"|Comments?(?: \(\d+\))?:?|Your (?:name|e-?mail(?: address)?|website|comment)\b.*)$",
    re.IGNORECASE,
)
REFERENCES_HEADING = re.compile(
    r"^(?:References|Notes|Footnotes|Sources|Citations|Notes and references)$", re.IGNORECASE
)
REFERENCE_ENTRY = re.compile(r"^(?:(?P<num>\d{1,3})[.)]\s+|[*\u2022]\s*)?\^\s*(?P<rest>\S.*)$")
BULLET = re.compile(r"^[-*\u2022\u00b7\u2013]\s+")
SENTENCE_END = re.compile(r"[.!?]+[\"\u201d')\]]*(?:\[\w{1,3}\])*(?=\s+[\"\u201c(\[]?[A-Z0-9])")
# "U.S.S.R." or "J. Smith": a full stop after a single capital does not end a sentence.
_NO_SPLIT_BEFORE = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Art|Vol|pp?|cf|vs|etc))$")
SHORT_LINE = 100


@dataclass(frozen=True)
class Line:
    text: str  # stripped
    start: int
    end: int
    indented: bool

    @property
    def span(self):
        return Span(self.text, self.start, self.end)


def split_lines(text):
    """Non-blank lines with the offsets of their stripped content."""
    lines = []
    for match in re.finditer(r"[^\r\n]*", text):
        raw = match.group()
        stripped = raw.strip(_STRIP)
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip(_STRIP)))
        lines.append(Line(stripped, start, start + len(stripped), raw[:1] in (" ", "\t")))
    return lines


def split_header(lines):
    """Return (header lines, title span or None, site name span or None)."""
    marker = next((i for i, line in enumerate(lines[:25]) if WIKI_MARKER.match(line.text)), None)
    if marker is not None:
        header = lines[: marker + 1]
    else:
        count = 0
        while count < len(lines) and any(p.match(lines[count].text) for p in HEADER_CHROME):
            count += 1
        header = lines[:count]
    title = None
    for pattern in TITLE_IN_HEADER:
        for line in header:
            match = pattern.match(line.text)
            if match:
                start = line.start + match.start("title")
                title = Span(match.group("title"), start, start + len(match.group("title")))
                break
        if title:
            break
    site = None
    if marker is not None and header:
        first = header[0]
        if len(first.text) <= 80 and not any(p.match(first.text) for p in HEADER_CHROME):
            site = first.span
    return header, title, site


def looks_like_title(text):
    return (
        len(text) <= 200
        and any(ch.isalpha() for ch in text)
        and not text.endswith((".", ",", ";"))
        and not REFERENCE_ENTRY.match(text)
        and not BULLET.match(text)
    )


def classify(lines):
    """Split the lines after the title into (content, reference lines, chrome lines).

    Reference lines are returned grouped per entry: [[first line, continuation...], ...].
    """
    content, references, chrome = [], [], []
    state = "body"
    for line in lines:
        text = line.text
        if state == "comments" or COMMENT_FORM.match(text):
            state = "comments"
            chrome.append(line)
        elif REFERENCES_HEADING.match(text):
            state = "references"
        elif REFERENCE_ENTRY.match(text) and state in ("body", "references", "chrome"):
            state = "references"
            references.append([line])
        elif FOOTER_HEADING.match(text) or CHROME_LINE.match(text):
            state = "chrome" if FOOTER_HEADING.match(text) else state
            chrome.append(line)
        elif state == "references" and references and (line.indented or ":" in text[:12]):
            references[-1].append(line)
        elif state == "body":
            content.append(line)
        else:
            # Whatever follows the reference list or a link list is the site's, not the article's.
            state = "chrome" if state == "references" else state
            chrome.append(line)
    return content, references, chrome


def _is_short(text):
    """A line that may be a heading or key point: short, not closed by a full stop
    (footnote markers and closing quotation marks after the stop do not count)."""
    core = re.sub(r"(?:\[\w{1,3}\])+$", "", text).rstrip("\"\u201d\u2019')")
    return len(text) <= SHORT_LINE and not core.endswith((".", "\u2026"))


def make_blocks(lines):
    """Classify content lines as paragraphs, headings and key points.

    A bulleted line is a key point. A run of short lines (no closing full
    stop) is a list of key points, except that the last of the run is a
    heading when prose follows it ("What Happened?" before its paragraph).
    """
    blocks, index = [], 0
    while index < len(lines):
        line = lines[index]
        bullet = BULLET.match(line.text)
        if bullet:
            cut = bullet.end()
            blocks.append(Block("key-point", line.text[cut:], line.start + cut, line.end))
            index += 1
            continue
        if not _is_short(line.text):
            blocks.append(Block("paragraph", line.text, line.start, line.end))
            index += 1
            continue
        run_end = index
        while (
            run_end < len(lines)
            and _is_short(lines[run_end].text)
            and not BULLET.match(lines[run_end].text)
        ):
            run_end += 1
        prose_follows = run_end < len(lines) and not BULLET.match(lines[run_end].text)
        for position in range(index, run_end):
            run_line = lines[position]
            kind = "heading" if prose_follows and position == run_end - 1 else "key-point"
            blocks.append(Block(kind, run_line.text, run_line.start, run_line.end))
        index = run_end
    return blocks


def make_sections(blocks, source):
    sections, current = [], None
    for block in blocks:
        if block.kind == "heading":
            current = [block, []]
            sections.append(current)
        elif current is not None:
            current[1].append(block)
    result = []
    for heading, members in sections:
        start = members[0].start if members else heading.end
        end = members[-1].end if members else heading.end
        result.append(
            Section(Span(heading.text, heading.start, heading.end), source[start:end], start, end)
        )
    return result


def quote_spans(text):
    """(open, close) offsets of balanced quotation marks in one line of text."""
    spans, opened = [], None
    for index, ch in enumerate(text):
        if ch == "\u201c" or (ch == '"' and opened is None):
            opened = index
        elif (ch == "\u201d" or ch == '"') and opened is not None:
            spans.append((opened, index))
            opened = None
    return spans


def split_sentences(block, source):
    """Sentences of one block, as spans of the source; quotations are never split."""
    text = source[block.start : block.end]
    quotes = quote_spans(text)
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        if any(q_open < match.start() < q_close for q_open, q_close in quotes):
            continue
        if _NO_SPLIT_BEFORE.search(text[: match.start()]):
            continue
        sentences.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        sentences.append((start, len(text)))
    return [
        Span(text[s:e], block.start + s, block.start + e) for s, e in sentences if text[s:e].strip()
    ]


def title_and_content(text):
    """Return (title, site name, header lines, lines after the title), or raise ParseError."""
    lines = split_lines(text)
    header, title, site = split_header(lines)
    rest = lines[len(header) :]
    if title is None:
        if not rest:
            raise ParseError("no title: the text has no lines")
        first = rest[0]
        if not looks_like_title(first.text):
            raise ParseError(
                "no title: the first line reads as a paragraph "
                f"({len(first.text)} characters: {first.text[:60]!r}...), not as a title"
            )
        title, rest = first.span, rest[1:]
    return title, site, header, rest
