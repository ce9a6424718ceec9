"""A conditional GET is answered from the record's version alone: one query
for a 304, whatever the detail would join; a stale copy gets the whole
record; a record the reader may not see is a 404, never a 304."""

import pytest

from catalogue.models import DocumentAgent, Status
from tests.factories import make_agent, make_article, make_citation, make_document, make_person

pytestmark = pytest.mark.django_db


def _with_links(n):
    document = make_document(title="Joint Declaration")
    for _ in range(n):
        make_agent(document, person=make_person(), role=DocumentAgent.Role.SIGNATORY)
    return document


@pytest.mark.parametrize("n", [1, 50])
def test_an_unchanged_document_answers_304_in_one_query(n, anon, django_assert_num_queries):
    document = _with_links(n)
    url = f"/api/documents/{document.identifier}/"
    tag = anon.get(url)["ETag"]
    # The record's version, as the reader may see it: no parties, no prefetches.
    with django_assert_num_queries(1):
        response = anon.get(url, HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 304 and response["ETag"] == tag


def test_a_stale_tag_gets_the_whole_record_with_its_parties(anon):
    document = _with_links(2)
    response = anon.get(f"/api/documents/{document.identifier}/", HTTP_IF_NONE_MATCH='"v0"')
    assert response.status_code == 200 and response["ETag"] == '"v1"'
    assert len(response.json()["parties"]) == 2


def test_a_document_turned_draft_is_404_even_for_its_old_tag(anon):
    document = _with_links(1)
    url = f"/api/documents/{document.identifier}/"
    tag = anon.get(url)["ETag"]
    type(document).objects.filter(pk=document.pk).update(status=Status.DRAFT)
    response = anon.get(url, HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 404 and "ETag" not in response


def test_a_citation_answers_304_for_its_digest_and_200_once_changed(anon):
    citation = make_citation(make_article(), make_document(), quoted_text="Words")
    url = f"/api/citations/{citation.pk}/"
    tag = anon.get(url)["ETag"]
    assert anon.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 304
    type(citation).objects.filter(pk=citation.pk).update(locator="Article 9")
    assert anon.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 200
