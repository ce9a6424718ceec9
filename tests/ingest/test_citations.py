"""References in author-first citation form, taken apart; a catalogued work gains
its authors, date and publisher from them."""

from catalogue.ingest import Entry, Vocabulary, parse_text
from catalogue.ingest.facts import extract_facts

VOCABULARY = Vocabulary(
    [
        Entry("person-hellmann", "person", "Donald C. Hellmann"),
        Entry("doc-hellmann-1969", "document", "Japanese Foreign Policy and Domestic Politics"),
    ]
)


def parse(entry):
    return parse_text(f"A Title\nA sentence.[1]\n\nReferences\n  1. ^ {entry}\n", VOCABULARY)


def test_a_journal_article_gives_authors_title_journal_volume_number_and_pages():
    [reference] = parse(
        'Hellmann, Donald C.; Smith, Jane (1969). "The Moscow Talks". Journal of Asian '
        "Studies. 12 (3): 45\u201367."
    ).references
    assert [a.text for a in reference.authors] == ["Hellmann, Donald C.", "Smith, Jane"]
    assert reference.title == "The Moscow Talks"
    assert reference.publication == "Journal of Asian Studies"
    assert (reference.volume, reference.number, reference.locator) == (
        "12",
        "3",
        "pages 45\u201367",
    )
    assert reference.date.edtf == "1969"


def test_a_catalogued_book_gains_its_author_date_and_publisher():
    parsed = parse(
        'Hellmann, Donald C. (1969). "Japanese Foreign Policy and Domestic Politics". '
        "University of California Press. pp. 12-19."
    )
    facts = {(f.subject, f.kind, f.value, f.value_span.text) for f in extract_facts(parsed)}
    press = "candidate:organisation:university-of-california-press"
    assert facts == {
        ("doc-hellmann-1969", "author", "person-hellmann", "Hellmann, Donald C."),
        ("doc-hellmann-1969", "date", "1969", "1969"),
        ("doc-hellmann-1969", "publisher", press, "University of California Press"),
    }
    assert parsed.references[0].locator == "pages 12-19"


def test_a_work_not_catalogued_states_nothing_about_itself():
    parsed = parse('Dower, John W. (1999). "Embracing Defeat". W. W. Norton. p. 552.')
    assert extract_facts(parsed) == []
    assert {c.name for c in parsed.candidates} == {"Dower, John W.", "W. W. Norton"}
