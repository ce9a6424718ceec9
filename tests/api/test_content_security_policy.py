"""The API's data answers may load and run nothing; its HTML pages (browsable
API, docs) get a policy that lets only this site's scripts run."""

import pytest

pytestmark = pytest.mark.django_db

STRICT = "default-src 'none'; frame-ancestors 'none'"


@pytest.mark.parametrize(
    "address",
    [
        "/api/documents/",
        "/api/documents/?format=json",
        "/api/documents/?format=bibtex",
        "/api/documents/?format=jsonld",
        "/api/documents/doc-missing/",
        "/api/schema/",
        "/api/",
    ],
)
def test_data_answers_carry_the_strict_policy(anon, address):
    response = anon.get(address, HTTP_ACCEPT="application/json")
    assert response["Content-Security-Policy"] == STRICT


@pytest.mark.parametrize("address", ["/api/documents/", "/api/docs/", "/api/redoc/"])
def test_html_pages_run_only_this_sites_scripts(anon, address):
    response = anon.get(address, HTTP_ACCEPT="text/html")
    assert response["Content-Type"].startswith("text/html")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "frame-ancestors 'none'" in policy
