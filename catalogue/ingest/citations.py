"""References in the usual citation forms, taken apart.

Author first: 'Hellmann, Donald C. (1969). "Japanese Foreign Policy and
Domestic Politics". University of California Press. pp. 12-19.' or, for an
article, '... "Title". Journal of Asian Studies. 12 (3): 45-67.' Several
authors are separated by ";", "&" or "and". The title is the quoted part;
the publisher or journal follows it; volume (number): pages close it.
"""

import re

from .dates import find_dates
from .results import Reference, Span

# "pp. 12-19" / "pages 12-19" -> "pages 12-19"; "p. 2" / "page 2" -> "page 2". The plural is
# tried first: "page" is the start of "pages" and must not leave its "s" behind.
_LOCATOR_WORD = [
    (re.compile(r"^(?:pp\.|pages)\s*", re.IGNORECASE), "pages "),
    (re.compile(r"^(?:p\.|page)\s*", re.IGNORECASE), "page "),
]

CITATION = re.compile(
    r"^(?P<authors>[^\"\u201c()]+?)\s*\((?P<year>1\d{3}|20\d{2})[a-z]?\)\.?\s*"
    r"[\"\u201c](?P<title>[^\"\u201d]+?)[.,]?[\"\u201d]\.?\s*(?P<rest>.*)$"
)
_VOLUME = re.compile(
    r"(?P<volume>\d+)\s*(?:\((?P<number>\d+)\))?\s*:\s*(?P<pages>\d+(?:\s*[-\u2013]\s*\d+)?)"
)
_PAGES = re.compile(r"\b(?:pp?\.|pages?)\s*\d+(?:\s*[-\u2013]\s*\d+)?", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|&|\band\b)\s*")


def normal_locator(words: str) -> str:
    """A page locator in one form: "pp. 12-19" -> "pages 12-19", "p. 2" -> "page 2"."""
    for pattern, replacement in _LOCATOR_WORD:
        if pattern.match(words):
            return pattern.sub(replacement, words, count=1)
    return words


def natural_order(author: str) -> str:
    """ "Hellmann, Donald C." -> "Donald C. Hellmann" (a name already in that order is kept)."""
    if "," not in author:
        return author
    family, given = (part.strip() for part in author.split(",", 1))
    return f"{given} {family}" if given else family


def parse_citation(reference: Reference) -> bool:
    """Fill `reference`'s authors, title, publication, volume, number, locator and date
    when its text is in author-first citation form; return False (changing nothing) if not."""
    match = CITATION.match(reference.text)
    if not match:
        return False
    base = reference.start
    authors, position = [], match.start("authors")
    for part in _AUTHOR_SPLIT.split(match.group("authors")):
        part = part.strip().rstrip(".") if not re.search(r"\b[A-Z]\.$", part) else part.strip()
        if not part:
            continue
        start = reference.text.index(part, position)
        authors.append(Span(part, base + start, base + start + len(part)))
        position = start + len(part)
    dated = find_dates(match.group("year"), base + match.start("year"))
    reference.authors = authors
    reference.title = match.group("title").strip()
    reference.date = dated[0] if dated else reference.date
    rest = match.group("rest")
    # The publisher or journal runs to the first full stop that does not close an initial.
    reference.publication = re.split(r"(?<!\b[A-Z])\.(?:\s|$)|,", rest, maxsplit=1)[0].strip()
    volume = _VOLUME.search(rest)
    pages = _PAGES.search(rest)
    if volume:
        reference.volume, reference.number = volume.group("volume"), volume.group("number") or ""
        pages_text = volume.group("pages")
        reference.locator = (
            "pages " if re.search(r"[-\u2013]", pages_text) else "page "
        ) + pages_text
    elif pages:
        reference.locator = normal_locator(pages.group())
    return True
