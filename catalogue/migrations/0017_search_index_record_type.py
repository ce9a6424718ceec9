# The full-text index learns each entry's record type, so that the matches of
# one type are found from the index's own lists: on SQLite a fourth column of
# the FTS5 table, on PostgreSQL one lexeme ("#document") in each vector that
# no reader's words can produce (catalogue/search_backends/).

from django.db import migrations

FTS = "catalogue_searchentry_fts"


def _table(columns):
    return [
        f"""
        CREATE VIRTUAL TABLE {FTS} USING fts5(
            {", ".join(columns)},
            content='catalogue_searchentry', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )
        """,
        f"""
        CREATE TRIGGER {FTS}_insert AFTER INSERT ON catalogue_searchentry BEGIN
            INSERT INTO {FTS}(rowid, {", ".join(columns)})
            VALUES (new.id, {", ".join("new." + c for c in columns)});
        END
        """,
        f"""
        CREATE TRIGGER {FTS}_delete AFTER DELETE ON catalogue_searchentry BEGIN
            INSERT INTO {FTS}({FTS}, rowid, {", ".join(columns)})
            VALUES ('delete', old.id, {", ".join("old." + c for c in columns)});
        END
        """,
        f"""
        CREATE TRIGGER {FTS}_update AFTER UPDATE ON catalogue_searchentry BEGIN
            INSERT INTO {FTS}({FTS}, rowid, {", ".join(columns)})
            VALUES ('delete', old.id, {", ".join("old." + c for c in columns)});
            INSERT INTO {FTS}(rowid, {", ".join(columns)})
            VALUES (new.id, {", ".join("new." + c for c in columns)});
        END
        """,
        # The entries are all there: index them again from the table (seconds
        # at 100,000 documents), and merge the segments.
        f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
        f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')",
    ]


DROP = [
    f"DROP TRIGGER IF EXISTS {FTS}_update",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TABLE IF EXISTS {FTS}",
]


# Every vector is rewritten: the GIN index is dropped first and built again
# after, which is much faster than updating it row by row.
GIN = [
    "CREATE INDEX catalogue_searchentry_vector ON catalogue_searchentry "
    "USING gin (vector) WITH (fastupdate = off)",
    "ANALYZE catalogue_searchentry",
]
POSTGRES_FORWARDS = [
    "DROP INDEX IF EXISTS catalogue_searchentry_vector",
    "UPDATE catalogue_searchentry "
    "SET vector = vector || array_to_tsvector(ARRAY['#' || record_type])",
    *GIN,
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS catalogue_searchentry_vector",
    "UPDATE catalogue_searchentry SET vector = ts_delete(vector, '#' || record_type)",
    *GIN,
]


def _run(statements, vendor="sqlite"):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != vendor:
            return
        with schema_editor.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0016_overlap_in_date_indexes"),
    ]

    operations = [
        migrations.RunPython(
            _run(DROP + _table(["title", "names", "body", "record_type"])),
            _run(DROP + _table(["title", "names", "body"])),
        ),
        migrations.RunPython(
            _run(POSTGRES_FORWARDS, "postgresql"), _run(POSTGRES_BACKWARDS, "postgresql")
        ),
    ]
