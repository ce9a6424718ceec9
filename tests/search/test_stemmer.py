"""The Python stemmer (used for PostgreSQL and for snippets) splits and
stems words exactly as SQLite's FTS5 porter tokenizer does, so both
databases match the same records."""

import re
import sqlite3
from pathlib import Path

from django.conf import settings

from catalogue.search_backends.porter import stem
from catalogue.search_backends.text import words

TRICKY = (
    "ies sses eed feed agreed bled hopping filing failing falling hissing fizzed happy sky "
    "generalization oscillators ponies caresses motoring plastered conflated troubled sized "
    "hoping specced electrical hopeful goodness revival allowance inference airliner adjustable "
    "defensible irritant replacement adjustment dependent adoption homologous communism "
    "activate angularity effective bowdlerize probate rate cease controlling rolling "
    "possibly technology apologies terribly reparations negotiations diplomatic"
)


def fts5_terms(text):
    """The terms FTS5 stores for `text`, in order."""
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')"
    )
    connection.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    connection.execute("INSERT INTO t VALUES (?)", (text,))
    rows = connection.execute("SELECT term, offset FROM v ORDER BY offset").fetchall()
    connection.close()
    return [term for term, _ in rows]


def test_stems_match_fts5_for_every_word_of_the_source_texts_and_tricky_cases():
    sources = Path(settings.BASE_DIR, "fixtures", "sources")
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(sources.glob("*.txt")))
    text += " " + TRICKY
    vocabulary = sorted(set(re.findall(r"[a-z]+", text.lower())))
    assert len(vocabulary) > 300
    assert [stem(w) for w in vocabulary] == fts5_terms(" ".join(vocabulary))


def test_words_are_split_and_folded_as_fts5_splits_them():
    text = "The U.S.S.R.'s Soviet-Japanese déclaration, Ōsaka 1956-10-19 x_y naïve"
    assert [stem(w) for w in words(text)] == fts5_terms(text)
