"""SQL the reference servers share (bench/reference.py, bench/floor.py,
bench/floor_pg.py), and the DB-API connection that bench/requests.py and the
floors read either database through."""

import sqlite3

# The parties of a page of documents, linked records limited to published ones.
PARTIES = """
SELECT a.document_id, a.role, a.note, pe.identifier, pe.name, o.identifier, o.name
FROM catalogue_documentagent a
LEFT JOIN catalogue_person pe ON pe.id = a.person_id
LEFT JOIN catalogue_organisation o ON o.id = a.organisation_id
WHERE a.document_id IN ({ids})
  AND (pe.id IS NULL OR pe.status = 'published') AND (o.id IS NULL OR o.status = 'published')
ORDER BY a."order", a.id
"""


class Database:
    """A DB-API connection to SQLite (sqlite3) or PostgreSQL (psycopg).

    SQL is written once, with sqlite3's `?` for each parameter; psycopg is
    given its `%s` in their place. So no SQL given here may hold a `?` or a
    `%` of its own.
    """

    def __init__(self, connection, marker="?"):
        self.connection = connection
        self.marker = marker

    @classmethod
    def sqlite(cls, path):
        return cls(sqlite3.connect(path, check_same_thread=False))

    @classmethod
    def postgres(cls, url):
        import psycopg  # only a PostgreSQL run needs it

        # Autocommit: a reader that never writes holds no transaction open.
        return cls(psycopg.connect(url, autocommit=True), "%s")

    def rows(self, sql, params=()):
        if self.marker != "?":
            sql = sql.replace("?", self.marker)
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, params)
            return cursor.fetchall()
        finally:
            cursor.close()

    def row(self, sql, params=()):
        """The first row, or None."""
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def close(self):
        self.connection.close()
