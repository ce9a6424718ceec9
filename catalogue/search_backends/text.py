"""Words as search sees them, the same on every database: folded (lower case,
accents removed), split on anything that is not a letter or digit, stemmed.

Snippets are cut and highlighted here too, from the stored text, so that
both databases show the same marks and every character is HTML-escaped.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString

from .porter import stem

# Runs of letters and digits: how FTS5's unicode61 tokenizer splits text
# ("U.S.S.R." is u, s, s, r; "Soviet-Japanese" is soviet, japanese).
WORD_RE = re.compile(r"[^\W_]+")

SNIPPET_WORDS = 32
# A snippet is looked for in this much of a long text; past it the opening is shown.
SNIPPET_SCAN_CHARS = 200_000


def fold(text):
    """Lower-case `text` and strip accents ("Ōsaka" -> "osaka"), as FTS5 does."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text):
    """The folded words of `text`, in order."""
    return WORD_RE.findall(fold(text or ""))


def stems(text):
    return [stem(word) for word in words(text)]


def lexeme(word_stem):
    """A stem as PostgreSQL is given it: ASCII as it is, anything else spelt
    in hex, so that no database locale can split or drop a word."""
    return word_stem if word_stem.isascii() else "u" + word_stem.encode("utf-8").hex()


def indexed_text(text):
    """What PostgreSQL indexes for `text`: its stems, one space apart."""
    return " ".join(lexeme(word_stem) for word_stem in stems(text))


# Line breaks and tabs are kept; str.isprintable() counts them as unprintable.
_KEPT_SPACES = str.maketrans("\n\t", "  ")


def clean_text(text):
    """Stored text in composed Unicode, without NUL or other control characters
    (PostgreSQL refuses NUL; neither database can match them)."""
    text = unicodedata.normalize("NFC", text or "")
    # Nearly every text has none: one pass in C says so. Looking at each
    # character in Python was half of a full index rebuild (27 of 55 s).
    if text.translate(_KEPT_SPACES).isprintable():
        return text
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text)


class Highlighter:
    """Marks where the query's terms stand in a text.

    `terms` are tuples of stems; a tuple of several is a phrase and is marked
    only where its words stand together, in order.
    """

    def __init__(self, terms):
        self.terms = [tuple(term) for term in terms if term]
        # Porter keeps a word's first two letters, so only words that start
        # like some term need stemming at all: long texts stay cheap.
        self.prefixes = {s[:2] for term in self.terms for s in term}
        self.first_stems = {term[0] for term in self.terms}

    def _tokens(self, text):
        tokens = []
        for match in WORD_RE.finditer(text):
            folded = fold(match.group())
            token_stem = stem(folded) if folded[:2] in self.prefixes else None
            tokens.append((match.start(), match.end(), token_stem))
        return tokens

    def _matches(self, tokens):
        """(first token, last token, term index) for every place a term stands."""
        found = []
        for i, (_, _, token_stem) in enumerate(tokens):
            if token_stem is None or token_stem not in self.first_stems:
                continue
            for t, term in enumerate(self.terms):
                if term[0] == token_stem and all(
                    i + k < len(tokens) and tokens[i + k][2] == part
                    for k, part in enumerate(term[1:], start=1)
                ):
                    found.append((i, i + len(term) - 1, t))
        return found

    def whole(self, text):
        """All of `text`, escaped, with every term marked."""
        tokens = self._tokens(text)
        return self._render(text, tokens, self._matches(tokens), 0, len(tokens))

    def snippet(self, text, size=SNIPPET_WORDS):
        """The passage of about `size` words holding the most distinct terms,
        escaped and marked, or None when no term stands in `text`."""
        text = text or ""
        tokens = self._tokens(text[:SNIPPET_SCAN_CHARS])
        matches = self._matches(tokens)
        if not matches:
            return None
        best, best_score = 0, -1
        for first, _, _ in matches:
            start = max(0, first - 4)
            score = len({t for f, _, t in matches if start <= f < start + size})
            if score > best_score:
                best, best_score = start, score
        return self._render(text, tokens, matches, best, min(len(tokens), best + size))

    @staticmethod
    def opening(text, size=SNIPPET_WORDS):
        """The first `size` words of `text`, escaped, unmarked."""
        tokens = [(m.start(), m.end(), None) for m in WORD_RE.finditer(text[:5000] or "")]
        return Highlighter._render(text, tokens, [], 0, min(len(tokens), size))

    @staticmethod
    def _render(text, tokens, matches, first, last):
        if not tokens:
            return SafeString(escape(text.strip()))
        start = 0 if first == 0 else tokens[first][0]
        end = len(text) if last >= len(tokens) else tokens[last - 1][1]
        spans = sorted(
            (tokens[a][0], tokens[b][1]) for a, b, _ in matches if a >= first and b < last
        )
        out, position = [], start
        for span_start, span_end in spans:
            if span_start < position:
                continue  # overlaps a span already marked
            out.append(escape(text[position:span_start]))
            out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
            position = span_end
        out.append(escape(text[position:end]))
        html = "".join(out).strip()
        if first > 0:
            html = "\u2026 " + html
        if last < len(tokens) or end < len(text.rstrip()):
            html += " \u2026"
        return SafeString(html)
