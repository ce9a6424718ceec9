"""An article's reading view: mentions and footnotes linked, key points, sections, source."""

import re

import pytest

from catalogue.models import Citation
from tests.factories import (
    make_article,
    make_citation,
    make_claim,
    make_document,
    make_mention,
    make_person,
)

pytestmark = pytest.mark.django_db
WIKI = "/articles/soviet-japanese-joint-declaration-of-1956/"
EVENT = "/articles/soviet-union-and-japan-sign-joint-declaration/"


def test_every_mention_in_the_text_links_to_its_record(seeded, client):
    html = client.get(EVENT).content.decode()
    assert '<a class="mention" href="/people/ichiro-hatoyama/">Ichiro Hatoyama</a>' in html
    assert '<a class="mention" href="/places/moscow/">Moscow</a>' in html
    assert '<a class="mention" href="/organisations/soviet-union/">Soviet Union</a>' in html


def test_key_points_and_sections_are_shown(seeded, client):
    html = client.get(EVENT).content.decode()
    assert "Key points" in html
    assert re.search(r"<li>.*Joint Declaration</a> ended post-WWII state of war</li>", html)
    assert '<a href="#section-1">What Happened?</a>' in html
    assert '<h3 id="section-1">What Happened?</h3>' in html


def test_footnote_markers_link_to_the_reference_and_its_cited_document(seeded, client):
    html = client.get(WIKI).content.decode()
    assert re.search(r'<sup class="footnote-ref"><a href="#note-1" id="ref-\d+"', html)
    notes = html[html.index('id="notes-heading"') :]
    assert '<li id="note-1" value="1">' in notes
    assert "New York Times, page 2, October 20, 1956" in notes
    assert 'Catalogued as <a href="/documents/texts-of-soviet-japanese-statements' in notes
    # The newspaper page is not "catalogued as" the declaration it prints.
    assert 'Catalogued as <a href="/documents/soviet-japanese-joint-declaration' not in notes
    assert (
        'Cited for a quotation from <a href="/documents/soviet-japanese-joint-declaration-of-1956/"'
        in notes
    )


def test_verbatim_source_and_checksum_are_shown(seeded, client):
    html = client.get(WIKI).content.decode()
    assert "<code>000_0543db3bfdfe29b7.txt</code>" in html
    assert re.search(r'<code class="checksum">[0-9a-f]{64}</code>', html)
    assert "Show the verbatim source" in html


@pytest.mark.parametrize("links", [1, 50])
def test_article_page_query_count_is_constant(client, django_assert_num_queries, links):
    people = [make_person(name=f"Name{n} Person") for n in range(links)]
    text = "Intro.\n" + " ".join(f"{p.name} said[{n}]." for n, p in enumerate(people))
    article = make_article(source_text=text, body=text.split("\n", 1)[1])
    for n, person in enumerate(people):
        make_mention(article, person, person.name)
        marker = f"[{n}]"
        start = text.index(marker)
        make_citation(
            article,
            make_document(),
            footnote_label=str(n),
            reference_text=f"Ref {n}",
            source_start=start,
            source_end=start + len(marker),
            kind=Citation.Kind.REFERENCE,
        )
        article.authors.add(person)
        signed = make_document()
        make_claim(article, signed, kind="signatory", value=person.identifier, words=marker)
    # The article (publisher joined); authors; about documents; mentions with
    # their records; citations with their documents; accepted claims with their records.
    with django_assert_num_queries(6):
        response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert html.count('class="mention"') == links
    # Every claim here comes from the article's one line of text: one passage, all claims.
    assert html.count('<li id="evidence-') == 1
    assert html.count(": signatory ") == links
    assert html.count('class="footnote-ref"') == links
