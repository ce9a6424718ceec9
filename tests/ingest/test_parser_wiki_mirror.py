"""The wiki-mirror shape: site chrome around the article, footnotes, a reference
list with back-links, a subtitle and a quote inside the reference."""

import pytest

from catalogue.ingest import parse_text

CHROME = [
    "More info on",
    ": Wikis",
    "Note: Many of our articles",
    "From Wikipedia, the free encyclopedia",
    "External links",
    "See also",
    "Got something to say?",
    "Your name",
    "Your email address",
]


def test_title_and_site_name_come_from_the_mirror_header(wiki):
    assert wiki.title.text == "Soviet-Japanese Joint Declaration of 1956"
    assert wiki.site_name.text == "The Full Wiki"


@pytest.mark.parametrize("chrome", CHROME)
def test_site_chrome_never_reaches_the_body(wiki, chrome):
    assert chrome not in wiki.body
    assert any(chrome in line.text for line in wiki.chrome)


def test_body_is_the_three_paragraphs_without_the_reference_list(wiki):
    assert [b.kind for b in wiki.blocks] == ["paragraph"] * 3
    assert wiki.body.startswith("Japan and the Soviet Union issued a joint declaration")
    assert wiki.body.endswith('conclusion of a peace treaty".[1]')
    assert "New York Times" not in wiki.body


def test_each_footnote_marker_is_linked_to_reference_1_with_its_back_link(wiki, wiki_text):
    assert [(f.label, f.backlink) for f in wiki.footnotes] == [("1", "a"), ("1", "b")]
    for footnote in wiki.footnotes:
        assert wiki_text[footnote.start : footnote.end] == "[1]"
        assert wiki.reference(footnote.label) is wiki.references[0]


def test_the_reference_is_split_into_its_parts(wiki, wiki_text):
    [reference] = wiki.references
    assert reference.label == "1"
    assert reference.backlinks == ["a", "b"]
    assert reference.text == (
        "Texts of Soviet\u2013Japanese Statements; Peace Declaration Trade Protocol. "
        "New York Times, page 2, October 20, 1956."
    )
    assert wiki_text[reference.start : reference.end] == reference.text
    assert reference.title == (
        "Texts of Soviet\u2013Japanese Statements; Peace Declaration Trade Protocol"
    )
    assert reference.publication == "New York Times"
    assert reference.locator == "page 2"
    assert (reference.date.text, reference.date.edtf) == ("October 20, 1956", "1956-10-20")


def test_the_reference_subtitle_and_quote_are_extracted_without_their_quotation_marks(
    wiki, wiki_text
):
    [reference] = wiki.references
    assert reference.subtitle.text.startswith("Moscow, October 19. (UP) \u2013 Following are")
    assert reference.subtitle.text.endswith("in unofficial translation from the Russian")
    assert reference.quote.text == (
        "The state of war between the U.S.S.R. and Japan ends on the day the present "
        "declaration enters into force [...]"
    )
    for quotation in (reference.subtitle, reference.quote):
        assert wiki_text[quotation.start : quotation.end] == quotation.text
        assert quotation.footnote_label == "1"


def test_the_article_9_quotation_knows_its_locator_introduction_and_footnote(wiki, wiki_text):
    [quotation] = [q for q in wiki.quotations if q.context == "body"]
    assert quotation.text.startswith("The U.S.S.R. and Japan have agreed to continue")
    assert quotation.text.endswith("after the conclusion of a peace treaty")
    assert wiki_text[quotation.start : quotation.end] == quotation.text
    assert quotation.locator == "Article 9"
    assert quotation.intro.text == "However, Article 9 of the Joint Declaration stated:"
    assert quotation.footnote_label == "1"


def test_a_sentence_is_not_cut_inside_a_quotation_or_after_an_abbreviation(wiki):
    last = wiki.sentences[-1]
    assert last.text.startswith("However, Article 9")
    assert "Hereby, the U.S.S.R., in response" in last.text


def test_dates_as_written_carry_their_edtf_value(wiki):
    dates = {(d.written, d.edtf) for d in wiki.dates}
    assert ("October 1956", "1956-10") in dates
    assert ("1951", "1951") in dates
    assert ("1950s", "195X") in dates
    # The dateline has no year: it takes the newspaper's, shown in square brackets.
    assert ("October 19 [1956]", "1956-10-19") in dates


def test_mentions_use_every_variant_and_point_at_their_words(wiki, wiki_text):
    surfaces = {(m.key, m.surface) for m in wiki.mentions}
    assert ("org-soviet-union", "USSR") in surfaces
    assert ("org-soviet-union", "U.S.S.R.") in surfaces
    assert ("org-soviet-union", "Soviet Union") in surfaces
    assert ("doc-treaty-of-peace-with-japan-1951", "Treaty of Peace with Japan") in surfaces
    assert ("place-shikotan", "Shikotan Islands") in surfaces
    for mention in wiki.mentions:
        assert wiki_text[mention.start : mention.end] == mention.surface


def test_no_mention_is_taken_from_the_chrome(wiki):
    header_end = wiki.chrome[4].end  # "From Wikipedia, the free encyclopedia"
    in_header = [m for m in wiki.mentions if m.start < header_end]
    assert [m.surface for m in in_header] == ["Soviet-Japanese Joint Declaration of 1956"]
    assert all(wiki.title.start <= m.start < wiki.title.end for m in in_header)


def test_scare_quotes_are_not_taken_for_the_words_of_a_document_named_before(vocabulary):
    parsed = parse_text(
        'A Title\nCritics of the Joint Declaration called it "a sham" and "hollow".',
        vocabulary,
    )
    assert [(q.text, q.intro) for q in parsed.quotations] == [("a sham", None), ("hollow", None)]
