"""A large catalogue: very common words are counted to 10,000+ and listed
newest first instead of ranked; rare words are read from the full-text index
(the plan is checked, not the clock)."""

import pytest
from django.db import connection

from catalogue.models import Document, Status
from catalogue.search import explain, matches, search
from catalogue.search_backends.indexing import rebuild
from tests.factories import make_article, make_document
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


def more_documents(name, count, description):
    """`count` more published documents saying `description`, not yet indexed."""
    Document.objects.bulk_create(
        Document(
            identifier=f"doc-{name}-{n}",
            slug=f"{name}-{n}",
            title=f"Memorandum {name} {n}",
            description=description,
            status=Status.PUBLISHED,
        )
        for n in range(count)
    )


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


def _work(run):
    """(run()'s result, the work its queries did, whatever the machine's speed):
    on SQLite the virtual machine's steps (in thousands), on PostgreSQL the
    rows its plans read and threw away (EXPLAIN ANALYZE of each query it ran,
    sequential scans off)."""
    if connection.vendor == "postgresql":
        statements = []

        def record(execute, sql, params, many, context):
            statements.append((sql, params))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            result = run()

        def discarded(node):
            rows = sum(
                node.get(key, 0) * node.get("Actual Loops", 1)
                for key in ("Rows Removed by Filter", "Rows Removed by Index Recheck")
            )
            return rows + sum(discarded(child) for child in node.get("Plans", []))

        rows = 0
        with connection.cursor() as cursor:
            # A test's tables are small enough that the planner may rather read
            # one whole; at a catalogue's size it takes an index if one can
            # answer (bench/load.py). What is checked is that one can.
            cursor.execute("SET enable_seqscan = off")
            try:
                for sql, params in statements:
                    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
                    rows += discarded(cursor.fetchone()[0][0]["Plan"])
            finally:
                cursor.execute("RESET enable_seqscan")
        return result, rows
    steps = 0

    def tick():
        nonlocal steps
        steps += 1
        return 0

    connection.ensure_connection()
    connection.connection.set_progress_handler(tick, 1000)
    try:
        result = run()
    finally:
        connection.connection.set_progress_handler(None, 0)
    return result, steps


def test_counting_one_types_matches_does_not_read_the_matches_of_the_others(db):
    """The search page counts each record type's matches. A word in thousands of
    documents and one article: the articles' count must read neither the
    documents' matches nor every article to find it, so adding documents that
    say the word and articles that do not leaves its cost as it was."""
    from catalogue.models import Article
    from catalogue.search_backends import get_backend
    from catalogue.search_backends.query import parse

    Article.objects.create(
        identifier="art-treaty",
        slug="treaty-article",
        title="On the treaty",
        status=Status.PUBLISHED,
    )
    bulk_documents(2_000)
    backend, parsed = get_backend(), parse("treaty")
    counted, before = _work(lambda: backend.counts(parsed, None, types=["article"]))
    assert counted == {"article": 1}
    more_documents("more", 4_000, "Another note on the treaty.")
    Article.objects.bulk_create(
        Article(
            identifier=f"art-{n}", slug=f"art-{n}", title=f"Review {n}", status=Status.PUBLISHED
        )
        for n in range(3_000)
    )
    rebuild(batch_size=1000)
    counted, after = _work(lambda: backend.counts(parsed, None, types=["article"]))
    assert counted == {"article": 1}
    assert backend.counts(parsed, None, types=["document"]) == {"document": 6_000}
    # Before the index knew each entry's type: about 3 times the work.
    assert after <= before * 1.2 + 5, (before, after)


def test_the_name_of_a_record_type_is_matched_in_the_texts_only(db):
    """The index holds each entry's type beside its texts; a reader's word is
    never matched against it."""
    bulk_documents(3)
    assert search("document").total == 0
    assert search("circular").total == 3
    assert search("circular -document").total == 3


def test_a_count_past_the_cap_is_kept_a_count_under_it_follows_every_edit(db):
    """Counting a common word to 10,000 is most of what its search costs; the
    second reader gets "10,000+" from the cache. A rare word is counted again
    each time, so an edit that adds it shows at once."""
    from django.test.utils import CaptureQueriesContext

    bulk_documents(10_050, rare_at=7)
    assert search("treaty").total_display == "10,000+"
    with CaptureQueriesContext(connection) as queries:
        again = search("treaty")
    assert again.total_display == "10,000+" and len(again.hits) == 20
    # The other types (no matches, cheap) are counted again; documents are not.
    counted = [q["sql"][:20] for q in queries if "COUNT(*)" in q["sql"]]
    assert counted and not [sql for sql in counted if "'document'" in sql]

    assert search("Zanzibar").total == 1
    other = Document.objects.get(identifier="doc-bulk-8")
    other.description += " Zanzibar again."
    other.save()
    assert search("Zanzibar").total == 2
    # Withdrawing records (a change beyond long texts) makes the stored count stale.
    Document.objects.filter(identifier__startswith="doc-bulk-1").update(status="draft")
    for document in Document.objects.filter(identifier="doc-bulk-9"):
        document.status = "draft"
        document.save()
    published = Document.objects.filter(status=Status.PUBLISHED).count()
    assert published < 10_000
    assert search("treaty").total == published


def test_a_count_too_many_to_rank_is_kept_until_a_record_changes_beyond_its_texts(db, settings):
    """Past the rank limit a count is kept too (it is what a common word's
    search costs most): an edit of a description alone leaves it for up to
    a minute; a new record or a withdrawal is counted at once."""
    from django.test.utils import CaptureQueriesContext

    settings.SEARCH_RANK_LIMIT = 10
    bulk_documents(300)
    assert search("treaty").total == 300
    with CaptureQueriesContext(connection) as queries:
        assert search("treaty").total == 300
    counted = [q["sql"][:20] for q in queries if "COUNT(*)" in q["sql"]]
    assert counted and not [sql for sql in counted if "'document'" in sql]
    quiet = make_document(title="Quiet note", description="Nothing.")
    assert search("treaty").total == 300  # a new record: counted afresh, without the word
    quiet.description = "Now about the treaty."
    quiet.save()
    assert search("treaty").total == 300  # its text alone changed: the kept count stands
    make_document(title="Treaty text")
    assert search("treaty").total == 302


def test_the_list_of_matches_a_filter_is_intersected_with_is_sorted_not_found_by_walking(
    db, settings
):
    """A search beside a filter reads the bounded list of its matches (up to
    10,000, newest first past the rank limit). Under COUNT_CAP the matches
    themselves are sorted, so records that do not match cost nothing: walking
    the recency index for them read every newer entry (at 1,000,000 documents,
    a word in 1 % of them read most of the index)."""
    settings.SEARCH_RANK_LIMIT = 10
    bulk_documents(300)
    found, before = _work(lambda: matches("treaty", model=Document).pks())
    assert len(found) == 300
    more_documents("later", 5_000, "Nothing to do with the word searched.")
    rebuild(batch_size=1000)
    found, after = _work(lambda: matches("treaty", model=Document).pks())
    newest = Document.objects.filter(identifier__startswith="doc-bulk-")
    assert found == list(newest.order_by("-modified", "-pk").values_list("pk", flat=True))
    assert after <= before * 1.2 + 5, (before, after)
    # A page is still found by walking (a few entries for each of its rows).
    page = search("treaty")
    assert not page.ranked and records(page) == list(newest.order_by("-modified", "-pk")[:20])


def test_one_types_ranked_matches_are_scored_alike_whether_or_not_the_type_is_in_the_query(
    db, monkeypatch
):
    """On SQLite a ranked page of one type leaves the type out of the full-text
    query when the words match few entries of any type (bm25 would count every
    entry of the type); the order and the scores a reader gets are the same."""
    from catalogue.search_backends import sqlite

    in_title = make_document(title="Zanzibar", description="A note.")
    twice = make_document(title="Note", description="Zanzibar, and Zanzibar again.")
    once = make_document(
        title="Memorandum", description="Zanzibar once in a long text " + "about other things " * 20
    )
    for n in range(4):
        make_article(title=f"Zanzibar review {n}", body="Zanzibar.")
    pages = []
    for untyped_limit in (0, 2_000):  # the type named in the query, then left out
        monkeypatch.setattr(sqlite, "UNTYPED_SCORING_LIMIT", untyped_limit)
        results = search("Zanzibar", types=["document"])
        assert results.ranked and results.total == 3
        pages.append([(hit.record, round(hit.rank, 6)) for hit in results.hits])
    assert pages[0] == pages[1]
    assert [record for record, _ in pages[0]] == [in_title, twice, once]
    assert pages[0][0][1] >= 3 > pages[0][1][1] > pages[0][2][1]
