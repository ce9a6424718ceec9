"""Locators are kept whole, and a text cut short says so instead of passing silently."""

from catalogue.ingest import parse_text

REFERENCES = "\n\nReferences\n  1. ^ {entry}\n"


def test_a_page_range_in_a_reference_keeps_its_plural():
    parsed = parse_text(
        "A Title\nA sentence about a treaty.[1]"
        + REFERENCES.format(entry="Texts of the Treaty. New York Times, pages 12-19, May 2, 1951.")
    )
    assert parsed.references[0].locator == "pages 12-19"


def test_abbreviated_pages_read_as_pages_and_a_single_page_as_page():
    parsed = parse_text(
        "A Title\nOne.[1] Two.[2]\n\nReferences\n"
        "  1. ^ Texts of the Treaty. New York Times, pp. 3\u20135, May 2, 1951.\n"
        "  2. ^ Texts of the Protocol. New York Times, p. 7, May 3, 1951.\n"
    )
    assert [r.locator for r in parsed.references] == ["pages 3\u20135", "page 7"]


def test_an_article_locator_keeps_its_subdivision():
    parsed = parse_text('A Title\nArticle 4(b) of the treaty stated: "Both parties agree".')
    assert parsed.quotations[0].locator == "Article 4(b)"


def test_a_locator_with_a_paragraph_is_kept_whole():
    parsed = parse_text('A Title\nArticle 9, paragraph 2 of the treaty reads: "The islands".')
    assert parsed.quotations[0].locator == "Article 9, paragraph 2"


def test_a_footnote_marker_without_its_reference_is_a_warning():
    parsed = parse_text(
        "A Title\nThe treaty was signed in 1951.[1] It came into force in 1952.[2]"
        + REFERENCES.format(entry="Texts of the Treaty. New York Times, page 2, May 2, 1951.")
    )
    assert parsed.warnings == ["footnote [2] has no reference in the list"]


def test_a_whole_text_has_no_warning():
    parsed = parse_text(
        "A Title\nThe treaty was signed in 1951.[1]"
        + REFERENCES.format(entry="Texts of the Treaty. New York Times, page 2, May 2, 1951.")
    )
    assert parsed.warnings == []
