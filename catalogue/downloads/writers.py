"""One table written three ways in one pass over its rows: CSV, JSON Lines and
a table of the SQLite file. Rows stream from the database to the files, so
memory stays flat whatever the catalogue's size."""

import csv
import datetime
import json

from catalogue.exports.csv import escape_formula

SQLITE_TYPES = {"integer": "INTEGER", "boolean": "INTEGER"}
SQLITE_BATCH = 1000
PROGRESS_EVERY = 1000


def json_value(value):
    """The JSON Lines (and SQLite) form: dates as ISO 8601 text, UTC datetimes with Z."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_value(value):
    value = json_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return escape_formula(value)


def sqlite_value(value):
    value = json_value(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def sqlite_create(connection, table):
    columns = []
    for column in table.columns:
        kind = SQLITE_TYPES.get(column.type, "TEXT")
        key = " PRIMARY KEY" if column.name == table.key else ""
        columns.append(f'"{column.name}" {kind}{key}')
    connection.execute(f'CREATE TABLE "{table.name}" ({", ".join(columns)})')


def sqlite_index(connection, table):
    """A full-text index Datasette and any SQLite tool find: <table>_fts over the table."""
    if not table.fts:
        return
    columns = ", ".join(f'"{name}"' for name in table.fts)
    # Table and column names come from TABLES (code), never from data.
    connection.execute(
        f'CREATE VIRTUAL TABLE "{table.name}_fts" USING fts5({columns}, '
        f"content=\"{table.name}\", content_rowid=rowid, tokenize='porter unicode61')"
    )
    fts = f'"{table.name}_fts"'
    connection.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # noqa: S608


def write_table(table, *, folder, connection, progress=None):
    """Write `table` as <name>.csv, <name>.jsonl and into `connection`; returns its row count."""
    names = [column.name for column in table.columns]
    total = table.count() if progress else None
    placeholders = ", ".join("?" for _ in names)
    insert = f'INSERT INTO "{table.name}" VALUES ({placeholders})'  # noqa: S608
    sqlite_create(connection, table)
    count, batch = 0, []
    with (
        open(folder / f"{table.name}.csv", "w", encoding="utf-8", newline="") as csv_file,
        open(folder / f"{table.name}.jsonl", "w", encoding="utf-8") as jsonl_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(names)
        if progress:
            progress(table.title, 0, total)
        for row in table.rows():
            writer.writerow([csv_value(v) for v in row])
            record = {name: json_value(v) for name, v in zip(names, row, strict=True)}
            jsonl_file.write(json.dumps(record, ensure_ascii=False) + "\n")
            batch.append([sqlite_value(v) for v in row])
            count += 1
            if len(batch) >= SQLITE_BATCH:
                connection.executemany(insert, batch)
                batch = []
            if progress and count % PROGRESS_EVERY == 0:
                progress(table.title, count, total)
        if batch:
            connection.executemany(insert, batch)
    sqlite_index(connection, table)
    if progress:
        progress(table.title, count, max(total or 0, count))
    return count
