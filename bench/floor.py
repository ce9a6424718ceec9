"""The floor server for bench/requests.py: the API's JSON for a list page, a
deep page, one document and a search, from plain SQL and json.dumps in a bare
WSGI app (no Django, no framework). What a request costs above this is the
cost of the framework and of our own code; what it costs below Datasette is
the measure the issue's budgets use.

This module is the SQLite floor (sqlite3) and what it shares with the
PostgreSQL one, bench/floor_pg.py (psycopg): the queries both databases read
alike and the shaping of the JSON. Only the connection and the search differ.

    gunicorn bench.floor:application   (FLOOR_SQLITE_PATH=/path/to/catalogue.sqlite3)

Paths: /list?limit=50[&after=date,title,id]  /detail/<identifier>  /search?q=word
"""

import datetime
import json
import os
import threading
from urllib.parse import parse_qs

from bench.sql import PARTIES, Database

FIELDS = """d.id, d.identifier, d.slug, d.status, d.version, d.title, d.other_titles, d.kind,
       d.date_written, d.date_edtf, d.date_earliest, d.date_latest, d.languages,
       d.description, d.created, d.modified, p.identifier, p.name"""
SOURCE = "catalogue_document d LEFT JOIN catalogue_place p ON p.id = d.place_id"
ORDER = "ORDER BY d.date_earliest ASC NULLS LAST, d.title ASC, d.id ASC"
# The dated rows after (date, title, id), as the API's keyset reads a page that
# starts among them: the leading bound lets SQLite seek (catalogue/selectors/keyset.py).
AFTER = """AND d.date_earliest >= ? AND (d.date_earliest > ?
     OR (d.date_earliest = ? AND (d.title > ? OR (d.title = ? AND d.id > ?))))"""
COUNT = (
    "SELECT COUNT(*) FROM (SELECT 1 FROM catalogue_document "
    "WHERE status = 'published' LIMIT 10001) AS capped"
)
LIST = f"SELECT {FIELDS} FROM {SOURCE} WHERE d.status = 'published' {{after}} {ORDER} LIMIT ?"  # noqa: S608
DETAIL = f"SELECT {FIELDS} FROM {SOURCE} WHERE d.identifier = ? AND d.status = 'published'"  # noqa: S608
# The best 50 matches by bm25 with the project's column weights.
SEARCH = f"""
SELECT {FIELDS} FROM catalogue_searchentry_fts f
CROSS JOIN catalogue_searchentry e ON e.id = f.rowid
JOIN catalogue_document d ON d.id = e.record_id
LEFT JOIN catalogue_place p ON p.id = d.place_id
WHERE catalogue_searchentry_fts MATCH ? AND e.record_type = 'document'
  AND d.status = 'published'
ORDER BY bm25(catalogue_searchentry_fts, 10.0, 5.0, 1.0) LIMIT ?
"""  # noqa: S608


def _iso(value):
    """A date or time as ISO 8601: psycopg reads objects, sqlite3 the stored text."""
    return value.isoformat() if isinstance(value, datetime.date) else value


def _list(value):
    """A JSON list: sqlite3 reads the stored text, psycopg the list itself (jsonb)."""
    return json.loads(value) if isinstance(value, str) else value


def _record(row, parties):
    def link(plural, identifier, name):
        return identifier and {"identifier": identifier, "name": name, "url": f"/api/{plural}/"}

    return {
        "url": f"/api/documents/{row[1]}/",
        "identifier": row[1],
        "slug": row[2],
        "status": row[3],
        "version": row[4],
        "title": row[5],
        "other_titles": _list(row[6]),
        "kind": row[7],
        "date_written": row[8],
        "date_edtf": row[9],
        "date_earliest": _iso(row[10]),
        "date_latest": _iso(row[11]),
        "languages": _list(row[12]),
        "description": row[13],
        "created": _iso(row[14]),
        "modified": _iso(row[15]),
        "place": link("places", row[16], row[17]),
        "parties": [
            {"role": role, "person": link("people", pi, pn), "organisation": link("orgs", oi, on)}
            for role, _note, pi, pn, oi, on in parties.get(row[0], [])
        ],
    }


class Floor:
    """The floor as a WSGI application, on one connection per thread
    (bench/sql.py's Database). Subclasses say how to connect and how to search."""

    def __init__(self):
        self._local = threading.local()

    def connect(self):
        raise NotImplementedError

    def search_rows(self, words, limit):
        """Up to `limit` rows of FIELDS: the best published documents for `words`."""
        raise NotImplementedError

    @property
    def db(self):
        if not hasattr(self._local, "db"):
            self._local.db = self.connect()
        return self._local.db

    def with_parties(self, rows):
        parties = {}
        if rows:
            ids = ",".join(str(int(r[0])) for r in rows)
            for doc, *rest in self.db.rows(PARTIES.format(ids=ids)):
                parties.setdefault(doc, []).append(rest)
        return [_record(row, parties) for row in rows]

    def list_page(self, params):
        limit = min(max(int(params.get("limit", ["50"])[0]), 1), 100)
        after, args = "", []
        if "after" in params:
            date, title, pk = params["after"][0].split(",", 2)
            after, args = AFTER, [date, date, date, title, title, int(pk)]
        count = self.db.row(COUNT)[0]
        rows = self.db.rows(LIST.format(after=after), [*args, limit + 1])
        return {"count": min(count, 10_000), "results": self.with_parties(rows[:limit])}

    def detail(self, identifier):
        rows = self.db.rows(DETAIL, [identifier])
        return self.with_parties(rows)[0] if rows else None

    def search(self, params):
        rows = self.search_rows(params.get("q", [""])[0], 51)
        return {"results": self.with_parties(rows[:50])}

    def __call__(self, environ, start_response):
        path, params = environ["PATH_INFO"], parse_qs(environ.get("QUERY_STRING", ""))
        if path == "/list":
            data = self.list_page(params)
        elif path == "/search":
            data = self.search(params)
        elif path.startswith("/detail/"):
            data = self.detail(path.removeprefix("/detail/"))
        else:
            data = None
        status = "200 OK" if data is not None else "404 Not Found"
        body = json.dumps(data, separators=(",", ":")).encode()
        start_response(
            status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        )
        return [body]


class SQLiteFloor(Floor):
    def connect(self):
        return Database.sqlite(os.environ["FLOOR_SQLITE_PATH"])

    def search_rows(self, words, limit):
        # Each word quoted for FTS5, so that none is read as an operator.
        quoted = " AND ".join('"' + w.replace('"', "") + '"' for w in words.split())
        return self.db.rows(SEARCH, [quoted, limit])


application = SQLiteFloor()
