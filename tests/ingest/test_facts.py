"""What the texts state about the documents, each fact with the sentence stating it."""

from catalogue.ingest import parse_text
from catalogue.ingest.facts import extract_facts, subject_document, topic_statements


def facts_of(parsed):
    return {(f.document, f.kind, f.value, f.note) for f in extract_facts(parsed)}


def test_every_fact_carries_the_words_that_state_it(wiki, event):
    for parsed in (wiki, event):
        for fact in extract_facts(parsed):
            evidence = fact.evidence
            assert parsed.source[evidence.start : evidence.end] == evidence.text


def test_the_event_page_says_hatoyama_signed_in_moscow(event):
    facts = facts_of(event)
    assert (
        "doc-joint-declaration-1956",
        "signatory",
        "person-ichiro-hatoyama",
        "Japanese Prime Minister",
    ) in facts
    assert ("doc-joint-declaration-1956", "signatory", "person-ichiro-hatoyama", "Japan's PM") in (
        facts
    )
    assert ("doc-joint-declaration-1956", "place", "place-moscow", "") in facts
    assert ("doc-joint-declaration-1956", "date", "1956", "1956") in facts


def test_the_wiki_gives_the_parties_the_month_and_the_accompanying_protocol(wiki):
    facts = facts_of(wiki)
    assert ("doc-joint-declaration-1956", "party", "org-japan", "") in facts
    assert ("doc-joint-declaration-1956", "party", "org-soviet-union", "") in facts
    assert ("doc-joint-declaration-1956", "date", "1956-10", "October 1956") in facts
    assert (
        "doc-joint-declaration-1956",
        "relation",
        "doc-trade-protocol-1956",
        "accompanied-by",
    ) in facts


def test_the_dateline_of_the_newspaper_text_dates_and_places_both_signed_texts(wiki):
    facts = facts_of(wiki)
    for document in ("doc-joint-declaration-1956", "doc-trade-protocol-1956"):
        assert (document, "date", "1956-10-19", "October 19 [1956]") in facts
        assert (document, "place", "place-moscow", "") in facts
        assert (document, "relation", "doc-nyt-1956-10-20-texts", "printed-in") in facts
        assert (
            document,
            "translation",
            "unofficial translation from the Russian",
            "",
        ) in facts
    assert ("doc-nyt-1956-10-20-texts", "publisher", "org-new-york-times", "") in facts
    assert ("doc-nyt-1956-10-20-texts", "date", "1956-10-20", "October 20, 1956") in facts


def test_a_negated_signing_states_no_signatory_or_place(vocabulary):
    parsed = parse_text(
        "A Title\nThe Soviet Union did not sign the Treaty of Peace with Japan, "
        "signed in Moscow by Ichiro Hatoyama.",
        vocabulary,
    )
    kinds = {f.kind for f in extract_facts(parsed)}
    assert "signatory" not in kinds and "place" not in kinds


def test_the_subject_is_the_document_the_title_names(wiki, event):
    assert subject_document(wiki) == "doc-joint-declaration-1956"
    assert subject_document(event) == "doc-joint-declaration-1956"


def test_the_texts_disagree_on_reparations_and_both_statements_are_kept(wiki, event):
    [wiki_says] = [s for s in topic_statements(wiki) if s.topic == "reparations"]
    [event_says] = [s for s in topic_statements(event) if s.topic == "reparations"]
    assert "waive all World War II reparations claims" in wiki_says.text
    assert "encouraged discussions about reparations" in event_says.text
    for parsed, statement in ((wiki, wiki_says), (event, event_says)):
        assert parsed.source[statement.start : statement.end] == statement.text


def test_both_accounts_of_the_kuril_islands_are_kept(wiki, event):
    wiki_says = [s.text for s in topic_statements(wiki) if s.topic == "kuril-islands"]
    event_says = [s.text for s in topic_statements(event) if s.topic == "kuril-islands"]
    assert wiki_says == [
        "The Joint Declaration did not settle the Kuril Islands territorial dispute between "
        "Japan and the Soviet Union, whose resolution was postponed until the conclusion of a "
        "permanent peace treaty."
    ]
    assert any("set the stage for future negotiations" in text for text in event_says)


def test_a_reference_to_a_book_about_a_document_is_not_taken_for_the_document(vocabulary):
    parsed = parse_text(
        "A Title\nThe talks went on for months.[1]\n"
        "  1. ^ Smith, John. Negotiating the Joint Declaration. Tokyo Press, page 9, 1990.",
        vocabulary,
    )
    [reference] = parsed.references
    assert reference.title == "Smith, John. Negotiating the Joint Declaration"
    assert reference.cited is None
    assert not [f for f in extract_facts(parsed) if f.value in ("1990", "org-tokyo-press")]


def test_a_reference_whose_title_is_a_catalogued_document_cites_it(wiki):
    [reference] = wiki.references
    assert reference.cited.key == "doc-nyt-1956-10-20-texts"
