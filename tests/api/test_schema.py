"""The OpenAPI schema states every response the API gives, and its docs pages are served."""

import pytest
import yaml

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(anon):
    response = anon.get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_every_operation_lists_its_error_responses(schema):
    paths = schema["paths"]
    for plural in ("documents", "articles", "people", "organisations", "places"):
        detail = paths[f"/api/{plural}/{{identifier}}/"]
        assert {"200", "304", "401", "404", "406", "429"} <= detail["get"]["responses"].keys()
        for method in ("put", "patch", "delete"):
            assert {"400", "401", "403", "404", "409", "412", "428", "429"} <= (
                detail[method]["responses"].keys()
            )
        create = paths[f"/api/{plural}/"]["post"]["responses"]
        assert {"201", "400", "401", "403", "415", "429"} <= create.keys()
        assert "500" not in create


def test_headers_and_formats_are_described(schema):
    detail = schema["paths"]["/api/documents/{identifier}/"]
    ok = detail["get"]["responses"]["200"]
    assert "ETag" in ok["headers"]
    assert ok["content"]["application/x-bibtex"]["schema"] == {"type": "string"}
    assert "Retry-After" in detail["get"]["responses"]["429"]["headers"]
    names = {p["name"] for p in detail["patch"]["parameters"]}
    assert "If-Match" in names
    listing = schema["paths"]["/api/documents/"]["get"]
    params = {p["name"] for p in listing["parameters"]}
    assert {
        "q",
        "kind",
        "date_from",
        "date_to",
        "person",
        "place",
        "ordering",
        "cursor",
        "limit",
    } <= params
    page = schema["components"]["schemas"]["PaginatedDocumentList"]
    assert page["properties"]["count"]["maximum"] == 10_000
    assert "count_capped" in page["properties"]


@pytest.mark.parametrize("address", ["/api/docs/", "/api/redoc/"])
def test_the_docs_pages_load_their_scripts_from_this_site(address, anon):
    html = anon.get(address).content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "https://" not in html and "http://" not in html
