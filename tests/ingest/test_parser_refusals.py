"""A text that cannot be parsed is refused with a reason an archivist can act on."""

import pytest

from catalogue.ingest import ParseError, decode_source, parse_text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n\n\t ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 in Moscow\nA text.".encode("latin-1"), "not UTF-8"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_unreadable_bytes_are_refused_with_the_reason(data, reason):
    with pytest.raises(ParseError, match=reason):
        decode_source(data)


def test_utf8_text_is_decoded_as_is():
    assert decode_source("Moscow \u2013 Tokyo\nText.".encode()) == "Moscow \u2013 Tokyo\nText."


def test_a_text_that_opens_with_a_paragraph_has_no_title():
    text = (
        "The Soviet Union and Japan signed a declaration in 1956, ending the state of war. "
        "It was signed in Moscow.\nA second paragraph."
    )
    with pytest.raises(ParseError, match="no title"):
        parse_text(text)


def test_a_title_with_nothing_after_it_is_refused():
    with pytest.raises(ParseError, match="no article text after the title"):
        parse_text("A title alone\n\n")


def test_a_page_of_chrome_only_is_refused():
    with pytest.raises(ParseError):
        parse_text("Some Wiki\nFrom Wikipedia, the free encyclopedia\nExternal links\nYour name\n")
