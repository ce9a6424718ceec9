"""Every span in the committed fixture points at the words it stores, in the
source text it names."""

import json
from hashlib import sha256

import pytest

from catalogue.services.fixtures import FIXTURE_PATH
from tests.ingest.conftest import SOURCES


@pytest.fixture(scope="module")
def rows():
    return json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def source_of(rows):
    texts = {
        r["fields"]["identifier"]: r["fields"]["source_text"]
        for r in rows
        if r["model"] == "catalogue.article"
    }
    return lambda key: texts[key[0]]


def of_model(rows, name):
    found = [r["fields"] for r in rows if r["model"] == f"catalogue.{name}"]
    assert found, f"the fixture holds no {name}"
    return found


def test_every_mention_span_holds_its_words(rows, source_of):
    for mention in of_model(rows, "mention"):
        assert (
            source_of(mention["article"])[mention["start"] : mention["end"]] == (mention["surface"])
        )


def test_every_excerpt_span_holds_the_excerpt_text(rows, source_of):
    for excerpt in of_model(rows, "documentexcerpt"):
        text = source_of(excerpt["source_article"])
        assert text[excerpt["source_start"] : excerpt["source_end"]] == excerpt["text"]


def test_every_citation_span_holds_its_quotation_or_footnote_marker(rows, source_of):
    for citation in of_model(rows, "citation"):
        text = source_of(citation["citing_article"])
        words = text[citation["source_start"] : citation["source_end"]]
        if citation["kind"] == "quotation":
            assert words == citation["quoted_text"]
        else:
            assert words == f"[{citation['footnote_label']}]"
        if citation["reference_text"]:
            assert citation["reference_text"] in text


def test_every_statement_span_holds_its_words(rows, source_of):
    for statement in of_model(rows, "statement"):
        text = source_of(statement["article"])
        assert text[statement["start"] : statement["end"]] == statement["text"]


def test_every_section_and_key_point_span_holds_its_words(rows):
    for article in of_model(rows, "article"):
        for part in article["sections"] + article["key_points"]:
            assert article["source_text"][part["start"] : part["end"]] == part["text"]


def test_articles_keep_their_source_text_byte_for_byte(rows):
    for article in of_model(rows, "article"):
        data = (SOURCES / article["source_filename"]).read_bytes()
        assert article["source_text"].encode("utf-8") == data
        assert article["source_sha256"] == sha256(data).hexdigest()
