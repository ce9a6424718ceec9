"""The searches the issue names find the expected records first, and both
databases agree on the whole list (this file runs in the SQLite and the
PostgreSQL pass of the suite with the same expectations)."""

import pytest

from catalogue.search import search
from tests.search.conftest import records

pytestmark = pytest.mark.django_db

# Query -> the corpus records found, in order: the same list on both databases.
EXPECTED = {
    "Hatoyama": ["hatoyama", "event"],
    "Habomai": ["habomai", "declaration", "wiki"],
    "reparations": ["event", "wiki"],
    "U.S.S.R.": ["soviet_union", "event", "declaration", "wiki", "protocol"],
    "USSR": ["soviet_union", "event", "declaration", "wiki", "protocol"],
    "Soviet Union": ["soviet_union", "event", "declaration", "wiki", "protocol"],
    '"hand over to Japan the Habomai"': ["declaration", "wiki"],
    "Ichirō Hatoyama": ["hatoyama", "event"],
    "japan": ["japan", "event", "declaration", "wiki"],
    "Soviet-Japanese": ["declaration", "wiki"],
    "Moscow": ["moscow", "event"],
    "japan -habomai": ["japan", "event"],
    "trade OR reparations": ["protocol", "wiki", "event"],
}


def names_of(corpus, results):
    label = {record: name for name, record in vars(corpus).items()}
    return [label[record] for record in records(results)]


@pytest.mark.parametrize("query", list(EXPECTED))
def test_both_databases_return_the_same_records_in_the_same_order(corpus, query):
    assert names_of(corpus, search(query)) == EXPECTED[query]


def test_within_one_tier_close_scores_may_order_differently_but_find_the_same_records(corpus):
    # bm25 (SQLite) and ts_rank (PostgreSQL) weigh the same hits differently:
    # the event article is shorter, the Wikipedia text has the phrase twice.
    # The tier order (title, names, text) and the records found are shared.
    found = names_of(corpus, search("diplomatic relations"))
    assert found[0] == "declaration"  # a short text: "restores diplomatic relations"
    assert sorted(found[1:]) == ["event", "wiki"]


def test_hatoyama_finds_the_person_first_then_the_article_about_his_visit(corpus):
    results = search("Hatoyama")
    assert records(results)[:2] == [corpus.hatoyama, corpus.event]
    assert results.hits[0].type == "person"
    assert results.hits[0].url == corpus.hatoyama.get_absolute_url()


def test_habomai_finds_the_islands_then_the_declaration_that_names_them(corpus):
    assert records(search("Habomai"))[:2] == [corpus.habomai, corpus.declaration]


def test_reparations_finds_the_articles_that_discuss_them(corpus):
    results = search("reparations")
    assert set(records(results)) == {corpus.event, corpus.wiki}
    assert results.counts_by_type["article"] == 2


def test_dotted_ussr_finds_records_that_only_say_ussr_or_soviet_union(corpus):
    found = records(search("U.S.S.R."))
    assert found[0] == corpus.soviet_union
    # Neither text has the dotted form: found through the authority's variants.
    assert corpus.protocol in found  # "... trade with the USSR."
    assert corpus.event in found  # "The Soviet Union and Japan signed ..."


def test_a_quoted_phrase_from_article_9_matches_only_those_words_in_that_order(corpus):
    from tests.factories import make_document

    scrambled = make_document(title="Notes", description="The Habomai: Japan will hand them over.")
    phrase = search('"hand over to Japan the Habomai"')
    assert records(phrase)[0] == corpus.declaration
    assert scrambled not in records(phrase)
    assert scrambled in records(search("hand over to Japan the Habomai"))


def test_stemming_and_folding_find_other_forms_of_a_word(corpus):
    assert corpus.event in records(search("REPARATION"))
    assert corpus.hatoyama in records(search("ichiro"))  # variant written "Ichirō"
    assert corpus.declaration in records(search("negotiating"))  # "negotiations"


def test_results_can_be_limited_to_some_record_types(corpus):
    results = search("Habomai", types=["document", "article"])
    assert records(results) == [corpus.declaration, corpus.wiki]
    assert results.total == 2
    # The per-type counts still cover every type, for the facet links.
    assert results.counts_by_type["place"] == 1


def test_pages_follow_one_another_without_repeating_a_hit(corpus):
    first = search("Soviet Union", limit=2)
    second = search("Soviet Union", limit=2, offset=2)
    assert first.total == second.total == 5
    assert not set(records(first)) & set(records(second))
    assert records(first) + records(second) == records(search("Soviet Union"))[:4]
