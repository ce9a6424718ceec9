"""The home page: what the catalogue holds, the newest records, ways in."""

import pytest

from catalogue.models import Status
from tests.factories import make_article, make_document

pytestmark = pytest.mark.django_db


def test_home_shows_counts_per_record_type_and_ways_in(seeded, client):
    html = client.get("/").content.decode()
    for count, label in [(4, "Documents"), (2, "Articles"), (1, "People"), (6, "Organisations")]:
        assert f'<span class="count">{count}</span> {label}' in html
    assert 'action="/search/"' in html
    assert 'href="/timeline/"' in html and 'href="/documents/"' in html


def test_home_lists_recently_added_published_records_only(client):
    make_document(title="Old protocol")
    make_article(title="Newest article")
    make_document(title="Unchecked draft", status=Status.DRAFT)
    html = client.get("/").content.decode()
    assert html.index("Newest article") < html.index("Old protocol")
    assert "Unchecked draft" not in html


@pytest.mark.parametrize("records", [1, 50])
def test_home_query_count_does_not_grow_with_the_catalogue(
    client, django_assert_num_queries, records
):
    for _ in range(records):
        make_document()
        make_article()
    # 7 counts (documents, articles, people, organisations, places,
    # repositories, collections), newest documents (place joined), newest articles.
    with django_assert_num_queries(9):
        assert client.get("/").status_code == 200


def test_home_counts_stop_at_the_cap_and_show_a_plus(client, monkeypatch):
    from catalogue.selectors import listing

    monkeypatch.setattr(listing, "COUNT_CAP", 3)
    for _ in range(5):
        make_document()
    make_article()
    html = client.get("/").content.decode()
    assert '<span class="count">3+</span> Documents' in html
    assert '<span class="count">1</span> Articles' in html
