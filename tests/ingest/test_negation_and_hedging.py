"""A denied verb states only a negated fact; a hedged one states nothing."""

from catalogue.ingest import Entry, Vocabulary, parse_text
from catalogue.ingest.facts import extract_facts

VOCABULARY = Vocabulary(
    [
        Entry("org-soviet-union", "organisation", "Soviet Union"),
        Entry("org-india", "organisation", "India"),
        Entry("org-japan", "organisation", "Japan"),
        Entry("org-united-nations", "organisation", "United Nations"),
        Entry("place-moscow", "place", "Moscow"),
        Entry("person-nobusuke-kishi", "person", "Nobusuke Kishi", ("Kishi",)),
        Entry("doc-treaty-1951", "document", "Treaty of Peace with Japan"),
    ]
)


def facts(text):
    parsed = parse_text("Treaty of Peace with Japan\n" + text, VOCABULARY)
    return {(f.subject, f.kind, f.value, f.negated) for f in extract_facts(parsed)}


def test_did_not_sign_gives_a_negated_party_and_no_date():
    found = facts("India did not sign the treaty in 1951.")
    assert found == {("doc-treaty-1951", "party", "org-india", True)}


def test_refused_to_sign_after_but_is_negated_too():
    found = facts("The Soviet Union attended the conference but refused to sign the treaty.")
    assert found == {("doc-treaty-1951", "party", "org-soviet-union", True)}


def test_a_denial_earlier_in_the_clause_covers_a_later_signing_verb():
    found = facts("The Soviet Union did not sign the treaty, signed in Moscow by Nobusuke Kishi.")
    assert all(negated for *_, negated in found)
    assert not any(kind in ("place", "date", "signatory") for _, kind, _, _ in found)


def test_hedged_sentences_state_nothing():
    for hedge in ("reportedly signed", "is said to have signed", "may have signed"):
        assert facts(f"Kishi {hedge} the treaty in Moscow on 8 September 1951.") == set(), hedge


def test_the_same_sentence_unhedged_states_signatory_date_and_place():
    found = facts("Kishi signed the treaty in Moscow on 8 September 1951.")
    assert found == {
        ("doc-treaty-1951", "signatory", "person-nobusuke-kishi", False),
        ("doc-treaty-1951", "date", "1951-09-08", False),
        ("doc-treaty-1951", "place", "place-moscow", False),
    }


def test_did_not_join_is_a_negated_event_and_joined_a_positive_one():
    assert facts("Japan did not join the United Nations in 1952.") == {
        ("org-japan", "event", "1952", True)
    }
    assert facts("Japan joined the United Nations on 18 December 1956.") == {
        ("org-japan", "event", "1956-12-18", False)
    }


def test_a_clause_after_but_is_read_on_its_own():
    found = facts("India did not welcome the treaty, but it came into force in 1952.")
    assert ("doc-treaty-1951", "in-force", "1952", False) in found
