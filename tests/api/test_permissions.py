"""Who may write: anonymous clients are asked to authenticate (401), accounts
without the model permission are refused (403), archivists add and change
but neither delete nor publish, editors do all four."""

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from catalogue.models import Document, Status
from tests.factories import make_document

pytestmark = pytest.mark.django_db

NEW = {"title": "Note verbale", "kind": "letter", "date_edtf": "1956-10"}


def change(client, document, data, method="patch"):
    tag = client.get(f"/api/documents/{document.identifier}/")["ETag"]
    return getattr(client, method)(
        f"/api/documents/{document.identifier}/", data, format="json", HTTP_IF_MATCH=tag
    )


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_anonymous_writes_are_401_and_change_nothing(method, anon):
    document = make_document()
    url = "/api/documents/" if method == "post" else f"/api/documents/{document.identifier}/"
    response = getattr(anon, method)(url, NEW, format="json", HTTP_IF_MATCH='"v1"')
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert Document.objects.count() == 1 and Document.objects.get().version == 1


def test_an_account_without_permissions_is_403(reader):
    document = make_document()
    assert reader.post("/api/documents/", NEW, format="json").status_code == 403
    assert change(reader, document, {"title": "x"}).status_code == 403
    assert reader.get(f"/api/documents/{document.identifier}/").status_code == 200


def test_archivist_adds_and_changes_a_draft(archivist):
    response = archivist.post("/api/documents/", NEW, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["date_earliest"] == "1956-10-01"
    assert response["Location"] == body["url"]
    document = Document.objects.get(identifier=body["identifier"])
    assert change(archivist, document, {"title": "Note verbale of 19 October"}).status_code == 200
    assert Document.objects.get(pk=document.pk).title == "Note verbale of 19 October"


def test_archivist_may_not_publish_nor_delete(archivist):
    document = make_document(status=Status.DRAFT)
    response = change(archivist, document, {"status": "published", "title": "Changed"})
    assert response.status_code == 403 and "publish" in response.json()["detail"]
    # The refused publish undid the title change made in the same request.
    document.refresh_from_db()
    assert (document.status, document.title) == ("draft", document.title)
    assert document.title != "Changed"
    published = {**NEW, "status": "published"}
    assert archivist.post("/api/documents/", published, format="json").status_code == 403
    assert not Document.objects.filter(title=NEW["title"]).exists()
    tag = archivist.get(f"/api/documents/{document.identifier}/")["ETag"]
    response = archivist.delete(f"/api/documents/{document.identifier}/", HTTP_IF_MATCH=tag)
    assert response.status_code == 403 and Document.objects.filter(pk=document.pk).exists()


def test_editor_publishes_and_deletes(editor, anon):
    document = make_document(status=Status.DRAFT)
    assert change(editor, document, {"status": "published"}).status_code == 200
    assert anon.get(f"/api/documents/{document.identifier}/").status_code == 200
    tag = editor.get(f"/api/documents/{document.identifier}/")["ETag"]
    assert (
        editor.delete(f"/api/documents/{document.identifier}/", HTTP_IF_MATCH=tag).status_code
        == 204
    )
    assert not Document.objects.filter(pk=document.pk).exists()


def test_deleting_a_cited_document_is_a_409_not_a_500(seeded, editor):
    tag = editor.get("/api/documents/doc-joint-declaration-1956/")["ETag"]
    response = editor.delete("/api/documents/doc-joint-declaration-1956/", HTTP_IF_MATCH=tag)
    assert response.status_code == 409 and "link" in response.json()["detail"]
    assert Document.objects.filter(identifier="doc-joint-declaration-1956").exists()


def test_the_browsable_api_session_needs_the_csrf_token(django_user_model):
    user = django_user_model.objects.create_user("archie", is_staff=True)
    user.groups.add(Group.objects.get(name="Archivist"))
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/api/documents/", NEW, format="json")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    assert not Document.objects.exists()


def test_an_editor_writes_citations_by_identifier(seeded, editor):
    body = {
        "kind": "quotation",
        "citing_article_identifier": "article-0543db3bfdfe29b7",
        "cited_document_identifier": "doc-joint-declaration-1956",
        "quoted_text": "agrees to hand over to Japan the Habomai and the Shikotan Islands",
        "locator": "Article 9",
    }
    response = editor.post("/api/citations/", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["cited_document"]["identifier"] == "doc-joint-declaration-1956"
    cited_by = editor.get("/api/documents/doc-joint-declaration-1956/").json()["cited_by"]
    assert response.json()["url"] in {c["url"] for c in cited_by}
    missing = editor.post("/api/citations/", {"kind": "reference"}, format="json")
    assert missing.status_code == 400 and "citing_article_identifier" in missing.json()
