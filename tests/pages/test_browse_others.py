"""Articles, people, organisations and places browse pages."""

import re

import pytest

from catalogue.models import Organisation, Status
from tests.factories import make_article, make_organisation, make_person, make_place

pytestmark = pytest.mark.django_db


def names(response, prefix):
    return re.findall(rf'<li>\s*<a href="/{prefix}/[^"]+">([^<]+)</a>', response.content.decode())


def test_seeded_browse_pages_list_their_records(seeded, client):
    assert names(client.get("/articles/"), "articles") == [
        "Soviet Union and Japan Sign Joint Declaration",
        "Soviet-Japanese Joint Declaration of 1956",
    ]
    assert names(client.get("/people/"), "people") == ["Ichiro Hatoyama"]
    assert "Soviet Union" in names(client.get("/organisations/"), "organisations")
    assert names(client.get("/places/?kind=island"), "places") == ["Shikotan"]


def test_people_sort_by_sort_name(client):
    make_person(name="Nikolai Bulganin")
    make_person(name="Ichiro Hatoyama")
    assert names(client.get("/people/"), "people") == ["Nikolai Bulganin", "Ichiro Hatoyama"]
    assert names(client.get("/people/?ordering=-name"), "people") == [
        "Ichiro Hatoyama",
        "Nikolai Bulganin",
    ]


def test_organisation_kind_facet_counts_and_filters(client):
    make_organisation(name="Pravda", kind=Organisation.Kind.NEWSPAPER)
    make_organisation(name="Japan", kind=Organisation.Kind.STATE)
    make_organisation(name="Hidden", kind=Organisation.Kind.STATE, status=Status.DRAFT)
    html = client.get("/organisations/").content.decode()
    assert re.search(r'href="\?kind=state">State</a> <span class="count">1<', html)
    assert names(client.get("/organisations/?kind=newspaper"), "organisations") == ["Pravda"]


def _make(kind, n):
    for _ in range(n):
        if kind == "articles":
            make_article().authors.add(make_person())
        elif kind == "people":
            make_person()
        elif kind == "organisations":
            make_organisation()
        else:
            make_place()


# Per page: capped count, the page; articles add their authors (prefetch) and
# year spans; organisations and places add the kind facet.
QUERIES = {"articles": 4, "people": 2, "organisations": 3, "places": 3}


@pytest.mark.parametrize("kind", QUERIES)
@pytest.mark.parametrize("per_page", [1, 50])
def test_browse_query_count_is_constant(client, django_assert_num_queries, kind, per_page):
    _make(kind, 55)
    with django_assert_num_queries(QUERIES[kind]):
        response = client.get(f"/{kind}/?per_page={per_page}")
    assert len(names(response, kind)) == per_page
