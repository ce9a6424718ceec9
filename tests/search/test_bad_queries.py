"""Whatever is typed into the search box, search answers without an error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.models import Document
from catalogue.search import matching_pks, search, suggest

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    "   ",
    '"',
    '"Habomai',
    'Habomai"',
    '"""',
    "AND",
    "OR",
    "NOT",
    "Habomai NOT",
    "NEAR(Habomai Shikotan)",
    "Habomai*",
    "^Habomai",
    "title:Habomai",
    "-Habomai",
    "--",
    "+Habomai",
    "(Habomai",
    "Habomai)",
    "{title}: Habomai",
    "Habomai\x00Shikotan",
    "\x00",
    "!!!",
    "&|<->!:*",
    "'; DROP TABLE catalogue_document; --",
    "Habomai " * 400,
    "x" * 5000,
    "\u200b\ufeff",
    "\ud800",
    "🇯🇵",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_a_bad_query_returns_cleanly(corpus, query):
    results = search(query)
    assert results.total == len(results.hits) or results.total > len(results.hits) == 20
    assert len(results.query) <= 500
    matching_pks(query, model=Document)
    suggest(query)


def test_operators_are_words_not_syntax(corpus):
    assert search("Habomai*").total == search("Habomai").total == 3
    # "near" is a word like any other; "and" a common word left out.
    assert search("NEAR(Habomai Shikotan)").total == search("near Habomai Shikotan").total == 0
    assert search("Habomai AND Shikotan").total == search("Habomai Shikotan").total == 2


def test_an_unbalanced_quote_searches_the_rest_as_a_phrase(corpus):
    assert search('"hand over to Japan').total == search('"hand over to Japan"').total == 2


def test_exclusions_alone_find_nothing_and_say_why(corpus):
    results = search("-Habomai")
    assert results.total == 0 and "Nothing to search for" in results.notice


def test_a_very_long_query_is_cut_and_says_so(corpus):
    results = search("Habomai " * 400)
    assert results.total == 3
    assert "first 500 characters" in results.notice


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=st.one_of(
        st.text(max_size=200),
        st.lists(
            st.sampled_from(
                [
                    '"',
                    "AND",
                    "OR",
                    "NOT",
                    "NEAR",
                    "*",
                    "^",
                    ":",
                    "-",
                    "+",
                    "(",
                    ")",
                    "{",
                    "}",
                    "\x00",
                    " ",
                    "Habomai",
                    "U.S.S.R.",
                    "the",
                    "Soviet",
                    "Union",
                    "'",
                    "\\",
                    "!",
                ]
            ),
            max_size=30,
        ).map("".join),
    )
)
def test_any_query_string_returns_without_error(corpus, query):
    results = search(query)
    assert results.total >= len(results.hits)
    assert all(h.snippet is not None for h in results.hits)
