"""Bad input gets a clear 4xx in JSON, never a 500, and changes nothing."""

import pytest

from catalogue.models import Article, Document
from tests.factories import make_document

pytestmark = pytest.mark.django_db

HUGE = "x" * 100_000


@pytest.mark.parametrize(
    "params",
    [
        {"q": HUGE},
        {"q": "Habomai\x00"},
        {"q": "' OR 1=1; DROP TABLE catalogue_document; --"},
        {"person": "\x00"},
        {"place": HUGE},
        {"date_from": "1956-02-30"},
        {"date_from": "19th century"},
        {"date_to": "0000"},
        {"date_from": "1956\x00"},
        {"year": "99999999999999999999"},
        {"decade": "-5"},
        {"ordering": "-password"},
        {"ordering": HUGE},
        {"kind": "\x00"},
        {"limit": "\x00"},
    ],
)
def test_bad_query_parameters_are_a_4xx_or_an_empty_result(params, anon):
    make_document()
    response = anon.get("/api/documents/", params)
    assert response.status_code in {200, 400}, response.content
    assert response["Content-Type"] == "application/json"
    if response.status_code == 200:
        assert response.json()["results"] in (
            [],
            [anon.get("/api/documents/").json()["results"][0]],
        )
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    "address",
    [
        "/api/documents/%00/",
        "/api/documents/" + "a" * 5000 + "/",
        "/api/citations/99999999999999999999999/",
        "/api/citations/-1/",
    ],
)
def test_an_address_no_record_could_have_is_a_json_404(address, anon):
    response = anon.get(address)
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "body,content_type",
    [
        ('{"title": ', "application/json"),
        ("[]", "application/json"),
        ('{"title": "a\\u0000b"}', "application/json"),
        ('{"title": "x", "date_edtf": "sometime in the fifties"}', "application/json"),
        ('{"title": "x", "place_identifier": "place-atlantis"}', "application/json"),
        ('{"title": "x", "other_titles": "not a list"}', "application/json"),
        ('{"title": "' + HUGE + '"}', "application/json"),
        ("title=x", "text/plain"),
    ],
)
def test_malformed_bodies_are_refused_with_a_message_per_field(body, content_type, editor):
    response = editor.generic("POST", "/api/documents/", body, content_type=content_type)
    assert response.status_code in {400, 415}, response.content
    assert response.json()
    assert not Document.objects.exists()


def test_a_field_error_names_the_field(editor):
    response = editor.post("/api/documents/", {"title": "x", "date_edtf": "1956-13"}, format="json")
    assert response.status_code == 400 and "date_edtf" in response.json()


@pytest.mark.parametrize("number", [2**31, 2**70, -1])
def test_out_of_range_numbers_are_400(number, seeded, editor):
    body = {
        "citing_article_identifier": "article-0543db3bfdfe29b7",
        "cited_work": "A book",
        "source_start": number,
    }
    response = editor.post("/api/citations/", body, format="json")
    assert response.status_code == 400 and "source_start" in response.json()


@pytest.mark.parametrize("value", [{}, {"person-x": 1}, "person-x", 7])
def test_a_list_of_author_identifiers_of_another_type_is_refused(value, archivist):
    # A JSON object is iterable in Python (its keys): DRF's many-field took
    # {} as an empty list, against the schema's "array". Nothing is made.
    response = archivist.post(
        "/api/articles/", {"title": "A text", "author_identifiers": value}, format="json"
    )
    assert response.status_code == 400, response.content
    assert "author_identifiers" in response.json()
    assert not Article.objects.filter(title="A text").exists()
