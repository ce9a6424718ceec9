"""Search queries: parsed once, in Python, into a small tree that each
database backend renders into its own syntax.

The syntax is the familiar web one: words (all must match), "quoted phrases",
OR between two terms, and -word or -"phrase" to exclude. Nothing a reader
types reaches a database as syntax: every word is reduced to letters and
digits first, so FTS operators, stray quotes, brackets, NUL bytes and the
like are simply not words, and a query never fails.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from .porter import stem
from .text import WORD_RE, fold

MAX_QUERY_LENGTH = 500
MAX_TERMS = 32
# How many words of a query may form one authority name ("Ichiro Hatoyama").
MAX_NAME_WORDS = 6

# Common English words dropped from the words a query requires (not from
# phrases), so that "the treaty of peace" finds "peace treaty". The index
# keeps them, so phrases still match word for word.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    ]
)

QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
CHUNK_RE = re.compile(r'(-?)"([^"]*)(?:"|$)|([^\s"]+)')


@dataclass(frozen=True)
class Phrase:
    """Folded words that must stand together, in order (one word is a phrase of one)."""

    words: tuple[str, ...]

    @property
    def stems(self):
        return tuple(stem(word) for word in self.words)


@dataclass(frozen=True)
class AllOf:
    items: tuple


@dataclass(frozen=True)
class AnyOf:
    items: tuple


@dataclass
class Term:
    node: object
    plain: bool = False  # a bare word, alone: may be part of a name, may be a stop word


@dataclass
class ParsedQuery:
    text: str
    must: list = field(default_factory=list)  # of Term, all required
    must_not: list = field(default_factory=list)  # of nodes, none allowed

    @property
    def is_empty(self):
        """No positive term: nothing can be matched (a query of exclusions only included)."""
        return not self.must

    def positive_nodes(self):
        return [term.node for term in self.must]

    def highlight_terms(self):
        """Every phrase the query looks for, as stems, for marking snippets."""
        found = []

        def walk(node):
            if isinstance(node, Phrase):
                found.append(node.stems)
            else:
                for item in node.items:
                    walk(item)

        for node in self.positive_nodes():
            walk(node)
        return list(dict.fromkeys(found))


def clean_query(query):
    """The query as searched: at most MAX_QUERY_LENGTH characters, no control
    characters (NUL included), typographic quotes made straight."""
    if not isinstance(query, str):
        query = "" if query is None else str(query)
    query = query[: MAX_QUERY_LENGTH * 2]
    query = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in query)
    query = unicodedata.normalize("NFC", query).translate(QUOTES)
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


def _phrase(text):
    found = tuple(WORD_RE.findall(fold(text)))
    return Phrase(found) if found else None


def parse(query):
    """Parse `query` into a ParsedQuery; never raises."""
    text = clean_query(query)
    parsed = ParsedQuery(text=text)
    items = []  # Term, or "OR"
    for match in CHUNK_RE.finditer(text):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.upper() == "OR":
                items.append("OR")
                continue
            negated = "-" if bare.startswith("-") else ""
            phrase = _phrase(bare)
            plain = not negated and phrase is not None and len(phrase.words) == 1
        else:
            phrase = _phrase(quoted)
            plain = False
        if phrase is None:
            continue
        if negated:
            parsed.must_not.append(phrase)
            items.append(None)  # an exclusion ends any OR chain
        else:
            items.append(Term(phrase, plain=plain))

    # "a OR b" binds its two neighbours into one term.
    merged = []
    for i, item in enumerate(items):
        if not isinstance(item, Term):
            continue
        joined = i >= 2 and items[i - 1] == "OR" and isinstance(items[i - 2], Term) and merged
        if joined:
            previous = merged[-1].node
            options = previous.items if isinstance(previous, AnyOf) else (previous,)
            merged[-1] = Term(AnyOf((*options, item.node)))
        else:
            merged.append(item)
    parsed.must = merged[:MAX_TERMS]
    parsed.must_not = parsed.must_not[: max(0, MAX_TERMS - len(parsed.must))]
    return parsed


def name_keys(parsed):
    """Keys (folded words, one space apart) of every run of plain words and of
    every quoted phrase: the candidates for authority names in the query."""
    keys = set()
    for run in _plain_runs(parsed.must):
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + MAX_NAME_WORDS) + 1):
                keys.add(" ".join(w for t in run[i:j] for w in t.node.words))
    for term in parsed.must:
        if isinstance(term.node, Phrase) and not term.plain:
            keys.add(" ".join(term.node.words))
    # "up" is a common word before it is United Press's abbreviation.
    return {key for key in keys if not all(w in STOP_WORDS for w in key.split())}


def _plain_runs(terms):
    run = []
    for term in terms:
        if term.plain:
            run.append(term)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


def expand(parsed, names_by_key):
    """A copy of `parsed` in which each authority name (longest first) may also
    match any of that record's other names. `names_by_key` maps a key to the
    word tuples of every name of the records it names."""
    if not names_by_key:
        return _drop_stop_words(parsed)
    terms, i, must = parsed.must, 0, []
    while i < len(terms):
        term = terms[i]
        if not term.plain:
            key = " ".join(term.node.words) if isinstance(term.node, Phrase) else None
            must.append(_widened([term], names_by_key.get(key)) if key else term)
            i += 1
            continue
        for j in range(min(len(terms), i + MAX_NAME_WORDS), i, -1):
            run = terms[i:j]
            if not all(t.plain for t in run):
                continue
            key = " ".join(w for t in run for w in t.node.words)
            if key in names_by_key:
                must.append(_widened(run, names_by_key[key]))
                i = j
                break
        else:
            must.append(term)
            i += 1
    return _drop_stop_words(ParsedQuery(text=parsed.text, must=must, must_not=parsed.must_not))


def _widened(run, names):
    if not names:
        return run[0]
    original = run[0].node if len(run) == 1 else AllOf(tuple(t.node for t in run))
    options = [original] + [Phrase(words) for words in names]
    return Term(AnyOf(tuple(dict.fromkeys(options))))


def _drop_stop_words(parsed):
    kept = [t for t in parsed.must if not (t.plain and t.node.words[0] in STOP_WORDS)]
    if kept and len(kept) < len(parsed.must):
        parsed = ParsedQuery(text=parsed.text, must=kept, must_not=parsed.must_not)
    return parsed
