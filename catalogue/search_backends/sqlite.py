"""SQLite: an FTS5 table over catalogue_searchentry (porter stemming,
unicode61 with accents removed), kept current by triggers; bm25 ranking
with column weights.

Besides the three text columns the index holds each entry's record type as a
fourth column, so "the matches of one type" is a question the index answers
from its own lists: counting the articles that a word in 60,000 documents
matches reads no document (it read all 60,000 when the type was checked on
each entry: about 22 ms a type, 140 ms for the search page's seven counts at
100,000 documents). Readers' words are matched in the text columns only."""

from django.db import connection

from . import ENTRY, UPSERT_TAIL, Backend
from .query import AllOf, AnyOf, Phrase

FTS = "catalogue_searchentry_fts"
# bm25 column weights: title, names (other titles, variants), body, record type.
WEIGHTS = "10.0, 5.0, 1.0, 0.0"
TEXT_COLUMNS = "{title names body}"
# A ranked page of one type scores its matches without naming the type when
# the words match at most this many entries of all types (see ranked_match_sql).
UNTYPED_SCORING_LIMIT = 2_000


def render(node):
    """FTS5 query syntax for a node. Words are letters and digits only, so
    quoting them as strings is all the escaping FTS5 needs."""
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"'
    joiner = " AND " if isinstance(node, AllOf) else " OR "
    assert isinstance(node, AllOf | AnyOf)
    return "(" + joiner.join(render(item) for item in node.items) + ")"


def render_query(parsed, columns=None, record_type=None):
    positive = " AND ".join(render(node) for node in parsed.positive_nodes())
    if columns:
        # Tiers look at the positive terms only: "are they all in the title?"
        return "{" + " ".join(columns) + "} : (" + positive + ")"
    if parsed.must_not:
        negative = " OR ".join(render(node) for node in parsed.must_not)
        positive = f"({positive}) NOT ({negative})"
    query = f"{TEXT_COLUMNS} : ({positive})"
    if record_type:
        # One of RECORD_TYPES, never a reader's text.
        query += f' AND record_type : "{record_type}"'
    return query


class SQLiteBackend(Backend):
    # CROSS JOIN fixes the order: the match drives, entries are looked up by
    # rowid. Left to itself SQLite may walk every entry of a type instead.
    source = f"{FTS} CROSS JOIN {ENTRY} e ON e.id = {FTS}.rowid"

    # Named, or SQLite would rather use the record_type index and sort every match.
    recent_source = f"{ENTRY} e INDEXED BY searchentry_recent"

    def match_sql(self, parsed, record_type=None):
        return f"{FTS} MATCH %s", [render_query(parsed, record_type=record_type)]

    def ranked_match_sql(self, parsed, record_type=None):
        # bm25 weighs each phrase of a query by how many entries hold it, and
        # counts them on every query: with the type as a phrase it counted
        # every entry of the type (1.6 ms at 100,000 documents and ten times
        # that at 1,000,000, for a word in three). When the words alone match
        # few entries, the query leaves the type out (the visibility condition
        # checks each entry's type anyway); else a word common in other types
        # would have all its matches scored. One statement: SQLite works out
        # the MATCH argument once, before FTS5 reads anything.
        if not record_type:
            return self.match_sql(parsed)
        untyped, typed = render_query(parsed), render_query(parsed, record_type=record_type)
        few = f"(SELECT COUNT(*) FROM (SELECT 1 FROM {FTS} WHERE {FTS} MATCH %s LIMIT %s))"  # noqa: S608
        return (
            f"{FTS} MATCH (CASE WHEN {few} <= %s THEN %s ELSE %s END)",
            [untyped, UNTYPED_SCORING_LIMIT + 1, UNTYPED_SCORING_LIMIT, untyped, typed],
        )

    def recent_match_sql(self, parsed, record_type=None):
        # The matching rowids are listed once (FTS5 reads a common word's whole
        # list in a few milliseconds) and each entry on the recency index is
        # looked up in that list. A correlated "MATCH ... AND rowid = e.id" ran
        # the full-text query again for every entry read: about 0.3 ms each, a
        # third of a second for 10,000 matches (bench/requests.py, issue 14).
        return (
            f"e.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)",  # noqa: S608
            [render_query(parsed, record_type=record_type)],
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

    def after_rebuild(self, *, bulk=False):
        with connection.cursor() as cursor:
            # Merge the index's segments after a bulk load: fewer to read per query.
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")  # noqa: S608
