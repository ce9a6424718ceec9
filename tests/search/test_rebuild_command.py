from io import StringIO

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from catalogue.models import Document, DocumentExcerpt, Organisation, SearchEntry, Status
from catalogue.search import search
from tests.factories import make_document, make_organisation
from tests.search.conftest import records

pytestmark = pytest.mark.django_db


def test_rebuild_indexes_records_that_bypassed_save_and_drops_stale_entries(db):
    Document.objects.bulk_create(
        [
            Document(identifier=f"doc-kuril-{n}", slug=f"kuril-{n}", title=f"Kuril note {n}")
            for n in range(3)
        ]
    )
    Document.objects.update(status=Status.PUBLISHED)
    ghost = SearchEntry.objects.create(
        record_type="document", record_id=987_654, title="Kuril ghost", modified=timezone.now()
    )
    assert search("Kuril").total == 0

    out = StringIO()
    call_command("rebuild_search_index", stdout=out)

    assert search("Kuril").total == 3
    assert not SearchEntry.objects.filter(pk=ghost.pk).exists()
    output = out.getvalue()
    assert "document      [##############################]       3/3" in output
    assert "Indexed 3 records (3 document, 0 article, 0 person" in output
    assert "removed 1 stale entries" in output


def test_rebuild_twice_leaves_one_entry_per_record(corpus):
    call_command("rebuild_search_index", stdout=StringIO())
    call_command("rebuild_search_index", stdout=StringIO())
    assert SearchEntry.objects.count() == 10
    assert records(search("Habomai"))[0] == corpus.habomai


def test_records_loaded_from_a_fixture_are_searchable_without_a_rebuild(tmp_path):
    union = make_organisation(name="Soviet Union", variants=["USSR", "U.S.S.R."])
    document = make_document(title="Joint Declaration")
    excerpt = DocumentExcerpt.objects.create(document=document, text="the Habomai and Shikotan")
    # The excerpt comes first: loaddata may meet a child before its parent.
    data = serializers.serialize("json", [excerpt, document, union], indent=1)
    DocumentExcerpt.objects.all().delete()
    Document.objects.all().delete()
    Organisation.objects.all().delete()
    assert search("Habomai").total == search("U.S.S.R.").total == 0

    fixture = tmp_path / "catalogue.json"
    fixture.write_text(data)
    call_command("loaddata", str(fixture), verbosity=0)

    assert [h.record.identifier for h in search("Habomai").hits] == [document.identifier]
    assert [h.record.identifier for h in search("U.S.S.R.").hits] == [union.identifier]


def test_control_characters_are_blanked_in_the_index_and_the_rest_is_kept():
    clean = make_document(title="Kuril note", transcription="Habomai\nand\tShikotan, Cafe\u0301")
    dirty = make_document(title="Kuril\x01memo", transcription="Etorofu\x07and\u200bKunashiri")
    call_command("rebuild_search_index", stdout=StringIO())

    entries = {e.record_id: e for e in SearchEntry.objects.filter(record_type="document")}
    # Line breaks, tabs and letters stay as written (accents composed);
    # A start-of-heading, a bell and a zero-width space become spaces, so the words around
    # them are separate words a reader can find.
    assert entries[clean.pk].body == "Habomai\nand\tShikotan, Caf\u00e9"
    assert entries[dirty.pk].title == "Kuril memo"
    assert entries[dirty.pk].body == "Etorofu and Kunashiri"
    assert records(search("memo Kunashiri")) == [dirty]


def _match_index_exists():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT 1 FROM pg_indexes WHERE indexname = 'catalogue_searchentry_vector'"
            )
        else:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'catalogue_searchentry_fts'")
        return cursor.fetchone() is not None


def test_a_build_into_an_empty_index_leaves_the_match_index_in_place_even_when_it_fails(
    monkeypatch,
):
    """Into an empty index PostgreSQL builds its GIN index once at the end
    instead of row by row; a build that fails half-way still leaves it."""
    from catalogue.search_backends import indexing

    make_document(title="Kuril note")
    SearchEntry.objects.all().delete()

    def broken(records):
        raise RuntimeError("disk full")

    monkeypatch.setattr(indexing, "index_records", broken)
    with pytest.raises(RuntimeError):
        indexing.rebuild()
    assert _match_index_exists()
    monkeypatch.undo()
    indexing.rebuild()
    assert _match_index_exists()
    assert search("Kuril").total == 1


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_outside_a_transaction_leaves_postgresql_able_to_answer_from_indexes():
    """After a bulk load the rebuild vacuums and analyses every catalogue table
    on PostgreSQL: without the visibility map a vacuum writes, every count
    read the table row by row (the home page's capped counts, 18 ms of SQL at
    100,000 documents, 6 after)."""
    make_document(title="Kuril note")
    call_command("rebuild_search_index", stdout=StringIO())
    assert search("Kuril").total == 1
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname FROM pg_stat_user_tables WHERE relname LIKE 'catalogue_%%' "
                "AND last_vacuum IS NULL"
            )
            assert cursor.fetchall() == []
