"""Changelist pages cost the same number of queries for 1 row as for 30."""

import pytest
from django.urls import reverse

from catalogue.models import PersonTitle, Statement
from tests.factories import (
    make_agent,
    make_article,
    make_citation,
    make_document,
    make_mention,
    make_organisation,
    make_person,
    make_place,
)

pytestmark = pytest.mark.django_db


def _document(n):
    document = make_document(title=f"Declaration {n}", place=make_place(name=f"City {n}"))
    make_agent(document, person=make_person(name=f"Signatory Number{n}"))
    return document


def _article(n):
    article = make_article(title=f"Article {n}", publisher=make_organisation(name=f"Org {n}"))
    article.authors.add(make_person(name=f"Author Number{n}"))
    return article


def _person(n):
    person = make_person(name=f"Person Number{n}")
    PersonTitle.objects.create(person=person, title="Minister", date_edtf="1956")
    return person


def _citation(n):
    return make_citation(_article(n), _document(n), locator=f"page {n}")


def _mention(n):
    article = make_article(source_text=f"Text naming Person Number{n} here.")
    return make_mention(article, make_person(name=f"Person Number{n}"), f"Person Number{n}")


def _statement(n):
    return Statement.objects.create(
        document=_document(n), article=_article(n), topic="war", text="ends", start=0, end=4
    )


# Queries, whatever the number of rows:
#   session, user, the user's permissions, the user's group permissions (4),
#   COUNT of the filtered rows, the page of rows with its linked records (2),
#   plus per admin: the decade filter's years, and the date hierarchy's range and
#   its dates (documents, articles: 3 more); the topic filter's values
#   (statements: 1 more).
CASES = {
    "document": (_document, 9),
    "article": (_article, 9),
    "person": (lambda n: _person(n), 6),
    "organisation": (lambda n: make_organisation(name=f"Org {n}"), 6),
    "place": (lambda n: make_place(name=f"Place {n}"), 6),
    "citation": (_citation, 6),
    "mention": (_mention, 6),
    "statement": (_statement, 7),
}


@pytest.mark.parametrize("rows", [1, 30])
@pytest.mark.parametrize("model", list(CASES))
def test_changelist_query_count_does_not_grow_with_rows(
    archivist_client, django_assert_num_queries, model, rows
):
    make, queries = CASES[model]
    for n in range(rows):
        make(n)
    url = reverse(f"admin:catalogue_{model}_changelist")
    with django_assert_num_queries(queries):
        response = archivist_client.get(url)
    assert response.status_code == 200
    assert response.context["cl"].result_count == rows


def test_searching_and_filtering_cost_no_more(archivist_client, django_assert_num_queries):
    for n in range(30):
        _document(n)
    url = reverse("admin:catalogue_document_changelist")
    with django_assert_num_queries(9):
        response = archivist_client.get(
            url, {"q": "Declaration", "decade": "1950", "kind": "declaration"}
        )
    assert response.context["cl"].result_count == 30
