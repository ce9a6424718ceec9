"""What the OpenAPI schema promises about the query and the callers, checked
against what the API answers: a value fits a parameter's schema exactly when
the API takes it, reads are open to anonymous clients and writes are not."""

import re

import pytest
import yaml

from catalogue.models import Citation
from tests.factories import make_article, make_citation, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(anon):
    return yaml.safe_load(anon.get("/api/schema/").content)


def _parameter(schema, path, name):
    parameters = schema["paths"][path]["get"]["parameters"]
    return next(p["schema"] for p in parameters if p["name"] == name)


def _fits(parameter, value):
    """Whether `value` fits the parameter's schema (JSON Schema's pattern has no
    Python-style match before a final newline, hence fullmatch)."""
    if "anyOf" in parameter:
        return any(_fits(option, value) for option in parameter["anyOf"])
    if "enum" in parameter:
        return value in parameter["enum"]
    if parameter.get("maxLength") == 0:
        return value == ""
    if parameter["type"] != "string":
        return False  # the values tried here are dates or empty, never numbers
    pattern = parameter["pattern"].removeprefix("^").removesuffix("$")
    return re.fullmatch(pattern, value) is not None


def test_reads_need_no_credentials_and_writes_do(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            optional = {} in operation["security"]
            assert optional == (method == "get"), (method, path)


@pytest.mark.parametrize(
    "value",
    [
        "0000",
        "0001",
        "1956",
        "1956-02",
        "1956-13",
        "1956-04-30",
        "1956-04-31",
        "1956-02-29",
        "2021-02-29",
        "1900-02-29",
        "2000-02-29",
        "9999-12",
        "9999-12-31",
        " 1956",
        "1956\n",
        "١٩٥٦",
        "19560",
        "",
    ],
)
def test_a_date_bound_fits_the_schema_exactly_when_the_api_takes_it(schema, anon, value):
    fits = _fits(_parameter(schema, "/api/documents/", "date_to"), value)
    response = anon.get("/api/documents/", {"date_to": value})
    assert response.status_code == (200 if fits else 400), response.content


def test_a_month_bound_reaches_the_last_day_of_year_9999(anon):
    make_document(date_edtf="1956")
    response = anon.get("/api/documents/", {"date_from": "1956-12", "date_to": "9999-12"})
    assert response.status_code == 200 and response.json()["count"] == 1


@pytest.mark.parametrize("name", ["status", "ordering", "format", "limit", "year", "date_from"])
def test_an_empty_parameter_is_taken_as_not_given_and_the_schema_says_so(schema, anon, name):
    make_document()
    response = anon.get("/api/documents/", {name: ""})
    assert response.status_code == 200 and response.json()["count"] == 1
    assert _fits(_parameter(schema, "/api/documents/", name), "")


def test_quote_found_takes_true_or_false_and_refuses_anything_else(schema, anon):
    article, document = make_article(), make_document()
    # Saving works quote_found out from the texts; set it as if it had.
    Citation.objects.filter(pk=make_citation(article, document).pk).update(quote_found=True)
    Citation.objects.filter(pk=make_citation(article, document).pk).update(quote_found=False)
    assert anon.get("/api/citations/", {"quote_found": "true"}).json()["count"] == 1
    assert anon.get("/api/citations/", {"quote_found": "false"}).json()["count"] == 1
    for value in ("null", "maybe", "1", "True"):
        response = anon.get("/api/citations/", {"quote_found": value})
        assert response.status_code == 400 and "quote_found" in response.json()
    assert _parameter(schema, "/api/citations/", "quote_found")["enum"] == ["false", "true", ""]


def test_a_value_longer_than_the_schema_allows_is_refused(schema, anon):
    limit = _parameter(schema, "/api/documents/", "person")["maxLength"]
    assert anon.get("/api/documents/", {"person": "p" * limit}).status_code == 200
    assert anon.get("/api/documents/", {"person": "p" * (limit + 1)}).status_code == 400
    # Not trimmed first: spaces count, as they do for the schema.
    assert anon.get("/api/documents/", {"person": " " * (limit + 1)}).status_code == 400


def test_a_new_record_is_answered_with_its_location(schema):
    created = schema["paths"]["/api/documents/"]["post"]["responses"]["201"]
    assert {"ETag", "Location"} <= created["headers"].keys()


@pytest.mark.parametrize("value", [0, 1.5, True])
def test_a_number_where_the_schema_says_text_is_refused(editor, value):
    response = editor.post("/api/places/", {"name": "Habomai", "geonames": value}, format="json")
    assert response.status_code == 400 and "geonames" in response.json()
    response = editor.post("/api/people/", {"name": value}, format="json")
    assert response.status_code == 400 and "name" in response.json()
    assert editor.post("/api/places/", {"name": "Habomai"}, format="json").status_code == 201
