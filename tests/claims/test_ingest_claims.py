"""`manage.py ingest` proposes claims and candidates; it never applies or publishes them."""

import dataclasses
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from catalogue.ingest import Candidate as ParsedCandidate
from catalogue.ingest.results import Span
from catalogue.models import (
    Article,
    Candidate,
    Claim,
    Decision,
    Document,
    DocumentAgent,
    DocumentRelation,
)
from catalogue.services import ingest as ingest_service
from tests.claims.spans import supporting_words
from tests.ingest.test_ingest_command import NEW_TEXT

pytestmark = pytest.mark.usefixtures("seeded")
TEST_TEXTS = Path(settings.BASE_DIR) / "tests" / "ingest" / "texts"

# Calls the declaration by another of its names, and is cut short: note [2] has no reference.
OTHER_NAME = """The Full Wiki

Peace Declaration of 1956

Peace Declaration of 1956: Wikis

From Wikipedia, the free encyclopedia

The Soviet-Japanese Peace Declaration was signed on October 19, 1956, in Moscow.[1] \
The Peace Declaration was accompanied by the Trade Protocol. Foreign Minister Mamoru \
Shigemitsu also took part.[2]


  1. ^ Texts of Soviet\u2013Japanese Statements; Peace Declaration Trade Protocol. \
New York Times, page 2, October 20, 1956.
"""


@pytest.fixture
def other_name(tmp_path):
    path = tmp_path / "020_peace-declaration.txt"
    path.write_text(OTHER_NAME, encoding="utf-8")
    return path


@pytest.fixture
def new_text(tmp_path):
    path = tmp_path / "012_hatoyama-visit.txt"
    path.write_text(NEW_TEXT, encoding="utf-8")
    return path


def document_state():
    return (
        sorted(Document.objects.values_list("identifier", "version", "date_edtf", "place_id")),
        DocumentAgent.objects.count(),
        DocumentRelation.objects.count(),
    )


def test_a_text_naming_a_document_by_another_name_proposes_claims_on_that_record(other_name):
    before = document_state()
    call_command("ingest", str(other_name))
    article = Article.objects.get(identifier="article-peace-declaration")
    claims = Claim.objects.filter(article=article)
    on_declaration = claims.filter(document__identifier="doc-joint-declaration-1956")
    assert ("date", "1956-10-19") in set(on_declaration.values_list("kind", "value"))
    assert ("relation", "doc-trade-protocol-1956") in set(
        on_declaration.values_list("kind", "value")
    )
    # Proposed only: no record changed, nothing published.
    assert set(claims.values_list("state", flat=True)) == {Decision.PROPOSED}
    assert document_state() == before
    assert article.status == "draft"


def test_every_ingested_claim_is_supported_by_the_words_it_points_at(other_name, new_text):
    call_command("ingest", str(other_name), str(new_text))
    claims = list(Claim.objects.filter(article__status="draft").select_related("article"))
    assert len(claims) >= 3
    for claim in claims:
        supporting_words(claim)


def test_parser_warnings_are_printed_and_kept_on_the_article(other_name, capsys):
    call_command("ingest", str(other_name))
    article = Article.objects.get(identifier="article-peace-declaration")
    assert article.parse_warnings == ["footnote [2] has no reference in the list"]
    err = capsys.readouterr().err
    assert "warning:" in err and "footnote [2] has no reference in the list" in err


def test_the_same_text_under_two_names_is_ingested_once(new_text, tmp_path, capsys):
    copy = tmp_path / "013_copy.txt"
    copy.write_text(NEW_TEXT, encoding="utf-8")
    call_command("ingest", str(new_text), str(copy))
    assert Article.objects.filter(source_text=NEW_TEXT).count() == 1
    out = capsys.readouterr().out
    assert f"{copy}: the same text as {new_text}, ingested once as article-hatoyama-visit" in out
    assert "1 new draft article(s), 1 unchanged" in out


def test_a_refusal_after_a_repeated_text_writes_nothing(new_text, tmp_path):
    copy = tmp_path / "013_copy.txt"
    copy.write_text(NEW_TEXT, encoding="utf-8")
    before = (Article.objects.count(), Claim.objects.count())
    with pytest.raises(CommandError, match="missing.txt: no such file"):
        call_command("ingest", str(new_text), str(copy), str(tmp_path / "missing.txt"))
    assert (Article.objects.count(), Claim.objects.count()) == before


def test_reingesting_an_unchanged_text_adds_no_claims_or_candidates(other_name):
    call_command("ingest", str(other_name))
    before = (Claim.objects.count(), Candidate.objects.count(), Article.objects.count())
    call_command("ingest", str(other_name))
    assert (Claim.objects.count(), Candidate.objects.count(), Article.objects.count()) == before


@pytest.fixture
def with_a_candidate(monkeypatch):
    """The parser proposing "Mamoru Shigemitsu" (a Foreign Minister) as a new person."""
    real = ingest_service.parse_text

    def parse_text(text, vocabulary=None):
        parsed = real(text, vocabulary)
        if "Shigemitsu" in text:
            start = text.index("Mamoru Shigemitsu")
            span = Span("Mamoru Shigemitsu", start, start + len("Mamoru Shigemitsu"))
            candidate = ParsedCandidate(
                "candidate:person:mamoru-shigemitsu",
                "person",
                "Mamoru Shigemitsu",
                (span,),
                office="Foreign Minister",
            )
            parsed = dataclasses.replace(parsed, candidates=[candidate])
        return parsed

    monkeypatch.setattr(ingest_service, "parse_text", parse_text)


@pytest.mark.usefixtures("with_a_candidate")
def test_unknown_names_are_kept_as_candidates_with_their_spans(other_name):
    call_command("ingest", str(other_name))
    candidate = Candidate.objects.get()
    assert (candidate.kind, candidate.name, candidate.office) == (
        "person",
        "Mamoru Shigemitsu",
        "Foreign Minister",
    )
    assert candidate.state == Decision.PROPOSED
    [[start, end]] = candidate.spans
    assert candidate.article.source_text[start:end] == "Mamoru Shigemitsu"


@pytest.mark.usefixtures("with_a_candidate")
def test_the_report_lists_records_claims_names_and_candidates(other_name, tmp_path):
    report_path = tmp_path / "report.json"
    call_command("ingest", str(other_name), report=str(report_path))
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["format"] == "catalogue-ingest-report/1"
    [text] = report["texts"]
    assert (text["path"], text["result"], text["article"]) == (
        str(other_name),
        "created",
        "article-peace-declaration",
    )
    assert text["warnings"] == ["footnote [2] has no reference in the list"]
    records = {r["identifier"]: r for r in text["records"]}
    assert records["article-peace-declaration"]["matched_existing"] is False
    assert records["doc-joint-declaration-1956"] == {
        "type": "document",
        "identifier": "doc-joint-declaration-1956",
        "title": "Soviet-Japanese Joint Declaration of 1956",
        "status": "published",
        "matched_existing": True,
    }
    source = OTHER_NAME
    for claim in text["claims"]:
        assert set(claim) >= {"record", "property", "value", "span", "state"}
        start, end = claim["span"]
        assert 0 <= start < end <= len(source)
        assert claim["state"] == "proposed"
    date = next(c for c in text["claims"] if c["property"] == "date")
    assert date["record"] == "doc-joint-declaration-1956" and date["value"] == "1956-10-19"
    linked = {(n["authority"], source[n["span"][0] : n["span"][1]]) for n in text["names_linked"]}
    assert ("doc-joint-declaration-1956", "Soviet-Japanese Peace Declaration") in linked
    assert ("place-moscow", "Moscow") in linked
    [candidate] = text["candidates"]
    assert (candidate["type"], candidate["name"]) == ("person", "Mamoru Shigemitsu")
    [[start, end]] = candidate["spans"]
    assert source[start:end] == "Mamoru Shigemitsu"


def test_the_report_describes_an_unchanged_text_too(other_name, tmp_path):
    call_command("ingest", str(other_name))
    report_path = tmp_path / "again.json"
    call_command("ingest", str(other_name), report=str(report_path))
    [text] = json.loads(report_path.read_text(encoding="utf-8"))["texts"]
    assert text["result"] == "unchanged"
    assert text["records"][0]["matched_existing"] is True
    assert text["claims"]


def test_nothing_is_invented_on_the_unseen_test_texts(tmp_path):
    """Every claim ingest proposes from the parser's unseen test texts (other treaties,
    conferences, visits) is supported by the words its span points at."""
    texts = sorted(TEST_TEXTS.glob("*.txt"))
    assert len(texts) >= 6
    call_command("ingest", *[str(t) for t in texts])
    claims = list(Claim.objects.filter(article__status="draft").select_related("article"))
    assert len(claims) >= 50
    for claim in claims:
        supporting_words(claim)
    assert {c.state for c in claims} == {Decision.PROPOSED}
