"""Every list and detail costs the same number of queries whether it shows
one record or fifty (and one link or fifty): no N+1 anywhere."""

import pytest

from catalogue.models import DocumentAgent, DocumentExcerpt, DocumentRelation, Statement
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


def _catalogue(n):
    """`n` records of every type, each document and article with `n` links of each kind."""
    place = make_place()
    people = [make_person() for _ in range(n)]
    organisations = [make_organisation() for _ in range(n)]
    for _ in range(n - 1):
        make_place()
    documents = [make_document(place=place) for _ in range(n)]
    text = " ".join(p.name for p in people)
    articles = [make_article(source_text=text, publisher=organisations[0]) for _ in range(n)]
    first, article = documents[0], articles[0]
    for i, person in enumerate(people):
        make_agent(first, person=person, role=DocumentAgent.Role.SIGNATORY)
        make_agent(documents[i], organisation=organisations[i], role=DocumentAgent.Role.PARTY)
        make_mention(article, person, person.name)
    for other in documents[1:]:
        DocumentRelation.objects.create(source=first, target=other, kind="refers-to")
        DocumentRelation.objects.create(source=other, target=first, kind="responds-to")
    for i in range(n):
        DocumentExcerpt.objects.create(document=first, text=f"Words {i}", source_article=article)
        Statement.objects.create(
            document=first, topic="t", text="s", article=article, start=0, end=1
        )
        make_citation(articles[i], first, quoted_text=f"Words {i}")
    article.authors.set(people)
    article.about_documents.set(documents)
    for a in articles:
        a.authors.add(people[0])
    return first, article


LISTS = {
    # count (capped), page, parties with their person or organisation
    "documents": 3,
    # count, page (publisher joined), authors
    "articles": 3,
    # count, page
    "people": 2,
    "organisations": 2,
    "places": 2,
    # count, page (citing and cited records joined)
    "citations": 2,
}


@pytest.mark.parametrize("plural", LISTS)
@pytest.mark.parametrize("n", [1, 50])
def test_list_query_count_is_the_same_for_one_record_or_fifty(
    plural, n, anon, django_assert_num_queries
):
    _catalogue(n)
    with django_assert_num_queries(LISTS[plural]):
        response = anon.get(f"/api/{plural}/", {"limit": n})
    assert response.status_code == 200
    assert len(response.json()["results"]) == n


@pytest.mark.parametrize("n", [1, 50])
def test_document_detail_query_count_is_the_same_for_one_link_or_fifty(
    n, anon, django_assert_num_queries
):
    document, _ = _catalogue(n)
    # The document with its place, then one query each for parties, excerpts,
    # relations out, relations in, citations, statements and scans.
    with django_assert_num_queries(8):
        response = anon.get(f"/api/documents/{document.identifier}/")
    body = response.json()
    assert len(body["parties"]) == n + 1
    assert len(body["excerpts"]) == len(body["statements"]) == len(body["cited_by"]) == n


@pytest.mark.parametrize("n", [1, 50])
def test_article_detail_query_count_is_the_same_for_one_link_or_fifty(
    n, anon, django_assert_num_queries
):
    _, article = _catalogue(n)
    # The article with its publisher, then authors, documents it is about,
    # mentions with their records, and citations with the cited documents.
    with django_assert_num_queries(5):
        response = anon.get(f"/api/articles/{article.identifier}/")
    body = response.json()
    assert len(body["authors"]) == len(body["mentions"]) == len(body["about_documents"]) == n
    assert len(body["citations"]) == 1


@pytest.mark.parametrize("plural", ["people", "organisations", "places", "citations"])
def test_other_details_are_one_query(plural, anon, django_assert_num_queries):
    _catalogue(2)
    url = anon.get(f"/api/{plural}/").json()["results"][0]["url"]
    with django_assert_num_queries(1):
        assert anon.get(url).status_code == 200


@pytest.mark.parametrize("fmt", ["csl-json", "bibtex", "ris", "jsonld"])
def test_citation_formats_of_a_list_cost_no_more_than_its_json(
    fmt, anon, django_assert_num_queries
):
    _catalogue(50)
    with django_assert_num_queries(3):
        assert anon.get("/api/documents/", {"limit": 50, "format": fmt}).status_code == 200
