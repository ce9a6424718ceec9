"""A citation-format list that matches nothing is still a file of its format:
200, its Content-Type, and a body a reference manager reads as no records."""

import json

import pytest

pytestmark = pytest.mark.django_db

NOTHING = {"kind": "letter"}  # no document in an empty catalogue is a letter


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [("ris", "application/x-research-info-systems"), ("bibtex", "application/x-bibtex")],
)
def test_an_empty_text_citation_list_has_its_type_and_no_entries(anon, fmt, content_type):
    response = anon.get("/api/documents/", {"format": fmt, **NOTHING})
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    body = response.content.decode()
    assert body.strip() == "" or body.startswith("%")
    assert "@" not in body and "TY  -" not in body


def test_an_empty_csl_json_list_is_an_empty_array(anon):
    response = anon.get("/api/articles/", {"format": "csl-json", **{"q": "nothing-matches"}})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    assert json.loads(response.content) == []
