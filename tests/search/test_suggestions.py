import pytest

from catalogue.models import Status
from catalogue.search import search, suggest
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_a_misspelt_name_that_finds_nothing_suggests_the_authority_name(corpus):
    results = search("Hatoyma")
    assert results.total == 0
    assert results.suggestion == "Hatoyama"
    assert search(results.suggestion).total == 2


def test_a_misspelt_name_in_a_longer_query_is_corrected_in_place(corpus):
    assert suggest("Hatoyma reparations") == "Hatoyama reparations"


@pytest.mark.parametrize(
    "query, expected",
    [("Habomia", "Habomai"), ("Soviet Unoin", "Soviet Union"), ("Moskow", "Moscow")],
)
def test_close_misspellings_suggest_the_name_as_written(corpus, query, expected):
    assert suggest(query) == expected


@pytest.mark.parametrize("query", ["Habomai", "zzzzzz", "", "ab", '"-"'])
def test_nothing_is_suggested_for_a_right_or_hopeless_query(corpus, query):
    assert suggest(query) is None


def test_a_draft_authority_is_never_suggested(corpus):
    make_person(name="Shigemitsu", status=Status.DRAFT)
    assert suggest("Shigemitsy") is None


def test_a_search_with_hits_carries_no_suggestion(corpus):
    assert search("Habomai").suggestion is None
