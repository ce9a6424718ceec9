"""The public holdings pages: a repository with its contact and its fonds, a
collection with its breadcrumb, its description by ISAD(G) area, its units
and documents one page at a time, and "Held at" on a filed document."""

import json
import re

import pytest

from catalogue.models import Level, Status
from tests.factories import make_collection, make_document, make_person, make_repository

pytestmark = pytest.mark.django_db


@pytest.fixture
def holdings():
    repository = make_repository(
        name="Diplomatic Archives",
        code="JP-1000001",
        address="1-5-3 Azabudai\nTokyo",
        url="https://archives.example.jp/",
        email="reading-room@example.jp",
        telephone="+81 3 0000 0000",
    )
    fonds = make_collection(
        repository=repository,
        title="Ministry of Foreign Affairs",
        reference_code="F12",
        scope_and_content="Negotiations with the Soviet Union.",
        arrangement="Chronological.",
        access_conditions="Open.",
    )
    series = make_collection(parent=fonds, title="Moscow talks", reference_code="S3")
    document = make_document(
        title="Joint declaration",
        collection=series,
        reference_code="7",
        extent_and_medium="4 leaves",
        access_conditions="Open to all readers.",
        rights_uri="http://rightsstatements.org/vocab/NoC-US/1.0/",
        rights_label="No Copyright - United States",
    )
    return repository, fonds, series, document


def _links(html):
    return re.findall(r'<a href="([^"?#]+)"', html)


def test_repository_page_gives_its_contact_and_its_fonds(client, holdings):
    repository, fonds, series, _ = holdings
    html = client.get(repository.get_absolute_url()).content.decode()
    assert "<code>JP-1000001</code>" in html
    assert 'href="https://archives.example.jp/"' in html
    assert 'href="mailto:reading-room@example.jp"' in html
    assert "1-5-3 Azabudai<br>Tokyo" in html
    assert fonds.get_absolute_url() in _links(html)
    assert series.get_absolute_url() not in _links(html)  # one level at a time


def test_collection_page_has_its_breadcrumb_areas_units_and_documents(client, holdings):
    repository, fonds, series, document = holdings
    html = client.get(series.get_absolute_url()).content.decode()
    crumbs = re.search(r'<ol class="breadcrumb">(.*?)</ol>', html, re.S).group(1)
    assert _links(crumbs) == [repository.get_absolute_url(), fonds.get_absolute_url()]
    assert '<li aria-current="page">Moscow talks</li>' in crumbs
    assert "<code>JP-1000001/F12/S3</code>" in html
    assert document.get_absolute_url() in _links(html)

    fonds_html = client.get(fonds.get_absolute_url()).content.decode()
    for heading in ("Identity", "Content and structure", "Conditions of access and use"):
        assert f">{heading}</h2>" in fonds_html
    assert "Negotiations with the Soviet Union." in fonds_html
    assert "Allied materials" not in fonds_html  # an empty area is left out
    assert series.get_absolute_url() in _links(fonds_html)


def test_documents_page_by_their_position_in_the_unit(client, holdings):
    _, _, series, _ = holdings
    for position in (2, 1):
        make_document(title=f"Item at {position}", collection=series, collection_position=position)
    first = client.get(series.get_absolute_url(), {"per_page": 1}).content.decode()
    titles = re.findall(r">(Joint declaration|Item at \d)</a>", first)
    assert titles == ["Joint declaration"]  # position 0 first
    following = re.search(r'href="(\?[^"]*)" rel="next">Next documents', first).group(1)
    second = client.get(series.get_absolute_url() + following.replace("&amp;", "&"))
    assert re.findall(r">(Joint declaration|Item at \d)</a>", second.content.decode()) == [
        "Item at 1"
    ]


def test_paged_units_walk_forward_one_at_a_time(client, holdings):
    _, fonds, _, _ = holdings
    for position in (3, 1, 2):
        make_collection(parent=fonds, title=f"Series at {position}", position=position)
    url, seen = f"{fonds.get_absolute_url()}?per_page=1", []
    while url:
        html = client.get(url).content.decode()
        seen += re.findall(r">(Series at \d|Moscow talks)</a>", html)
        following = re.search(r'href="(\?[^"]*)" rel="next">Next units', html)
        url = (
            fonds.get_absolute_url() + following.group(1).replace("&amp;", "&")
            if following
            else None
        )
    assert seen == ["Moscow talks", "Series at 1", "Series at 2", "Series at 3"]


def test_a_broken_page_link_is_a_400_not_a_500(client, holdings):
    _, fonds, _, _ = holdings
    response = client.get(fonds.get_absolute_url(), {"units_after": "not-a-cursor"})
    assert response.status_code == 400
    assert client.get(fonds.get_absolute_url(), {"per_page": "0"}).status_code == 400


def test_document_page_says_where_it_is_held(client, holdings):
    repository, fonds, series, document = holdings
    html = client.get(document.get_absolute_url()).content.decode()
    held = html[html.index('id="held-at"') :]
    held = held[: held.index("</section>")]
    assert _links(held)[:3] == [
        repository.get_absolute_url(),
        fonds.get_absolute_url(),
        series.get_absolute_url(),
    ]
    assert "<code>JP-1000001/F12/S3/7</code>" in held
    assert "4 leaves" in held and "Open to all readers." in held
    assert '<a href="http://rightsstatements.org/vocab/NoC-US/1.0/">No Copyright' in held


def test_a_document_held_nowhere_has_no_held_at_block(client):
    document = make_document(title="Loose leaf")
    assert "Held at" not in client.get(document.get_absolute_url()).content.decode()


def test_jsonld_describes_archive_components_and_their_archive(client, holdings):
    repository, fonds, series, document = holdings

    def jsonld(record):
        html = client.get(record.get_absolute_url()).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return json.loads(block.group(1))

    archive = jsonld(repository)
    assert archive["@type"] == "ArchiveOrganization"
    assert archive["email"] == "reading-room@example.jp"
    unit = jsonld(series)
    assert unit["@type"] == "ArchiveComponent"
    assert unit["holdingArchive"]["@id"] == f"http://testserver{repository.get_absolute_url()}"
    assert unit["isPartOf"]["@id"] == f"http://testserver{fonds.get_absolute_url()}"
    top = jsonld(fonds)
    assert "isPartOf" not in top and top["holdingArchive"]["name"] == "Diplomatic Archives"
    filed = jsonld(document)
    assert "ArchiveComponent" in filed["@type"]
    assert filed["holdingArchive"]["@type"] == "ArchiveOrganization"
    assert filed["license"] == "http://rightsstatements.org/vocab/NoC-US/1.0/"


def test_citations_of_a_unit_name_its_archive_and_code(client, holdings):
    _, _, series, _ = holdings
    csl = json.loads(client.get(series.get_absolute_url() + "cite.json").content)[0]
    assert csl["type"] == "collection"
    assert csl["archive"] == "Diplomatic Archives"
    assert csl["archive_location"] == "JP-1000001/F12/S3"
    ris = client.get(series.get_absolute_url() + "cite.ris").content.decode()
    assert "AN  - JP-1000001/F12/S3" in ris


def test_collection_browse_sorts_by_reference_code_and_facets_repository_and_level(
    client, holdings
):
    repository, fonds, series, _ = holdings
    other = make_collection(title="Another fonds", reference_code="A1")
    html = client.get("/collections/").content.decode()
    listed = re.findall(r'<li>\s*<a href="/collections/([^/"]+)/">', html)
    assert listed == [fonds.slug, series.slug, other.slug]  # JP-… before XX-…
    assert 'id="facet-repository"' in html and 'id="facet-level"' in html
    series_only = client.get("/collections/", {"level": Level.SERIES}).content.decode()
    assert re.findall(r'<li>\s*<a href="/collections/([^/"]+)/">', series_only) == [series.slug]
    held_here = client.get("/collections/", {"repository": repository.identifier})
    assert other.slug not in held_here.content.decode()


def test_document_browse_facets_and_filters_by_repository_collection_and_level(client, holdings):
    repository, fonds, series, document = holdings
    loose = make_document(title="Loose leaf")
    in_fonds = make_document(title="Fonds-level memo", collection=fonds)
    html = client.get("/documents/").content.decode()
    for facet in ("repository", "collection", "level"):
        assert f'id="facet-{facet}"' in html
    # The collection facet opens the tree one level at a time, counting each subtree.
    assert f"?collection={fonds.identifier}" in html
    assert f"?collection={series.identifier}" not in html

    def titles(params):
        page = client.get("/documents/", params).content.decode()
        return sorted(re.findall(r'<li>\s*<a href="/documents/[^/"]+/">([^<]+)</a>', page))

    assert titles({"collection": fonds.identifier}) == ["Fonds-level memo", "Joint declaration"]
    assert titles({"collection": series.identifier}) == ["Joint declaration"]
    assert titles({"repository": repository.identifier}) == [
        "Fonds-level memo",
        "Joint declaration",
    ]
    assert titles({"level": Level.SERIES}) == ["Joint declaration"]
    opened = client.get("/documents/", {"collection": fonds.identifier}).content.decode()
    assert f"?collection={series.identifier}" in opened  # the next level down
    assert loose.title not in opened and in_fonds.title in opened


def test_search_finds_units_and_repositories_and_links_to_their_pages(client, holdings):
    repository, fonds, _, _ = holdings
    html = client.get("/search/", {"q": "Ministry of Foreign Affairs"}).content.decode()
    assert fonds.get_absolute_url() in html
    html = client.get("/search/", {"q": "Diplomatic Archives"}).content.decode()
    assert repository.get_absolute_url() in html


def test_a_draft_creator_is_left_out_of_the_unit_page(client):
    creator = make_person(name="Zqhidden Person", status=Status.DRAFT)
    unit = make_collection(creator_person=creator)
    html = client.get(unit.get_absolute_url()).content.decode()
    assert "Zqhidden" not in html and "<dt>Creator</dt>" not in html
