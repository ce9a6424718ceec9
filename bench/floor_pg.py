"""The PostgreSQL floor for bench/requests.py: bench/floor.py's paths and JSON,
read with psycopg instead of sqlite3 (the list and detail queries are the same
SQL; see floor.py).

Search is the project's full-text SQL written out
(catalogue/search_backends/postgres.py): the 'simple' tsquery of the term's
stems, and-ed with the lexeme of the record type, against the entries' GIN
indexed vector, ranked by ts_rank with the project's field weights. The words
are stemmed as the project stems them, by its own pure functions (`stems` and
`lexeme`, catalogue/search_backends/text.py). The package that holds them reads
the models on import, so Django is set up once, when the worker starts: no
request goes through it.

    gunicorn bench.floor_pg:application
        (FLOOR_DATABASE_URL=postgres://..., and the project's settings in the environment)
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")

import django  # noqa: E402

django.setup()

from bench.floor import FIELDS, Floor  # noqa: E402
from bench.sql import Database  # noqa: E402
from catalogue.search_backends.text import lexeme, stems  # noqa: E402

# ts_rank's weights for D, C, B, A (body, unused, names, title) and normalisation 1,
# as PostgresBackend.score_sql; the type's lexeme is PostgresBackend.match_sql's.
SEARCH = f"""
SELECT {FIELDS} FROM catalogue_searchentry e
JOIN catalogue_document d ON d.id = e.record_id
LEFT JOIN catalogue_place p ON p.id = d.place_id
WHERE e.vector @@ (to_tsquery('simple', ?) && ?::tsquery)
  AND e.record_type = 'document' AND d.status = 'published'
ORDER BY ts_rank('{{0.1, 0.2, 0.5, 1.0}}', e.vector, to_tsquery('simple', ?), 1) DESC
LIMIT ?
"""  # noqa: S608
DOCUMENT_LEXEME = "'#document'"


class PostgresFloor(Floor):
    def connect(self):
        return Database.postgres(os.environ["FLOOR_DATABASE_URL"])

    def search_rows(self, words, limit):
        # Lexemes are letters and digits only (text.lexeme), so quoting is enough.
        query = " & ".join(f"'{lexeme(word_stem)}'" for word_stem in stems(words))
        return self.db.rows(SEARCH, [query, DOCUMENT_LEXEME, query, limit])


application = PostgresFloor()
