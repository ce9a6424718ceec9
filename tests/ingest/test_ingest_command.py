"""`manage.py ingest`: a new text becomes a draft article linked to the catalogue."""

import pytest
from django.core.management import CommandError, call_command

from catalogue.models import Article, Citation, Document, DocumentExcerpt, Mention, Statement
from tests.ingest.conftest import EVENT

pytestmark = pytest.mark.usefixtures("seeded")

NEW_TEXT = """The Full Wiki

More info on Hatoyama Visit to Moscow

Hatoyama Visit to Moscow: Wikis

Note: Many of our articles have direct quotes from sources you can cite, within the \
Wikipedia article! This article doesn't yet, but we're working on it!

From Wikipedia, the free encyclopedia

Ichiro Hatoyama travelled to Moscow in October 1956 to negotiate with the Soviet Union.[1] \
The talks ended with the Joint Declaration, which restored relations between the USSR and Japan.[2]

Article 9 of the Joint Declaration stated: "the U.S.S.R. agrees to hand over to Japan the \
Habomai and the Shikotan Islands".[1]


  1. ^ a b Texts of Soviet\u2013Japanese Statements; Peace Declaration Trade Protocol. \
New York Times, page 2, October 20, 1956.
  2. ^ Kimura, Hiroshi. The Kurillian Knot. Stanford University Press, 2008.

External links

See also

Got something to say? Make a comment.
Your name
Your email address"""


def catalogue_state():
    """What ingest could change: counts of every record kind and the documents' versions."""
    return (
        Article.objects.count(),
        Mention.objects.count(),
        Citation.objects.count(),
        DocumentExcerpt.objects.count(),
        Statement.objects.count(),
        sorted(Document.objects.values_list("identifier", "version")),
    )


@pytest.fixture
def new_text(tmp_path):
    path = tmp_path / "012_hatoyama-visit.txt"
    path.write_text(NEW_TEXT, encoding="utf-8")
    return path


def ingest(*paths):
    call_command("ingest", *[str(p) for p in paths])


def test_a_new_text_becomes_a_draft_article_without_its_chrome(new_text, capsys):
    ingest(new_text)
    article = Article.objects.get(identifier="article-hatoyama-visit")
    assert article.status == "draft"
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert (article.title, article.site_name) == ("Hatoyama Visit to Moscow", "The Full Wiki")
    assert article.publisher.identifier == "org-the-full-wiki"
    assert article.source_text == NEW_TEXT
    assert article.body.startswith("Ichiro Hatoyama travelled to Moscow")
    for chrome in ("More info on", "Note: Many", "External links", "See also", "Your name"):
        assert chrome not in article.body
    assert article.history.count() == 1
    out = capsys.readouterr().out
    assert "[1/1]" in out and "new draft article-hatoyama-visit" in out
    assert "1 new draft article(s), 0 unchanged" in out


def test_the_new_article_mentions_the_catalogues_records_at_their_words(new_text):
    ingest(new_text)
    article = Article.objects.get(identifier="article-hatoyama-visit")
    mentions = [(m.target.identifier, m.surface) for m in article.mentions.order_by("start")]
    assert mentions == [
        ("person-ichiro-hatoyama", "Hatoyama"),
        ("place-moscow", "Moscow"),
        ("person-ichiro-hatoyama", "Ichiro Hatoyama"),
        ("place-moscow", "Moscow"),
        ("org-soviet-union", "Soviet Union"),
        ("doc-joint-declaration-1956", "Joint Declaration"),
        ("org-soviet-union", "USSR"),
        ("org-japan", "Japan"),
        ("doc-joint-declaration-1956", "Joint Declaration"),
        ("org-soviet-union", "U.S.S.R."),
        ("org-japan", "Japan"),
        ("place-habomai-islands", "Habomai"),
        ("place-shikotan", "Shikotan Islands"),
        (
            "doc-nyt-1956-10-20-texts",
            "Texts of Soviet\u2013Japanese Statements; Peace Declaration Trade Protocol",
        ),
        ("org-new-york-times", "New York Times"),
    ]
    for mention in article.mentions.all():
        assert NEW_TEXT[mention.start : mention.end] == mention.surface


def test_footnotes_references_and_the_quotation_become_citations(new_text):
    ingest(new_text)
    article = Article.objects.get(identifier="article-hatoyama-visit")
    citations = [
        (
            c.kind,
            c.footnote_label,
            c.cited_document.identifier if c.cited_document else c.cited_work,
            c.locator,
        )
        for c in article.citations.order_by("source_start")
    ]
    assert citations == [
        ("reference", "1", "doc-nyt-1956-10-20-texts", "page 2"),
        (
            "reference",
            "2",
            "Kimura, Hiroshi. The Kurillian Knot. Stanford University Press, 2008.",
            "",
        ),
        ("quotation", "1", "doc-joint-declaration-1956", "Article 9"),
        ("reference", "1", "doc-nyt-1956-10-20-texts", "page 2"),
    ]
    quotation = article.citations.get(kind="quotation")
    assert quotation.quoted_text == (
        "the U.S.S.R. agrees to hand over to Japan the Habomai and the Shikotan Islands"
    )
    assert NEW_TEXT[quotation.source_start : quotation.source_end] == quotation.quoted_text


def test_a_draft_changes_nothing_readers_see_on_published_documents(new_text):
    before = catalogue_state()
    ingest(new_text)
    after = catalogue_state()
    assert after[3:] == before[3:]  # excerpts, statements, document versions


def test_ingesting_the_same_text_again_changes_nothing(new_text, tmp_path, capsys):
    ingest(new_text)
    article = Article.objects.get(identifier="article-hatoyama-visit")
    before = (catalogue_state(), article.version, article.modified)
    copy = tmp_path / "another-name.txt"
    copy.write_bytes(new_text.read_bytes())
    ingest(new_text, copy)
    article.refresh_from_db()
    assert (catalogue_state(), article.version, article.modified) == before
    assert "0 new draft article(s), 2 unchanged" in capsys.readouterr().out


def test_a_seeded_source_text_is_recognised_as_already_catalogued(capsys):
    before = catalogue_state()
    ingest(EVENT)
    assert catalogue_state() == before
    assert "unchanged, the same text as article-f5ec84521a8842e8" in capsys.readouterr().out


BAD_INPUTS = {
    "empty": (b"", "the file is empty"),
    "binary": (b"GIF89a\x01\x00\x01\x00\x00\xff\x00,", "binary"),
    "latin-1": ("Hatoyama in Moscow\nCaf\u00e9 talks.".encode("latin-1"), "not UTF-8"),
    "no-title": (
        (
            b"Hatoyama went to Moscow in October 1956 and signed the declaration there. It "
            b"ended the state of war between the two countries.\nSecond paragraph."
        ),
        "no title",
    ),
}


@pytest.mark.parametrize("kind", [*BAD_INPUTS, "missing"])
def test_bad_input_is_refused_naming_the_file_and_nothing_is_written(kind, tmp_path, new_text):
    bad = tmp_path / f"{kind}.txt"
    if kind == "missing":
        reason = "no such file"
    else:
        data, reason = BAD_INPUTS[kind]
        bad.write_bytes(data)
    before = catalogue_state()
    with pytest.raises(CommandError) as error:
        # The good file comes first: it must not be written either.
        ingest(new_text, bad)
    message = str(error.value)
    assert "Nothing was written" in message
    assert f"{bad}: " in message and reason in message
    assert str(new_text) not in message
    assert catalogue_state() == before


def test_a_changed_text_under_a_known_name_is_refused(new_text):
    ingest(new_text)
    before = catalogue_state()
    new_text.write_text(NEW_TEXT.replace("October 1956", "Oct. 1956"), encoding="utf-8")
    with pytest.raises(CommandError, match="article-hatoyama-visit already exists"):
        ingest(new_text)
    assert catalogue_state() == before


def test_a_quotation_without_a_stated_source_is_not_cited(tmp_path):
    path = tmp_path / "scare-quotes.txt"
    path.write_text(
        'Opinions on the Joint Declaration\nSome called the Joint Declaration "a sham".\n',
        encoding="utf-8",
    )
    ingest(path)
    article = Article.objects.get(identifier="article-scare-quotes")
    assert article.citations.count() == 0
    assert [m.surface for m in article.mentions.all()] == ["Joint Declaration"] * 2
