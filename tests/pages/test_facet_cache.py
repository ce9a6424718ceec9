"""Facet counts come from the shared cache by filter state, and every write makes them new."""

import re

import pytest
from django.core.cache import cache

from catalogue.models import Document, Status
from tests.factories import make_agent, make_document, make_person

pytestmark = pytest.mark.django_db


def kind_count(response, label):
    """The count beside `label` in the Kind facet, or None when it is not shown."""
    html = response.content.decode()
    match = re.search(rf">{label}</a> <span class=\"count\">(\d+)</span>", html)
    return int(match[1]) if match else None


def test_a_new_document_changes_the_counts_the_next_reader_sees(client):
    make_document(kind=Document.Kind.TREATY)
    assert kind_count(client.get("/documents/"), "Treaty") == 1
    make_document(kind=Document.Kind.TREATY)
    assert kind_count(client.get("/documents/"), "Treaty") == 2


def test_unpublishing_a_document_takes_it_out_of_the_counts(client):
    kept = make_document(kind=Document.Kind.TREATY)
    withdrawn = make_document(kind=Document.Kind.TREATY)
    assert kind_count(client.get("/documents/"), "Treaty") == 2
    withdrawn.status = Status.DRAFT
    withdrawn.save()
    assert kind_count(client.get("/documents/"), "Treaty") == 1
    kept.delete()
    assert kind_count(client.get("/documents/"), "Treaty") is None


def test_a_new_party_changes_the_person_facet(client):
    document = make_document()
    assert "Ada Envoy" not in client.get("/documents/").content.decode()
    make_agent(document, person=make_person(name="Ada Envoy"))
    assert "Ada Envoy" in client.get("/documents/").content.decode()


def test_the_same_filters_again_are_counted_once(client, django_assert_num_queries):
    for _ in range(3):
        make_document(kind=Document.Kind.TREATY)
    client.get("/documents/?kind=treaty")
    # capped count and page only: the five facet queries are not made again,
    # whatever the sort or page size.
    with django_assert_num_queries(2):
        response = client.get("/documents/?kind=treaty&ordering=-date&per_page=2")
    assert kind_count(response, "Treaty") is None  # chosen: shown in bold, not linked
    assert '<strong aria-current="true">Treaty</strong> <span class="count">3</span>' in (
        response.content.decode()
    )


def test_a_deep_page_never_counts_facets_but_keeps_the_chosen_filters(
    client, django_assert_num_queries
):
    for _ in range(3):
        make_document(kind=Document.Kind.TREATY)
    first = client.get("/documents/?kind=treaty&per_page=1").content.decode()
    following = re.search(r'href="(\?[^"]*after=[^"]*)" rel="next"', first)[1]
    cache.clear()  # as when the first page was seen by another server, long ago
    # capped count and page: no facet query on a page reached by a cursor.
    with django_assert_num_queries(2):
        html = client.get("/documents/" + following.replace("&amp;", "&")).content.decode()
    assert 'class="facet"' not in html
    assert '<input type="hidden" name="kind" value="treaty">' in html


def test_an_edit_of_a_description_only_keeps_the_counts_a_new_kind_does_not(
    client, django_assert_num_queries
):
    """Editors correcting texts do not make every reader count the catalogue again."""
    from catalogue.services.records import record_update

    document = make_document(kind=Document.Kind.TREATY)
    client.get("/documents/")
    record_update(record=document, changes={"description": "Checked."}, expected_version=None)
    with django_assert_num_queries(2):  # capped count and page: the counts are kept
        response = client.get("/documents/")
    assert kind_count(response, "Treaty") == 1

    record_update(record=document, changes={"kind": "protocol"}, expected_version=None)
    response = client.get("/documents/")
    assert kind_count(response, "Treaty") is None and kind_count(response, "Protocol") == 1
