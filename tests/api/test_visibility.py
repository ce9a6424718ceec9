"""Anonymous clients see published records only: a draft is a 404, never a
403, and a published record's links to drafts are left out. Staff preview drafts."""

import pytest

from catalogue.models import Status
from tests.factories import make_agent, make_citation, make_document, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(seeded):
    draft = make_document(title="Draft memorandum", status=Status.DRAFT)
    secret = make_person(name="Unpublished Envoy", status=Status.DRAFT)
    published = make_document(title="Published note")
    make_agent(published, person=secret)
    return draft, secret, published


def test_draft_document_is_404_for_anonymous(drafts, anon):
    draft, secret, _ = drafts
    for url in (f"/api/documents/{draft.identifier}/", f"/api/people/{secret.identifier}/"):
        for fmt in ("json", "bibtex", "jsonld"):
            response = anon.get(url, {"format": fmt})
            assert response.status_code == 404
            assert response["Content-Type"] == "application/json"


def test_drafts_are_not_listed_nor_found_by_search(drafts, anon):
    draft, secret, _ = drafts
    assert draft.identifier not in {
        r["identifier"] for r in anon.get("/api/documents/").json()["results"]
    }
    assert anon.get("/api/documents/", {"q": "memorandum"}).json()["results"] == []
    assert anon.get("/api/people/", {"q": "Envoy"}).json()["results"] == []


def test_a_published_documents_parties_leave_out_drafts(drafts, anon, editor):
    _, secret, published = drafts
    assert anon.get(f"/api/documents/{published.identifier}/").json()["parties"] == []
    listed = anon.get("/api/documents/", {"q": "Published note"}).json()["results"]
    assert listed[0]["parties"] == []
    # Staff preview everything, links to drafts included.
    parties = editor.get(f"/api/documents/{published.identifier}/").json()["parties"]
    assert parties[0]["person"]["identifier"] == secret.identifier


def test_citations_of_drafts_are_404_for_anonymous(drafts, anon, editor):
    draft, _, _ = drafts
    from catalogue.models import Article

    citation = make_citation(Article.objects.first(), draft)
    assert anon.get(f"/api/citations/{citation.pk}/").status_code == 404
    assert editor.get(f"/api/citations/{citation.pk}/").status_code == 200


def test_staff_see_drafts_and_can_filter_by_status(drafts, anon, editor):
    draft, _, _ = drafts
    assert editor.get(f"/api/documents/{draft.identifier}/").json()["status"] == "draft"
    found = editor.get("/api/documents/", {"status": "draft"}).json()["results"]
    assert [r["identifier"] for r in found] == [draft.identifier]
    # For anyone else the status filter cannot widen what they see.
    assert anon.get("/api/documents/", {"status": "draft"}).json()["count"] == 4 + 1
