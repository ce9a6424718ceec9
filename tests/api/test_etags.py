"""Safe writes: a detail carries its version as an ETag; If-None-Match gives
304; a change without If-Match (or with `*`) is 428, with a stale one 412, and
nothing is saved."""

import pytest

from catalogue.models import Document
from tests.factories import make_citation, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(db):
    return make_document(title="Joint Declaration")


def url(document):
    return f"/api/documents/{document.identifier}/"


def test_a_detail_carries_its_version_as_etag_and_answers_304(document, anon):
    response = anon.get(url(document))
    assert response["ETag"] == '"v1"'
    again = anon.get(url(document), HTTP_IF_NONE_MATCH='"v1"')
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == '"v1"'
    assert anon.get(url(document), HTTP_IF_NONE_MATCH='"v0", W/"v1"').status_code == 304
    assert anon.get(url(document), HTTP_IF_NONE_MATCH='"v0"').status_code == 200


def test_each_format_has_its_own_tag(document, anon):
    bibtex = anon.get(url(document), {"format": "bibtex"})
    assert bibtex["ETag"] == '"v1.bibtex"'
    assert (
        anon.get(url(document), {"format": "bibtex"}, HTTP_IF_NONE_MATCH='"v1"').status_code == 200
    )


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_change_without_if_match_is_428(method, document, editor):
    response = getattr(editor, method)(url(document), {"title": "Changed"}, format="json")
    assert response.status_code == 428 and "If-Match" in response.json()["detail"]
    assert Document.objects.get(pk=document.pk).title == "Joint Declaration"


@pytest.mark.parametrize("tag", ['"v0"', 'W/"v1"', "v1", "garbage", '"v1', '"' + "9" * 5000 + '"'])
def test_a_stale_weak_or_unreadable_if_match_is_412(tag, document, editor):
    response = editor.patch(url(document), {"title": "Changed"}, format="json", HTTP_IF_MATCH=tag)
    assert response.status_code == 412
    assert Document.objects.get(pk=document.pk).title == "Joint Declaration"


def test_the_second_of_two_edits_from_the_same_version_is_412(document, editor, archivist):
    tag = editor.get(url(document))["ETag"]
    first = editor.patch(url(document), {"title": "First"}, format="json", HTTP_IF_MATCH=tag)
    assert first.status_code == 200 and first["ETag"] == '"v2"' and first.json()["version"] == 2
    second = archivist.patch(url(document), {"title": "Second"}, format="json", HTTP_IF_MATCH=tag)
    assert second.status_code == 412
    assert Document.objects.get(pk=document.pk).title == "First"
    stale_delete = editor.delete(url(document), HTTP_IF_MATCH=tag)
    assert stale_delete.status_code == 412 and Document.objects.filter(pk=document.pk).exists()


def test_a_put_with_the_current_tag_replaces_the_record(document, editor):
    body = {"title": "Declaration", "kind": "declaration", "date_edtf": "1956-10-19"}
    response = editor.put(url(document), body, format="json", HTTP_IF_MATCH='"v1"')
    assert response.status_code == 200 and response.json()["title"] == "Declaration"
    # Any representation's tag of the current version will do.
    response = editor.patch(
        url(document), {"title": "D"}, format="json", HTTP_IF_MATCH='"v2.bibtex"'
    )
    assert response.status_code == 200 and response["ETag"] == '"v3"'


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_if_match_star_is_not_a_version_and_is_428(method, document, editor):
    # "*" matches whatever is stored, so it would overwrite a change the
    # client never saw: a write must name the version it was read at.
    body = {"title": "Changed", "kind": "declaration"}
    response = getattr(editor, method)(url(document), body, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 428 and "If-Match" in response.json()["detail"]
    stored = Document.objects.get(pk=document.pk)
    assert (stored.title, stored.version) == ("Joint Declaration", 1)


def test_citations_without_a_version_use_a_digest_of_their_row(seeded, editor):
    from catalogue.models import Article

    citation = make_citation(Article.objects.first(), Document.objects.first(), locator="p. 1")
    address = f"/api/citations/{citation.pk}/"
    tag = editor.get(address)["ETag"]
    assert editor.get(address, HTTP_IF_NONE_MATCH=tag).status_code == 304
    changed = editor.patch(address, {"locator": "p. 2"}, format="json", HTTP_IF_MATCH=tag)
    assert changed.status_code == 200 and changed["ETag"] != tag
    stale = editor.patch(address, {"locator": "p. 3"}, format="json", HTTP_IF_MATCH=tag)
    assert stale.status_code == 412
    assert editor.delete(address).status_code == 428
    assert editor.delete(address, HTTP_IF_MATCH="*").status_code == 428
    assert editor.delete(address, HTTP_IF_MATCH=changed["ETag"]).status_code == 204
