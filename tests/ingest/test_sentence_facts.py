"""The verbs and phrasings a cataloguer reads facts from, each with the words it comes from."""

import pytest

from catalogue.ingest import Entry, Vocabulary, parse_text
from catalogue.ingest.facts import extract_facts

VOCABULARY = Vocabulary(
    [
        Entry("org-japan", "organisation", "Japan"),
        Entry("org-united-states", "organisation", "United States"),
        Entry("org-league", "organisation", "League of Nations"),
        Entry("place-tokyo", "place", "Tokyo"),
        Entry("place-washington", "place", "Washington"),
        Entry("person-kishi", "person", "Nobusuke Kishi"),
        Entry("doc-treaty-1960", "document", "Treaty of Mutual Cooperation and Security"),
    ]
)
DOC = "doc-treaty-1960"


def facts(text):
    parsed = parse_text("Treaty of Mutual Cooperation and Security\n" + text, VOCABULARY)
    found = extract_facts(parsed)
    for fact in found:
        assert parsed.source[fact.value_span.start : fact.value_span.end] == fact.value_span.text
    return {(f.subject, f.kind, f.value, f.note, f.value_span.text) for f in found}


@pytest.mark.parametrize(
    "verb", ["came into force on", "entered into force on", "took effect on", "came into effect on"]
)
def test_entry_into_force_in_its_usual_words(verb):
    found = facts(f"The treaty {verb} 23 June 1960.")
    assert (DOC, "in-force", "1960-06-23", "23 June 1960", "23 June 1960") in found


def test_signing_by_two_people_in_two_places():
    found = facts(
        "The treaty was signed by Prime Minister Nobusuke Kishi in Tokyo and by Secretary of "
        "State Christian Herter in Washington on 19 January 1960."
    )
    herter = "candidate:person:christian-herter"
    assert (DOC, "signatory", "person-kishi", "Prime Minister", "Nobusuke Kishi") in found
    assert (DOC, "signatory", herter, "Secretary of State", "Christian Herter") in found
    assert (DOC, "date", "1960-01-19", "19 January 1960", "19 January 1960") in found
    assert {(DOC, "place", p) for p in ("place-tokyo", "place-washington")} <= {
        f[:3] for f in found
    }
    assert (herter, "office", "Secretary of State", "", "Secretary of State") in found


def test_parties_before_the_verb_and_on_behalf_of():
    found = facts("Japan and the United States signed the treaty on behalf of Japan.")
    assert {f[2] for f in found if f[1] == "party"} == {"org-japan", "org-united-states"}


@pytest.mark.parametrize(
    ("sentence", "value", "note"),
    [
        ("The Diet ratified the treaty on May 20, 1960.", "1960-05-20", "ratified"),
        ("The treaty was negotiated between 1958 and 1960.", "1958/1960", "negotiated"),
        ("The Senate approved the treaty in June 1960.", "1960-06", "approved"),
    ],
)
def test_dated_events_of_a_document(sentence, value, note):
    assert {(f[1], f[2], f[3]) for f in facts(sentence)} == {("event", value, note)}


def test_joining_and_leaving_an_organisation_are_dated_events_of_the_member():
    found = facts(
        "Japan joined the League of Nations in January 1920. Japan withdrew from the League of "
        "Nations on 27 March 1933."
    )
    assert (
        "org-japan",
        "event",
        "1920-01",
        "joined the League of Nations",
        "January 1920",
    ) in found
    assert ("org-japan", "event", "1933-03-27", "withdrew from the League of Nations",
            "27 March 1933") in found  # fmt: skip


def test_other_titles_in_brackets_and_after_known_as():
    found = facts(
        "The Treaty of Mutual Cooperation and Security (the Security Treaty) was signed in "
        "1960. The treaty is also known as the Anpo Treaty."
    )
    titles = {f[2] for f in found if f[1] == "other-title" and f[0] == DOC}
    assert titles == {"Security Treaty", "Anpo Treaty"}


def test_a_quotation_introduced_with_its_article_is_a_quotation_of_the_document():
    found = facts('Article 10 stated: "this Treaty shall remain in force for ten years".')
    text = "this Treaty shall remain in force for ten years"
    assert (DOC, "quotation", text, "Article 10", text) in found


def test_a_signing_said_of_something_else_concerns_no_document():
    assert facts("Kishi signed his resignation on 15 July 1960.") == set()
