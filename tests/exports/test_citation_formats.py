import datetime
import json

import bibtexparser
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from catalogue.exports import bibtex, chicago, csl_json, jsonld, ris
from catalogue.models import Document, DocumentAgent
from tests.factories import make_agent, make_article, make_document, make_organisation, make_place

pytestmark = pytest.mark.django_db
URL = "https://catalogue.example.org/documents/joint-declaration/"
ACCESSED = datetime.date(2026, 11, 23)


@pytest.fixture
def declaration():
    document = make_document(
        title="Joint Declaration by the USSR & Japan",
        identifier="doc-joint-declaration-1956",
        date_written="October 19, 1956",
        date_edtf="1956-10-19",
        place=make_place(name="Moscow"),
    )
    make_agent(document, organisation=make_organisation(name="Soviet Union"), role="party")
    make_agent(document, organisation=make_organisation(name="Japan"), role="party")
    return document


@pytest.fixture
def newspaper_text():
    document = make_document(
        title="Texts of Soviet\u2013Japanese Statements",
        kind=Document.Kind.NEWSPAPER_TEXT,
        date_edtf="1956-10-20",
    )
    make_agent(
        document,
        organisation=make_organisation(name="New York Times", kind="newspaper"),
        role=DocumentAgent.Role.PUBLISHER,
    )
    return document


def test_csl_json_renders_in_a_real_citation_processor(declaration):
    item = csl_json(declaration, URL, ACCESSED)
    source = CiteProcJSON([json.loads(json.dumps(item))])
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = str(bibliography.bibliography()[0])
    assert "Joint Declaration by the USSR & Japan" in rendered
    assert "1956" in rendered
    assert "Soviet Union" in rendered


def test_csl_json_has_the_required_fields_and_the_date_parts(declaration):
    item = csl_json(declaration, URL)
    assert {"id", "type", "title"} <= item.keys()
    assert item["issued"] == {"date-parts": [[1956, 10, 19]]}
    assert item["author"] == [{"literal": "Soviet Union"}, {"literal": "Japan"}]


def test_a_ranged_approximate_date_keeps_both_ends_and_is_marked_circa():
    document = make_document(date_edtf="1945-08~/1956-10")
    assert csl_json(document, URL)["issued"] == {
        "date-parts": [[1945, 8], [1956, 10]],
        "circa": True,
    }


def test_bibtex_reads_back_with_title_year_and_url(declaration):
    library = bibtexparser.parse_string(bibtex(declaration, URL, ACCESSED))
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "misc"
    assert entry["title"] == "{Joint Declaration by the USSR \\& Japan}"
    assert entry["year"] == "1956"
    assert entry["url"] == URL


def test_newspaper_text_is_a_bibtex_article_in_its_newspaper(newspaper_text):
    (entry,) = bibtexparser.parse_string(bibtex(newspaper_text, URL)).entries
    assert entry.entry_type == "article"
    assert entry["journal"] == "New York Times"


def test_ris_reads_back(declaration, newspaper_text):
    (record,) = rispy.loads(ris(declaration, URL, ACCESSED))
    assert record["type_of_reference"] == "GEN"
    assert record["title"] == "Joint Declaration by the USSR & Japan"
    assert record["year"] == "1956"
    assert record["date"] == "1956/10/19/"
    assert record["urls"] == [URL]
    (news,) = rispy.loads(ris(newspaper_text, URL))
    assert news["type_of_reference"] == "NEWS"


def test_chicago_reference_names_the_stable_url_and_access_date(declaration):
    text = chicago(declaration, URL, ACCESSED)
    assert text.startswith("Soviet Union, Japan. Joint Declaration by the USSR & Japan.")
    assert "Moscow, October 19, 1956." in text
    assert text.endswith(f"Accessed November 23, 2026. {URL}")


def test_article_cites_as_a_web_page_of_its_site():
    article = make_article(
        title="Soviet-Japanese Joint Declaration of 1956", site_name="The Full Wiki"
    )
    assert csl_json(article, URL)["type"] == "webpage"
    assert chicago(article, URL, ACCESSED).startswith(
        "\u201cSoviet-Japanese Joint Declaration of 1956.\u201d The Full Wiki."
    )


def test_json_ld_parses_with_the_expected_type(declaration, newspaper_text):
    data = json.loads(json.dumps(jsonld(declaration, URL, "https://x/api/documents/1/")))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["locationCreated"]["name"] == "Moscow"
    assert jsonld(newspaper_text, URL)["@type"] == "NewsArticle"


def test_a_person_is_cited_by_family_and_given_name():
    from tests.factories import make_person

    document = make_document(kind=Document.Kind.LETTER)
    make_agent(document, person=make_person(name="Ichiro Hatoyama"), role="author")
    assert csl_json(document, URL)["author"] == [{"family": "Hatoyama", "given": "Ichiro"}]
    assert jsonld(document, URL)["author"][0]["@type"] == "Person"
