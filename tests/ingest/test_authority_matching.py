"""Finding the authority names in a text: word boundaries, longest match, case."""

import pytest

from catalogue.ingest import Entry, ParseError, Vocabulary, load_authority_file

VOCABULARY = Vocabulary(
    [
        Entry("org-soviet-union", "organisation", "Soviet Union", ("USSR", "U.S.S.R.")),
        Entry("org-japan", "organisation", "Japan"),
        Entry("org-united-nations", "organisation", "United Nations", ("UN",)),
        Entry("doc-treaty", "document", "Treaty of Peace with Japan"),
        Entry("doc-declaration", "document", "Soviet-Japanese Joint Declaration of 1956"),
    ]
)


def found(text):
    return [(m.key, m.surface, text[m.start : m.end]) for m in VOCABULARY.find(text)]


def test_the_longest_name_wins_where_names_overlap():
    assert found("the Treaty of Peace with Japan in 1951") == [
        ("doc-treaty", "Treaty of Peace with Japan", "Treaty of Peace with Japan")
    ]


def test_names_match_on_word_boundaries_only():
    assert found("Japanese and Japanology") == []
    assert found("Japan's PM") == [("org-japan", "Japan", "Japan")]


def test_an_abbreviation_matches_only_with_its_own_case_and_never_inside_a_word():
    assert found("the U.S.S.R. and the USSR") == [
        ("org-soviet-union", "U.S.S.R.", "U.S.S.R."),
        ("org-soviet-union", "USSR", "USSR"),
    ]
    assert found("ussr, Ussr, XUSSR, USSRs, unity, until, sun") == []
    assert found("for UN membership") == [("org-united-nations", "UN", "UN")]


def test_other_names_ignore_case():
    assert found("the soviet union") == [("org-soviet-union", "soviet union", "soviet union")]


def test_a_hyphen_in_a_name_also_matches_an_en_dash_and_line_breaks_match_spaces():
    text = "the Soviet\u2013Japanese Joint\nDeclaration of 1956"
    [(key, surface, words)] = found(text)
    assert key == "doc-declaration" and surface == words


def test_two_records_sharing_a_name_are_ambiguous_and_neither_is_chosen():
    vocabulary = Vocabulary(
        [
            Entry("place-georgia", "place", "Georgia"),
            Entry("org-georgia", "organisation", "Georgia"),
        ]
    )
    assert vocabulary.find("in Georgia") == []


def test_the_authority_file_refuses_a_name_given_to_two_records(tmp_path):
    path = tmp_path / "authorities.yaml"
    path.write_text(
        "places:\n  place-a:\n    name: Georgia\norganisations:\n  org-b:\n    name: Georgia\n"
    )
    with pytest.raises(ParseError, match="given to both"):
        load_authority_file(path)


def test_the_authority_file_refuses_an_invalid_identifier(tmp_path):
    path = tmp_path / "authorities.yaml"
    path.write_text("people:\n  Person_X:\n    name: X Y\n")
    with pytest.raises(ParseError, match="not a valid identifier"):
        load_authority_file(path)


def test_every_authority_is_named_in_a_source_text(vocabulary, wiki, event):
    """The vocabulary lists what the texts name (the site naming itself included), no more."""
    named = {m.key for m in wiki.mentions + event.mentions + wiki.topics + event.topics}
    named.add(vocabulary.lookup(wiki.site_name.text).key)
    assert set(vocabulary.entries) - named == set()
