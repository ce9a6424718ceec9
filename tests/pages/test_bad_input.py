"""Garbage in the address gets a clear 400 or a clean page, never a 500, and changes nothing."""

import pytest

from catalogue.models import Document
from tests.factories import make_document

pytestmark = pytest.mark.django_db

BROWSE = ["/documents/", "/articles/", "/people/", "/organisations/", "/places/"]
HUGE = "Hatoyama " * 12_000  # about 100 KB
BAD_PARAMETERS = [
    {"q": HUGE},
    {"q": "Hatoyama\x00reparations"},
    {"person": "\x00"},
    {"date_from": "1956-13-45"},
    {"date_to": "yesterday"},
    {"decade": "19x0"},
    {"year": "-5"},
    {"kind": "'; DROP TABLE catalogue_document; --"},
    {"after": "not-a-cursor"},
    {"after": "WyJ4Il0"},  # valid base64 of ["x"]: the wrong shape
    {"after": "r²"},
    {"per_page": "100000"},
    {"ordering": "password"},
]


@pytest.mark.parametrize("url", BROWSE)
@pytest.mark.parametrize("params", BAD_PARAMETERS, ids=lambda p: next(iter(p)))
def test_bad_browse_parameters_get_a_4xx_or_a_clean_page(client, url, params):
    make_document()
    response = client.get(url, params)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "Cannot show this page" in response.content.decode()
    assert Document.objects.count() == 1


def test_a_bad_date_says_what_is_wrong(client):
    response = client.get("/documents/", {"date_from": "1956-13-45"})
    assert response.status_code == 400
    assert "not a real date" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": HUGE},
        {"q": "a\x00b"},
        {"q": "x", "page": "0"},
        {"q": "x", "page": "9" * 40},
        {"q": "x", "type": "user"},
        {"q": '"unclosed NEAR( *'},
    ],
    ids=["huge", "nul", "page-0", "page-huge", "bad-type", "syntax"],
)
def test_bad_search_parameters_get_a_4xx_or_a_clean_page(client, params):
    response = client.get("/search/", params)
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("decade", ["abc", "-10", "99999", "1e3"])
def test_bad_timeline_decade_is_400(client, decade):
    assert client.get("/timeline/", {"decade": decade}).status_code == 400
