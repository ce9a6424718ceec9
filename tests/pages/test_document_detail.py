"""A document's page: metadata, dates, parties, text, sources side by side, citations."""

import pytest

from catalogue.models import DocumentExcerpt, DocumentRelation, Statement
from tests.factories import (
    make_agent,
    make_article,
    make_citation,
    make_claim,
    make_document,
    make_organisation,
    make_person,
)

pytestmark = pytest.mark.django_db
DECLARATION = "/documents/soviet-japanese-joint-declaration-of-1956/"


def test_seeded_declaration_shows_its_metadata_parties_and_text(seeded, client):
    html = client.get(DECLARATION).content.decode()
    assert "<h1>Soviet-Japanese Joint Declaration of 1956</h1>" in html
    assert "October 19 [1956]" in html and "<code>1956-10-19</code>" in html
    assert '<a href="/people/ichiro-hatoyama/">Ichiro Hatoyama</a>: signatory' in html
    assert '<a href="/places/moscow/">Moscow</a>' in html
    assert "agrees to hand over to Japan the Habomai" in html
    assert "unofficial translation from the Russian" in html
    assert "is accompanied by" in html and "Soviet-Japanese Trade Protocol of 1956" in html


def test_seeded_declaration_shows_disagreeing_sources_side_by_side(seeded, client):
    html = client.get(DECLARATION).content.decode()
    section = html[html.index('id="statements"') : html.index('id="cited-by"')]
    reparations = section[section.index(">Reparations<") : section.index(">State of war<")]
    assert reparations.count('class="statement"') == 2
    assert "waive all World War II reparations claims" in reparations
    assert "encouraged discussions about reparations" in reparations
    assert 'Source: <a href="/articles/soviet-japanese-joint-declaration-of-1956/"' in reparations


def test_citing_articles_are_listed_with_quoted_words_and_locator(seeded, client):
    html = client.get(DECLARATION).content.decode()
    cited = html[html.index('id="cited-by"') : html.index('id="related"')]
    assert "quotation, note 1, at Article 9" in cited
    assert "The U.S.S.R. and Japan have agreed to continue" in cited


def test_relations_read_from_the_other_side(seeded, client):
    html = client.get("/documents/soviet-japanese-trade-protocol-of-1956/").content.decode()
    assert "This document accompanies" in html


@pytest.mark.parametrize("links", [1, 50])
def test_document_page_query_count_is_constant(client, django_assert_num_queries, links):
    document = make_document(title="The declaration")
    for n in range(links):
        person = make_person()
        make_agent(document, person=person)
        make_agent(document, organisation=make_organisation())
        article = make_article(source_text=f"Text {n} quoting the declaration, signed by X.")
        make_claim(article, document, kind="signatory", value=person.identifier, words="X")
        make_claim(article, document, kind="date", value="1956-10-19", words="Text")
        make_citation(article, document, quoted_text="quoting", locator=f"page {n}")
        DocumentExcerpt.objects.create(document=document, text=f"Words {n}", source_article=article)
        Statement.objects.create(
            document=document,
            topic="reparations",
            text=f"Claim {n}",
            article=article,
            start=0,
            end=4,
        )
        DocumentRelation.objects.create(
            source=document, target=make_document(), kind=DocumentRelation.Kind.REFERS_TO
        )
    # The document (place joined); agents; excerpts; relations out; relations in;
    # cited by; statements; images; accepted claims with their articles (the markers).
    with django_assert_num_queries(9):
        response = client.get(document.get_absolute_url())
    html = response.content.decode()
    assert html.count('class="statement"') == links
    # A marker after the date and after each signatory for every article stating it.
    assert html.count('class="evidence"') == 2 * links


def test_topic_headings_use_the_authority_file_label(seeded, client):
    html = client.get(DECLARATION).content.decode()
    section = html[html.index('id="statements"') : html.index('id="cited-by"')]
    assert ">Kuril Islands</h3>" in section
    assert "Kuril islands" not in section
