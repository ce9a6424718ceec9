"""A large catalogue: very common words are counted to 10,000+ and listed
newest first instead of ranked; rare words are read from the full-text index
(the plan is checked, not the clock)."""

import pytest
from django.db import connection

from catalogue.models import Document, Status
from catalogue.search import explain, search
from catalogue.search_backends.indexing import rebuild
from tests.search.conftest import records

pytestmark = pytest.mark.django_db


def bulk_documents(count, *, rare_at=None):
    """`count` published documents that all say "treaty", one of them "Zanzibar"."""
    documents = [
        Document(
            identifier=f"doc-bulk-{n}",
            slug=f"bulk-{n}",
            title=f"Circular {n}",
            description=f"A routine circular about the treaty, number {n}.",
            status=Status.PUBLISHED,
        )
        for n in range(count)
    ]
    if rare_at is not None:
        documents[rare_at].description += " It mentions Zanzibar once."
    Document.objects.bulk_create(documents, batch_size=1000)
    rebuild(batch_size=1000)


def test_a_word_in_over_10000_records_is_counted_as_10000_plus_and_listed_newest_first(db):
    bulk_documents(10_050)
    results = search("treaty")
    assert (results.total, results.total_is_capped, results.total_display) == (
        10_000,
        True,
        "10,000+",
    )
    assert results.counts_by_type["document"] == 10_000
    assert not results.ranked
    assert results.notice.startswith("Showing most recent matches")
    newest = Document.objects.order_by("-modified", "-pk")[:20]
    assert records(results) == list(newest)


def test_past_the_rank_limit_results_come_newest_first_and_say_so(corpus, settings):
    settings.SEARCH_RANK_LIMIT = 3
    results = search("japan")  # four matches
    assert not results.ranked and "too many to rank" in results.notice
    assert records(results) == sorted(records(results), key=lambda r: r.modified, reverse=True)
    within = search("Habomai")  # three matches
    assert within.ranked and within.notice == ""
    assert records(within)[0] == corpus.habomai


def test_on_a_large_catalogue_a_rare_word_is_read_from_the_full_text_index(db):
    bulk_documents(20_000, rare_at=12_345)
    rare = search("Zanzibar")
    assert rare.total == 1 and rare.ranked
    assert rare.hits[0].record.identifier == "doc-bulk-12345"
    rare_plan, common_plan = explain("Zanzibar"), explain("treaty")
    if connection.vendor == "postgresql":
        # The GIN index finds the one row; nothing walks the table or its keys.
        assert "Bitmap Index Scan on catalogue_searchentry_vector" in rare_plan
        assert "Seq Scan on catalogue_searchentry" not in rare_plan
        assert "catalogue_searchentry_pkey" not in rare_plan
        assert "searchentry_recent" not in rare_plan
        # A word in every row: the newest rows are read until a page is full.
        assert "Index Scan using searchentry_recent on catalogue_searchentry" in common_plan
    else:
        # FTS5's MATCH finds the row; entries are looked up by rowid, never scanned.
        assert "SCAN catalogue_searchentry_fts VIRTUAL TABLE INDEX" in rare_plan
        assert "SEARCH e USING INTEGER PRIMARY KEY" in rare_plan
        assert "SCAN e" not in rare_plan
        assert "SCAN e USING INDEX searchentry_recent" in common_plan
