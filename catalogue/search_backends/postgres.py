"""PostgreSQL: a tsvector column on catalogue_searchentry with a GIN index,
written with each row from words already folded and stemmed in Python (the
same Porter stemmer as SQLite's FTS5), so the built-in 'simple'
configuration only splits and lower-cases them; ts_rank with field weights."""

from django.db import connection

from . import ENTRY, UPSERT_TAIL, Backend
from .query import AllOf, AnyOf, Phrase
from .text import indexed_text, lexeme

CONFIG = "simple"
# The GIN index over the vectors (migrations 0002 and 0017 create it).
MATCH_INDEX = "catalogue_searchentry_vector"
# ts_rank weights for D, C, B, A: body, (unused), names, title.
WEIGHTS = "{0.1, 0.2, 0.5, 1.0}"
# PostgreSQL refuses a tsvector over 1 MB; no catalogue text comes near this.
MAX_INDEXED_CHARS = 500_000
# Besides the words, each vector holds its record type as one lexeme that no
# reader's query can produce (words are letters and digits only), so that the
# GIN index answers "the matches of one type" from its own lists, as the
# type column of SQLite's FTS5 table does (see sqlite.py).
VECTOR = (
    f"setweight(to_tsvector('{CONFIG}', %s), 'A') || "
    f"setweight(to_tsvector('{CONFIG}', %s), 'B') || "
    f"setweight(to_tsvector('{CONFIG}', %s), 'D') || "
    "array_to_tsvector(ARRAY[%s])"
)


def type_lexeme(record_type):
    return f"#{record_type}"


def render(node, weights=""):
    """tsquery syntax for a node; words are stemmed here, as the vector's were."""
    if isinstance(node, Phrase):
        label = f":{weights}" if weights else ""
        return "(" + " <-> ".join(f"'{lexeme(stem)}'{label}" for stem in node.stems) + ")"
    joiner = " & " if isinstance(node, AllOf) else " | "
    assert isinstance(node, AllOf | AnyOf)
    return "(" + joiner.join(render(item, weights) for item in node.items) + ")"


def render_query(parsed, weights="", *, negatives=True):
    query = " & ".join(render(node, weights) for node in parsed.positive_nodes())
    if negatives and parsed.must_not and not weights:
        query += "".join(f" & !{render(node)}" for node in parsed.must_not)
    return query


class PostgresBackend(Backend):
    source = recent_source = f"{ENTRY} e"
    # On the page query, OFFSET 0 keeps PostgreSQL from turning "is this
    # record visible?" into a hash of every visible record's id, built by
    # reading the whole table on each search: the primary key is probed once
    # per matching row read instead, and a page reads few rows.
    fence = " OFFSET 0"

    def match_sql(self, parsed, record_type=None):
        query, params = f"to_tsquery('{CONFIG}', %s)", [render_query(parsed)]
        if record_type:
            # The type's lexeme, quoted for tsquery input: one of RECORD_TYPES.
            query = f"({query} && %s::tsquery)"
            params.append(f"'{type_lexeme(record_type)}'")
        return f"e.vector @@ {query}", params

    def tier_sql(self, parsed):
        in_weights = f"e.vector @@ to_tsquery('{CONFIG}', %s)"
        return (
            f"CASE WHEN {in_weights} THEN 3 WHEN {in_weights} THEN 2 ELSE 1 END",
            [render_query(parsed, "A"), render_query(parsed, "AB")],
        )

    def score_sql(self, parsed):
        # Normalisation 1 divides by the log of the length, as bm25 favours
        # short records over long ones with the same hits.
        return (
            f"ts_rank('{WEIGHTS}', e.vector, to_tsquery('{CONFIG}', %s), 1)",
            # Exclusions are left out: ts_rank scores a query with "!" as zero.
            [render_query(parsed, negatives=False)],
        )

    def explain_prefix(self):
        return "EXPLAIN "

    def upsert_sql(self, count):
        values = ", ".join([f"(%s, %s, %s, %s, %s, %s, {VECTOR})"] * count)
        return (
            f"INSERT INTO {ENTRY} "  # noqa: S608 (constants only)
            "(record_type, record_id, title, names, body, modified, vector) "
            f"VALUES {values}" + UPSERT_TAIL.format(extra=", vector = excluded.vector")
        )

    def upsert_params(self, row):
        return [
            row.record_type,
            row.record_id,
            row.title,
            row.names,
            row.body,
            row.modified,
            indexed_text(row.title),
            indexed_text(row.names),
            indexed_text(row.body[:MAX_INDEXED_CHARS]),
            type_lexeme(row.record_type),
        ]

    def before_bulk_build(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {MATCH_INDEX}")

    def after_rebuild(self, *, bulk=False):
        in_transaction = connection.in_atomic_block
        with connection.cursor() as cursor:
            # Built once over every vector after a bulk build: about 10 s at
            # 116,500 entries, where keeping it current row by row tripled the
            # build. Asked for after every rebuild (IF NOT EXISTS), so that one
            # killed between the drop and here, whose entries are then no
            # longer empty, still gets it back. Inside a transaction, foreign-
            # key checks deferred to its commit stop CREATE INDEX: made now.
            if in_transaction:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {MATCH_INDEX} ON {ENTRY} "
                "USING gin (vector) WITH (fastupdate = off)"
            )
            if in_transaction:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            # Fresh statistics after a bulk load, so that the planner knows rare
            # words from common ones, how many records each type has and how
            # many links each record has. Every catalogue table: without
            # statistics on the parties, PostgreSQL read all 300,000 of them
            # (a sequential scan) to list the parties of a page of 25 documents.
            # Autovacuum would get there in time, where it is on.
            # VACUUM too, outside a transaction (it cannot run in one): it marks
            # the pages whose rows every transaction sees, and only then can
            # PostgreSQL answer from an index alone. Before it, the home page's
            # capped counts read the table row by row (its SQL 18 -> 6 ms at
            # 100,000 documents).
            command = "ANALYZE" if in_transaction else "VACUUM (ANALYZE)"
            tables = connection.introspection.table_names(cursor)
            for table in sorted(t for t in tables if t.startswith("catalogue_")):
                cursor.execute(f"{command} {connection.ops.quote_name(table)}")
