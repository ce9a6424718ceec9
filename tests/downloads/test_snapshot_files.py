"""A snapshot's files read back give exactly the published records, and nothing else."""

import csv
import hashlib
import json
import sqlite3

from frictionless import Package, validate

from catalogue.downloads.snapshot import snapshot_build
from catalogue.downloads.tables import TABLES
from catalogue.models import Citation, Document, DocumentAgent, Mention, Person

from .conftest import DRAFT_WORDS


def _csv(snapshot, table):
    with open(snapshot.path / f"{table}.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _jsonl(snapshot, table):
    lines = (snapshot.path / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_csv_and_json_lines_hold_exactly_the_published_records(snapshot):
    published = set(Document.objects.published().values_list("identifier", flat=True))
    assert published == {"doc-declaration", "doc-protocol"}
    for rows in (_csv(snapshot, "documents"), _jsonl(snapshot, "documents")):
        assert {row["identifier"] for row in rows} == published
    people = {row["identifier"] for row in _jsonl(snapshot, "people")}
    assert people == set(Person.objects.published().values_list("identifier", flat=True))


def test_links_are_kept_only_when_every_end_is_published(snapshot):
    parties = _csv(snapshot, "parties")
    assert len(parties) == DocumentAgent.objects.published().count() == 2
    assert {row["person"] or row["organisation"] for row in parties} == {
        "person-hatoyama",
        "org-ussr",
    }
    assert [(r["source"], r["target"]) for r in _csv(snapshot, "relations")] == [
        ("doc-declaration", "doc-protocol")
    ]
    citations = _jsonl(snapshot, "citations")
    assert len(citations) == Citation.objects.published().count() == 1
    assert citations[0]["cited_document"] == "doc-declaration"
    assert len(_jsonl(snapshot, "mentions")) == Mention.objects.published().count() == 2
    assert _csv(snapshot, "article_authors") == [
        {"article": "article-on", "person": "person-hatoyama"}
    ]
    # A published document's link to a draft place is written empty.
    protocol = next(r for r in _jsonl(snapshot, "documents") if r["identifier"] == "doc-protocol")
    assert protocol["place"] is None


def test_lists_are_json_in_a_cell_and_formulas_are_defused(snapshot):
    row = next(r for r in _csv(snapshot, "documents") if r["identifier"] == "doc-declaration")
    assert json.loads(row["other_titles"]) == ["Moscow Declaration", '=HYPERLINK("x")']
    assert row["place"] == "place-moscow"
    assert row["date_earliest"] == "1956-10-19"
    record = next(r for r in _jsonl(snapshot, "documents") if r["identifier"] == "doc-declaration")
    assert record["other_titles"] == ["Moscow Declaration", '=HYPERLINK("x")']
    assert record["version"] == 1


def test_a_formula_in_a_text_cell_starts_with_an_apostrophe(snapshot, catalogue):
    Document.objects.filter(identifier="doc-protocol").update(description="=1+1")
    rows = _csv(snapshot_build(), "documents")
    assert next(r for r in rows if r["identifier"] == "doc-protocol")["description"] == "'=1+1"


def test_the_sqlite_file_has_every_table_and_a_full_text_index(snapshot):
    connection = sqlite3.connect(snapshot.path / "catalogue.sqlite")
    try:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert {table.name for table in TABLES} <= names
        identifiers = {row[0] for row in connection.execute("SELECT identifier FROM documents")}
        assert identifiers == {"doc-declaration", "doc-protocol"}
        hits = connection.execute(
            "SELECT documents.identifier FROM documents_fts "
            "JOIN documents ON documents.rowid = documents_fts.rowid "
            "WHERE documents_fts MATCH 'war'"
        ).fetchall()
        assert hits == [("doc-declaration",)]
        place = connection.execute("SELECT rowid FROM places_fts WHERE places_fts MATCH 'moskva'")
        assert len(place.fetchall()) == 1
    finally:
        connection.close()


def test_the_data_package_is_valid_and_reads_back_the_same_rows(snapshot):
    report = validate(snapshot.path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    package = Package(snapshot.path / "datapackage.json")
    documents = package.get_resource("documents").read_rows()
    assert {row["identifier"] for row in documents} == {"doc-declaration", "doc-protocol"}
    fields = package.get_resource("documents").schema.get_field("date_earliest")
    assert fields.type == "date" and fields.description


def test_the_manifest_gives_each_files_size_checksum_and_record_count(snapshot):
    manifest = snapshot.manifest
    assert manifest["snapshot"] == snapshot.name
    assert manifest["tables"]["documents"] == 2
    assert manifest["catalogue_version"] and manifest["created"]
    listed = {entry["name"]: entry for entry in manifest["files"]}
    on_disk = {path.name for path in snapshot.path.iterdir()} - {"manifest.json"}
    assert set(listed) == on_disk
    for name, entry in listed.items():
        data = (snapshot.path / name).read_bytes()
        assert entry["bytes"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert listed["documents.csv"]["records"] == 2
    assert listed["mentions.jsonl"]["records"] == 2


def test_no_file_of_a_snapshot_holds_a_draft_title_or_identifier(snapshot):
    files = list(snapshot.path.iterdir())
    # CSV and JSON Lines per table, the SQLite file, datapackage, README, manifest.
    assert len(files) == 2 * len(TABLES) + 4
    for path in files:
        data = path.read_bytes()
        for words in DRAFT_WORDS:
            assert words.encode() not in data, f"{words!r} found in {path.name}"
