"""Filtering by a linked record (person, organisation, place, mentions, about) on
the browse pages and the API: each record once, and a draft's identifier
matches nothing for readers who may not see drafts."""

import pytest
from rest_framework.test import APIClient

from catalogue.models import DocumentAgent, Status
from tests.factories import (
    make_agent,
    make_article,
    make_document,
    make_mention,
    make_person,
    make_place,
)

pytestmark = pytest.mark.django_db


def api_titles(client, resource, **params):
    response = client.get(f"/api/{resource}/", params)
    assert response.status_code == 200
    return [row["title"] for row in response.json()["results"]]


def page_titles(client, resource, **params):
    response = client.get(f"/{resource}/", params)
    assert response.status_code == 200
    return [record.title for record in response.context["page"].records]


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("stella", is_staff=True)
    client = APIClient()
    client.force_login(user)
    return client


def test_a_document_with_two_roles_for_one_person_is_listed_once(client):
    person = make_person(name="Ichiro Hatoyama")
    document = make_document(title="Joint Declaration")
    make_agent(document, person=person, role=DocumentAgent.Role.SIGNATORY)
    make_agent(document, person=person, role=DocumentAgent.Role.NEGOTIATOR)
    make_document(title="Unrelated")
    params = {"person": person.identifier}
    assert api_titles(APIClient(), "documents", **params) == ["Joint Declaration"]
    assert page_titles(client, "documents", **params) == ["Joint Declaration"]


def test_a_draft_persons_identifier_matches_nothing_for_anonymous_readers(client, staff):
    secret = make_person(name="Secret Envoy", status=Status.DRAFT)
    make_agent(make_document(title="Joint Declaration"), person=secret)
    params = {"person": secret.identifier}
    assert api_titles(APIClient(), "documents", **params) == []
    assert page_titles(client, "documents", **params) == []
    # Staff see drafts, so the same filter finds the document for them.
    assert api_titles(staff, "documents", **params) == ["Joint Declaration"]


def test_a_draft_place_matches_nothing_for_anonymous_readers(client):
    hidden = make_place(name="Hidden Dacha", status=Status.DRAFT)
    make_document(title="Signed at the dacha", place=hidden)
    assert api_titles(APIClient(), "documents", place=hidden.identifier) == []
    assert page_titles(client, "documents", place=hidden.identifier) == []


def test_articles_mentioning_a_place_once_each_and_never_a_draft(client):
    moscow = make_place(name="Moscow")
    hidden = make_place(name="Hidden Dacha", status=Status.DRAFT)
    article = make_article(
        title="In Moscow", source_text="In Moscow, then Moscow again, near the Hidden Dacha."
    )
    make_mention(article, moscow, "Moscow")
    second = make_mention(article, moscow, "Moscow again")
    second.surface, second.end = "Moscow", second.start + len("Moscow")
    second.save()
    make_mention(article, hidden, "Hidden Dacha")
    assert api_titles(APIClient(), "articles", mentions=moscow.identifier) == ["In Moscow"]
    assert page_titles(client, "articles", mentions=moscow.identifier) == ["In Moscow"]
    assert api_titles(APIClient(), "articles", mentions=hidden.identifier) == []


def test_articles_about_a_draft_document_are_not_found_by_it(client):
    draft = make_document(title="Unpublished protocol", status=Status.DRAFT)
    article = make_article(title="About the protocol")
    article.about_documents.add(draft)
    assert api_titles(APIClient(), "articles", about=draft.identifier) == []
    assert page_titles(client, "articles", about=draft.identifier) == []
