"""The catalogue as `manage.py seed` loads it answers the issue's searches
with the expected records first, without a rebuild."""

from io import StringIO

import pytest
from django.core.management import call_command

from catalogue.search import search

pytestmark = pytest.mark.django_db

ARTICLE_9 = '"agrees to hand over to Japan the Habomai and the Shikotan Islands"'


@pytest.fixture
def seeded(db):
    call_command("seed", stdout=StringIO())


def found(query):
    return [hit.record.identifier for hit in search(query).hits]


def test_hatoyama_finds_the_person_then_the_article_on_his_visit(seeded):
    assert found("Hatoyama") == ["person-ichiro-hatoyama", "article-f5ec84521a8842e8"]


def test_habomai_finds_the_islands_then_the_declaration_then_the_article(seeded):
    assert found("Habomai") == [
        "place-habomai-islands",
        "doc-joint-declaration-1956",
        "article-0543db3bfdfe29b7",
    ]


def test_reparations_finds_both_articles(seeded):
    assert found("reparations") == ["article-0543db3bfdfe29b7", "article-f5ec84521a8842e8"]


def test_the_article_9_phrase_finds_the_declaration_first(seeded):
    assert found(ARTICLE_9) == ["doc-joint-declaration-1956", "article-0543db3bfdfe29b7"]
    # The same words out of order are not the phrase.
    assert found('"hand over to Japan the Shikotan"') == []


def test_dotted_ussr_finds_the_soviet_union_and_texts_that_name_it_otherwise(seeded):
    hits = found("U.S.S.R.")
    assert hits[:2] == ["org-soviet-union", "article-f5ec84521a8842e8"]
    # The second article only ever says "Soviet Union": found through the variants.
    assert set(hits[2:]) == {
        "doc-joint-declaration-1956",
        "doc-nyt-1956-10-20-texts",
        "article-0543db3bfdfe29b7",
    }
    assert found("USSR") == hits


def test_a_common_word_that_abbreviates_an_organisation_is_not_widened(seeded):
    # "up" is also United Press's variant "UP": a common word, not a name.
    assert found("set up") == ["article-f5ec84521a8842e8"]
