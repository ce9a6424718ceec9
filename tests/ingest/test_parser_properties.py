"""Whatever text arrives, the parser answers with a parse or a clear ParseError,
and every span it returns points at the words it claims."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.ingest import ParseError, decode_source, parse_text

# Pieces of the two page shapes, shuffled and mixed with arbitrary text, reach
# the corners (chrome without an article, references without markers...).
PIECES = [
    "The Full Wiki",
    "From Wikipedia, the free encyclopedia",
    "More info on Soviet Union",
    "Soviet Union: Wikis",
    "External links",
    "See also",
    "Got something to say? Make a comment.",
    "Your name",
    "What Happened?",
    "Signed by Japan's PM Ichiro Hatoyama in Moscow",
    "  1. ^ a b Texts. New York Times, page 2, October 20, 1956.",
    '    Subtitle: "Moscow, October 19. (UP) \u2013 signed here today". Quote:"The [...]"',
    'Article 9 of the Joint Declaration stated: "The U.S.S.R. and Japan".[1]',
    "The U.S.S.R. and Japan signed a Joint Declaration in October 1956.[2] It ended.",
    '"unbalanced quote',
    "^ b",
    "[1]",
    "- a bullet",
    "",
]
lines = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=80)), max_size=25)


def assert_spans_hold(parsed):
    text = parsed.source
    assert text[parsed.title.start : parsed.title.end] == parsed.title.text
    for item in [*parsed.blocks, *parsed.mentions, *parsed.quotations, *parsed.dates]:
        assert text[item.start : item.end] == (getattr(item, "surface", None) or item.text)
    for reference in parsed.references:
        assert text[reference.start : reference.end] == reference.text
    for footnote in parsed.footnotes:
        assert text[footnote.start : footnote.end] == f"[{footnote.label}]"
    for section in parsed.sections:
        assert text[section.start : section.end] == section.text


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=lines, newline=st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_page_like_text_parses_or_is_refused_clearly(vocabulary, lines, newline):
    text = newline.join(lines)
    try:
        parsed = parse_text(text, vocabulary)
    except ParseError as error:
        assert str(error)
        return
    assert parsed.title.text.strip()
    assert_spans_hold(parsed)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text())
def test_arbitrary_text_parses_or_is_refused_clearly(vocabulary, text):
    try:
        parsed = parse_text(text, vocabulary)
    except ParseError as error:
        assert str(error)
        return
    assert_spans_hold(parsed)


@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_are_refused_clearly(data):
    try:
        decode_source(data)
    except ParseError as error:
        assert str(error)
