"""SQLite: an FTS5 table over catalogue_searchentry (porter stemming,
unicode61 with accents removed), kept current by triggers; bm25 ranking
with column weights."""

from django.db import connection

from . import ENTRY, UPSERT_TAIL, Backend
from .query import AllOf, AnyOf, Phrase

FTS = "catalogue_searchentry_fts"
# bm25 column weights: title, names (other titles, variants), body.
WEIGHTS = "10.0, 5.0, 1.0"


def render(node):
    """FTS5 query syntax for a node. Words are letters and digits only, so
    quoting them as strings is all the escaping FTS5 needs."""
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"'
    joiner = " AND " if isinstance(node, AllOf) else " OR "
    assert isinstance(node, AllOf | AnyOf)
    return "(" + joiner.join(render(item) for item in node.items) + ")"


def render_query(parsed, columns=None):
    positive = " AND ".join(render(node) for node in parsed.positive_nodes())
    if columns:
        # Tiers look at the positive terms only: "are they all in the title?"
        return "{" + " ".join(columns) + "} : (" + positive + ")"
    if parsed.must_not:
        negative = " OR ".join(render(node) for node in parsed.must_not)
        return f"({positive}) NOT ({negative})"
    return positive


class SQLiteBackend(Backend):
    # CROSS JOIN fixes the order: the match drives, entries are looked up by
    # rowid. Left to itself SQLite may walk every entry of a type instead.
    source = f"{FTS} CROSS JOIN {ENTRY} e ON e.id = {FTS}.rowid"

    # Named, or SQLite would rather use the record_type index and sort every match.
    recent_source = f"{ENTRY} e INDEXED BY searchentry_recent"

    def match_sql(self, parsed):
        return f"{FTS} MATCH %s", [render_query(parsed)]

    def recent_match_sql(self, parsed):
        # The matching rowids are listed once (FTS5 reads a common word's whole
        # list in a few milliseconds) and each entry on the recency index is
        # looked up in that list. A correlated "MATCH ... AND rowid = e.id" ran
        # the full-text query again for every entry read: about 0.3 ms each, a
        # third of a second for 10,000 matches (bench/requests.py, issue 14).
        return (
            f"e.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)",  # noqa: S608
            [render_query(parsed)],
        )

    def tier_sql(self, parsed):
        in_columns = f"e.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"  # noqa: S608
        return (
            f"CASE WHEN {in_columns} THEN 3 WHEN {in_columns} THEN 2 ELSE 1 END",
            [render_query(parsed, ["title"]), render_query(parsed, ["title", "names"])],
        )

    def score_sql(self, parsed):
        # bm25 is lower for better matches; negated so that higher is better.
        return f"-bm25({FTS}, {WEIGHTS})", []

    def explain_prefix(self):
        return "EXPLAIN QUERY PLAN "

    def upsert_sql(self, count):
        values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * count)
        return (
            f"INSERT INTO {ENTRY} "  # noqa: S608 (constants only)
            "(record_type, record_id, title, names, body, modified) "
            f"VALUES {values}" + UPSERT_TAIL.format(extra="")
        )

    def upsert_params(self, row):
        modified = connection.ops.adapt_datetimefield_value(row.modified)
        return [row.record_type, row.record_id, row.title, row.names, row.body, modified]

    def after_rebuild(self):
        with connection.cursor() as cursor:
            # Merge the index's segments after a bulk load: fewer to read per query.
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")  # noqa: S608
