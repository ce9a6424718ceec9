"""Snippets show where the words were found, marked, and never let the
record's own text become markup."""

import pytest

from catalogue.search import search
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def test_the_snippet_marks_the_word_found_in_the_text(corpus):
    hit = next(h for h in search("reparations").hits if h.record == corpus.event)
    assert "discussions about <mark>reparations</mark> and economic" in hit.snippet


def test_other_forms_of_the_word_are_marked_as_they_are_written(corpus):
    hit = next(h for h in search("reparation").hits if h.record == corpus.wiki)
    assert "<mark>reparations</mark>" in hit.snippet


def test_a_phrase_is_marked_as_one_passage(corpus):
    hit = search('"hand over to Japan the Habomai"').hits[0]
    assert "agrees to <mark>hand over to Japan the Habomai</mark> and the" in hit.snippet


def test_a_variant_found_through_the_authority_is_marked_too(corpus):
    hit = next(h for h in search("U.S.S.R.").hits if h.record == corpus.protocol)
    assert "trade with the <mark>USSR</mark>." in hit.snippet


def test_markup_in_a_record_is_shown_escaped_in_the_snippet_and_title(db):
    make_document(
        title="<b>Zanzibar</b> notes",
        description='The Zanzibar & Pemba text <script>alert("x")</script>.',
    )
    hit = search("Zanzibar").hits[0]
    assert "<script>" not in hit.snippet and "<b>" not in hit.title_html
    assert hit.snippet == (
        "The <mark>Zanzibar</mark> &amp; Pemba text "
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;."
    )
    assert hit.title_html == "&lt;b&gt;<mark>Zanzibar</mark>&lt;/b&gt; notes"
    assert hit.title == "<b>Zanzibar</b> notes"  # plain text: templates escape it


def test_a_long_text_is_cut_around_the_hit(db):
    filler = " ".join(f"word{n}" for n in range(400))
    make_document(title="Long", description=f"{filler} the Shikotan clause {filler}")
    snippet = search("Shikotan").hits[0].snippet
    assert snippet.startswith("\u2026 ") and snippet.endswith(" \u2026")
    assert "<mark>Shikotan</mark>" in snippet
    assert len(snippet) < 400


def test_a_hit_on_the_title_alone_shows_the_opening_of_the_text(corpus):
    hit = next(h for h in search("Wikis").hits)
    assert hit.record == corpus.wiki
    assert hit.snippet.startswith("Japan and the Soviet Union issued")
    assert "<mark>" in hit.title_html
