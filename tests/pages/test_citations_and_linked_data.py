"""Every detail page: a Chicago "cite this", downloads that read back, JSON-LD, API link."""

import json
import re

import bibtexparser
import pytest
import rispy

pytestmark = pytest.mark.django_db

PAGES = {
    "/documents/soviet-japanese-joint-declaration-of-1956/": "CreativeWork",
    "/documents/texts-of-soviet-japanese-statements-peace-declaration-trade-protocol/": (
        "NewsArticle"
    ),
    "/articles/soviet-japanese-joint-declaration-of-1956/": "Article",
    "/people/ichiro-hatoyama/": "Person",
    "/organisations/soviet-union/": "Organization",
    "/places/moscow/": "Place",
}


@pytest.mark.parametrize("url", PAGES)
def test_bibtex_download_parses_with_bibtexparser(seeded, client, url):
    response = client.get(url + "cite.bib")
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in response["Content-Disposition"]
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry["url"] == "http://testserver" + url
    assert entry["title"]


@pytest.mark.parametrize("url", PAGES)
def test_ris_download_reads_back_with_rispy(seeded, client, url):
    (record,) = rispy.loads(client.get(url + "cite.ris").content.decode())
    assert record["urls"] == ["http://testserver" + url]
    assert record["title"]
    assert record["type_of_reference"]


@pytest.mark.parametrize("url", PAGES)
def test_csl_json_download_has_the_required_fields(seeded, client, url):
    (item,) = json.loads(client.get(url + "cite.json").content)
    assert {"id", "type", "title", "URL"} <= item.keys()
    assert item["accessed"]["date-parts"][0][0] >= 2025


def test_declaration_csl_json_names_the_parties_and_date(seeded, client):
    url = "/documents/soviet-japanese-joint-declaration-of-1956/cite.json"
    (item,) = json.loads(client.get(url).content)
    assert item["type"] == "treaty"
    assert item["issued"] == {"date-parts": [[1956, 10, 19]]}
    assert {"literal": "Soviet Union"} in item["author"]


@pytest.mark.parametrize("url,schema_type", PAGES.items())
def test_page_head_has_json_ld_and_the_api_link(seeded, client, url, schema_type):
    html = client.get(url).content.decode()
    head = html[: html.index("</head>")]
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == schema_type
    assert data["url"] == "http://testserver" + url
    identifier = data["identifier"]
    prefix = url.split("/")[1]
    assert (
        f'<link rel="alternate" type="application/json" href="/api/{prefix}/{identifier}/"' in head
    )


@pytest.mark.parametrize("url", PAGES)
def test_cite_this_block_is_chicago_with_url_and_access_date(seeded, client, url):
    html = client.get(url).content.decode()
    chicago = re.search(r'<p class="chicago" id="chicago-citation">(.*?)</p>', html, re.S).group(1)
    assert "Accessed " in chicago and chicago.endswith("http://testserver" + url)


def test_json_ld_cannot_break_out_of_its_script_block(client):
    from tests.factories import make_document

    document = make_document(title="</script><script>alert(1)</script>")
    html = client.get(document.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(block.group(1))["name"] == document.title


def test_unknown_citation_format_is_404(seeded, client):
    url = "/documents/soviet-japanese-joint-declaration-of-1956/cite.docx"
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", PAGES)
def test_api_link_answers_with_the_same_record(seeded, client, url):
    html = client.get(url).content.decode()
    api = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', html)
    response = client.get(api.group(1), HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["identifier"] in api.group(1)
