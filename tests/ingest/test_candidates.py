"""Names no authority matches become candidates for the archivist, never silence."""

from catalogue.ingest import Entry, Vocabulary, parse_text

VOCABULARY = Vocabulary(
    [
        Entry("org-japan", "organisation", "Japan"),
        Entry("org-united-states", "organisation", "United States"),
        Entry("place-tokyo", "place", "Tokyo"),
        Entry("person-nikita-khrushchev", "person", "Nikita Khrushchev", ("Khrushchev",)),
        Entry("person-ichiro-hatoyama", "person", "Ichiro Hatoyama"),
        Entry(
            "doc-joint-declaration-1956", "document", "Soviet-Japanese Joint Declaration of 1956"
        ),
    ]
)


def candidates(text):
    parsed = parse_text("A Title\n" + text, VOCABULARY)
    return {c.key: c for c in parsed.candidates}, parsed


def test_a_person_after_an_office_is_a_candidate_with_the_office():
    found, _ = candidates("The treaty was signed by Foreign Minister Aiichiro Fujiyama.")
    person = found["candidate:person:aiichiro-fujiyama"]
    assert (person.name, person.office) == ("Aiichiro Fujiyama", "Foreign Minister")


def test_the_head_word_tells_organisations_places_and_documents():
    found, _ = candidates(
        "The Liberal Democratic Party forced the vote. Protesters met at Haneda Airport. "
        "The Treaty of Taipei was signed later."
    )
    assert {
        "candidate:organisation:liberal-democratic-party",
        "candidate:place:haneda-airport",
        "candidate:document:treaty-of-taipei",
    } <= set(found)


def test_a_name_after_in_or_at_is_a_place_and_so_is_the_rest_of_its_list():
    found, _ = candidates("The tour took him to New York, Los Angeles and Pittsburgh.")
    assert {
        "candidate:place:new-york",
        "candidate:place:los-angeles",
        "candidate:place:pittsburgh",
    } == set(found)


def test_a_short_form_of_a_candidate_is_one_of_its_spans():
    found, parsed = candidates(
        "Prime Minister Nobusuke Kishi signed the treaty. Kishi resigned in July 1960."
    )
    kishi = found["candidate:person:nobusuke-kishi"]
    assert [s.text for s in kishi.spans] == ["Nobusuke Kishi", "Kishi"]
    assert all(parsed.source[s.start : s.end] == s.text for s in kishi.spans)


def test_an_older_transliteration_or_reordered_name_is_a_variant_of_the_known_person():
    found, _ = candidates(
        "Premier Nikita Khrushchov arrived. Later Krushchev spoke. "
        "Prime Minister Hatoyama Ichiro replied."
    )
    assert found["candidate:person:nikita-khrushchov"].variant_of == "person-nikita-khrushchev"
    assert found["candidate:person:krushchev"].variant_of == "person-nikita-khrushchev"
    assert found["candidate:person:hatoyama-ichiro"].variant_of == "person-ichiro-hatoyama"


def test_sentence_words_months_and_known_names_are_not_candidates():
    found, _ = candidates(
        "The treaty was signed in Tokyo in October 1956. However, Japan and the United "
        "States disagreed. After the war Khrushchev left."
    )
    assert found == {}


def test_another_title_of_a_known_document_links_its_occurrences_to_that_record():
    found, parsed = candidates(
        "The Soviet-Japanese Joint Declaration of 1956 (the Moscow Declaration) restored "
        "relations. The Moscow Declaration was signed on 19 October 1956."
    )
    assert found == {}
    linked = [m for m in parsed.mentions if m.surface == "Moscow Declaration"]
    assert [m.key for m in linked] == ["doc-joint-declaration-1956"] * 2
    [alias] = parsed.aliases
    assert (alias.key, alias.name.text) == ("doc-joint-declaration-1956", "Moscow Declaration")


def test_another_title_of_a_new_record_is_one_of_the_candidate_spans():
    found, _ = candidates(
        "The Asian-African Conference, also known as the Bandung Conference, met in April "
        "1955. The Bandung Conference ended on 24 April 1955."
    )
    conference = found["candidate:organisation:asian-african-conference"]
    assert [s.text for s in conference.spans] == [
        "Asian-African Conference",
        "Bandung Conference",
        "Bandung Conference",
    ]
    assert "candidate:organisation:bandung-conference" not in found


def test_authors_and_publishers_in_a_citation_are_candidates_unless_known():
    parsed = parse_text(
        "A Title\nA sentence.[1]\n\nReferences\n"
        '  1. ^ Packard, George R. (1966). "Protest in Tokyo". Princeton University Press. '
        "pp. 3\u201340.\n",
        VOCABULARY,
    )
    keys = {c.key: c.name for c in parsed.candidates}
    assert keys == {
        "candidate:person:george-r-packard": "Packard, George R.",
        "candidate:organisation:princeton-university-press": "Princeton University Press",
    }
