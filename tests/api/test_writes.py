"""One API write is one save: fields, status and links together give one new
version and one history row, and the record is read back once for the answer."""

import pytest

from catalogue.models import Article, Document, Status
from tests.factories import make_article, make_document, make_person

pytestmark = pytest.mark.django_db


def test_a_patch_of_status_title_and_authors_writes_one_version_and_one_history_row(editor):
    article = make_article(title="Draft title", status=Status.DRAFT)
    author = make_person(name="Ichiro Hatoyama")
    body = {"status": "published", "title": "The 1956 Declaration"}
    body["author_identifiers"] = [author.identifier]

    response = editor.patch(
        f"/api/articles/{article.identifier}/", body, format="json", HTTP_IF_MATCH='"v1"'
    )

    assert response.status_code == 200, response.content
    assert response["ETag"] == '"v2"' and response.json()["version"] == 2
    assert [a["identifier"] for a in response.json()["authors"]] == [author.identifier]
    article = Article.objects.get(pk=article.pk)
    assert (article.version, article.status, article.title) == (2, "published", body["title"])
    latest, first = article.history.order_by("-history_id")
    assert article.history.count() == 2
    assert (latest.version, latest.status, latest.title) == (2, "published", body["title"])
    assert first.version == 1


def test_a_record_posted_as_published_is_version_1_with_one_history_row(editor):
    body = {"title": "Joint Declaration", "kind": "declaration", "status": "published"}
    response = editor.post("/api/documents/", body, format="json")
    assert response.status_code == 201, response.content
    document = Document.objects.get(identifier=response.json()["identifier"])
    assert (document.version, document.status) == (1, "published")
    assert document.history.count() == 1


def test_a_write_reads_the_detail_joins_once(editor, django_assert_max_num_queries):
    document = make_document(title="Joint Declaration")
    url = f"/api/documents/{document.identifier}/"
    # Token and user, permissions (2), the bare row to change; in the service's
    # savepoint: lock and version check, the stored version (save), the update,
    # its history row, the search entry (excerpts, its savepoint), citations
    # quoting the document, its OAI-PMH harvest entry (a new datestamp); then the
    # detail once: the document and its seven prefetched links. 31 before the
    # detail was no longer read twice.
    with django_assert_max_num_queries(24):
        response = editor.patch(url, {"title": "J"}, format="json", HTTP_IF_MATCH='"v1"')
    assert response.status_code == 200 and response.json()["title"] == "J"
