"""Person, organisation and place pages: names, roles, documents and articles in date order."""

import pytest

from catalogue.models import DocumentAgent, Status
from tests.factories import make_agent, make_article, make_document, make_mention, make_person

pytestmark = pytest.mark.django_db


def test_seeded_person_page_lists_names_roles_and_mentioning_articles(seeded, client):
    html = client.get("/people/ichiro-hatoyama/").content.decode()
    assert "<h1>Ichiro Hatoyama</h1>" in html
    assert "<dt>Also written</dt><dd>Hatoyama</dd>" in html  # the name variant
    assert 'Soviet-Japanese Joint Declaration of 1956</a> <span class="meta">signatory' in html
    assert 'href="/articles/soviet-union-and-japan-sign-joint-declaration/"' in html


def test_seeded_place_page_lists_documents_made_there(seeded, client):
    html = client.get("/places/moscow/").content.decode()
    assert "made here" in html and "Soviet-Japanese Joint Declaration of 1956" in html


def test_documents_are_in_date_order_and_drafts_left_out(client):
    person = make_person(name="Ichiro Hatoyama")
    for title, date in [("Later", "1956-10-19"), ("Earlier", "1951"), ("Undated", "")]:
        make_agent(make_document(title=title, date_edtf=date), person=person)
    make_agent(make_document(title="Secret", status=Status.DRAFT), person=person)
    html = client.get(person.get_absolute_url()).content.decode()
    assert html.index("Earlier") < html.index("Later") < html.index("Undated")
    assert "Secret" not in html


@pytest.mark.parametrize("links", [1, 50])
def test_person_page_query_count_is_constant(client, django_assert_num_queries, links):
    person = make_person(name="Ichiro Hatoyama")
    for _ in range(links):
        make_agent(make_document(), person=person, role=DocumentAgent.Role.NEGOTIATOR)
        make_mention(make_article(source_text="Ichiro Hatoyama went."), person, "Ichiro Hatoyama")
    # The person; titles held; document roles with documents; mentioning articles.
    with django_assert_num_queries(4):
        response = client.get(person.get_absolute_url())
    assert response.content.decode().count("negotiator") == links
