"""One full-text backend per database; `catalogue.search` picks the one in use.

Each backend renders a parsed query (see query.py) into its database's
syntax and supplies the pieces of SQL that differ: where the matches come
from, the match condition, the field tier and the relevance score. The
queries themselves are assembled here, once, so that both databases count,
rank, bound and page in exactly the same way.

SQL text is put together from constants only (hence the S608 waivers);
everything a reader typed travels as a query parameter.
"""

from django.apps import apps
from django.db import connection
from django.db.models.expressions import RawSQL

from catalogue.models.search import RECORD_TYPES

COUNT_CAP = 10_000
ENTRY = "catalogue_searchentry"


def model_for(record_type):
    return apps.get_model("catalogue", record_type)


def get_backend():
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SQLiteBackend

    return SQLiteBackend()


def visibility_sql(record_type, user, fence=""):
    """`e` rows of one type whose record `user` may see, by the record's own
    visible_to(): the status filter is never restated here.

    A correlated EXISTS, not IN (list of ids): the database probes the
    record's primary key once per matching row, so a rare word costs a few
    probes however large the catalogue, instead of listing every id.
    """
    queryset = (
        model_for(record_type)
        .objects.visible_to(user)
        .order_by()
        .filter(pk=RawSQL("e.record_id", ()))
        .values("pk")
    )
    sql, params = queryset.query.sql_with_params()
    return f"(e.record_type = %s AND EXISTS ({sql}{fence}))", [record_type, *params]


def any_visible_sql(types, user, fence=""):
    parts, params = [], []
    for record_type in types:
        sql, more = visibility_sql(record_type, user, fence)
        parts.append(sql)
        params += more
    return "(" + " OR ".join(parts) + ")", params


class Backend:
    """What both databases share; subclasses fill in the SQL that differs."""

    source = ""  # FROM clause that gives `e` (the entry) and the match
    # Appended to each visibility subquery (see PostgresBackend).
    fence = ""
    # FROM clause for the unranked order: walks the recency index, so it may
    # differ from `source` where the match itself drives the join.
    recent_source = ""

    def match_sql(self, parsed, record_type=None):
        """(condition, params): entries matching `parsed`; with `record_type`,
        the backend may narrow the match to that type's entries itself."""
        raise NotImplementedError

    def ranked_match_sql(self, parsed, record_type=None):
        """match_sql() for a page whose matches are scored."""
        return self.match_sql(parsed, record_type)

    def recent_match_sql(self, parsed, record_type=None):
        return self.match_sql(parsed, record_type)

    def tier_sql(self, parsed):
        raise NotImplementedError

    def score_sql(self, parsed):
        raise NotImplementedError

    def upsert_sql(self, count):
        raise NotImplementedError

    def upsert_params(self, row):
        raise NotImplementedError

    def explain_prefix(self):
        raise NotImplementedError

    def before_bulk_build(self):
        """Set aside what a build into an empty index need not keep current row by row."""

    def after_rebuild(self, *, bulk=False):
        """Compact or analyse the index after a rebuild; after a bulk build,
        restore what before_bulk_build() set aside."""

    # -- reads --------------------------------------------------------------

    def counts(self, parsed, user, types=RECORD_TYPES):
        """Matches per record type, each counted no further than COUNT_CAP + 1."""
        selects, params = [], []
        for record_type in types:
            match, match_params = self.match_sql(parsed, record_type)
            # No fence here: one type at a time, the planner may start from the
            # records (few articles) or from the matches, whichever is smaller.
            visible, visible_params = visibility_sql(record_type, user)
            selects.append(
                f"SELECT %s, (SELECT COUNT(*) FROM (SELECT 1 FROM {self.source} "  # noqa: S608
                f"WHERE {match} AND {visible} LIMIT %s) AS capped)"
            )
            params += [record_type, *match_params, *visible_params, COUNT_CAP + 1]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects), params)
            return dict(cursor.fetchall())

    def hits_sql(self, parsed, user, types, *, ranked, capped, limit, offset):
        """The page of matches: best first when `ranked`, else most recently
        changed first. `capped` says there are more than COUNT_CAP of them."""
        visible, visible_params = any_visible_sql(types, user, self.fence)
        only = types[0] if len(types) == 1 else None
        tier, tier_params, score, score_params = "0", [], "0.0", []
        if ranked:
            source, (match, params) = self.source, self.ranked_match_sql(parsed, only)
            tier, tier_params = self.tier_sql(parsed)
            score, score_params = self.score_sql(parsed)
            order = RANKED_ORDER
        elif capped or offset + limit <= WALKED_WINDOW:
            # Too many to score: newest first, found by walking the recency
            # index. Each entry is looked up among the matches (an index read
            # and a probe, no row), so a window of n rows reads about
            # n x entries / matches of them: past the rank limit, a few
            # thousand entries for a page.
            source, (match, params) = self.recent_source, self.recent_match_sql(parsed, only)
            order = RECENT_ORDER
        else:
            # A long window of fewer than COUNT_CAP matches (the 10,000 ids a
            # filter beside the words is intersected with) sorts the matches:
            # walking for them read most of the index (at 1,000,000 documents,
            # 1.1 million entries for a word in 1 % of them).
            source, (match, params) = self.source, self.match_sql(parsed, only)
            order = RECENT_ORDER
        # The keys alone: sorting thousands of matches with their texts carried
        # along cost a 1 % word a third of its page query at 1,000,000 documents.
        sql = (
            f"SELECT e.id AS id, e.record_type AS record_type, e.record_id AS record_id, "  # noqa: S608
            f"e.modified AS modified, {tier} AS tier, {score} AS score FROM {source} "
            f"WHERE {match} AND {visible} ORDER BY {order.format('')} LIMIT %s OFFSET %s"
        )
        return sql, [*tier_params, *score_params, *params, *visible_params, limit, offset], order

    def hits(self, parsed, user, types, *, ranked, capped, limit, offset):
        """The page's matches with the texts their snippets are cut from."""
        sql, params, order = self.hits_sql(
            parsed, user, types, ranked=ranked, capped=capped, limit=limit, offset=offset
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT h.id, h.record_type, h.record_id, t.title, t.names, t.body, h.tier, "  # noqa: S608
                f"h.score FROM ({sql}) AS h JOIN {ENTRY} t ON t.id = h.id "
                f"ORDER BY {order.format('h.')}",
                params,
            )
            return cursor.fetchall()

    def matching_ids(self, parsed, user, record_type, *, ranked, capped, limit, offset=0):
        """Record ids of one type's matches, in hits() order: the ids alone, so a
        common word does not carry thousands of texts back to Python."""
        sql, params, _order = self.hits_sql(
            parsed, user, [record_type], ranked=ranked, capped=capped, limit=limit, offset=offset
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT record_id FROM ({sql}) AS hits", params)  # noqa: S608
            return [record_id for (record_id,) in cursor.fetchall()]

    def explain(self, parsed, user, types, *, ranked, capped):
        sql, params, _order = self.hits_sql(
            parsed, user, types, ranked=ranked, capped=capped, limit=20, offset=0
        )
        with connection.cursor() as cursor:
            cursor.execute(self.explain_prefix() + sql, params)
            return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())

    # -- writes -------------------------------------------------------------

    def upsert(self, rows):
        """Insert or replace entries; returns {(record_type, record_id): entry id}."""
        ids = {}
        with connection.cursor() as cursor:
            for start in range(0, len(rows), 200):
                batch = rows[start : start + 200]
                params = [p for row in batch for p in self.upsert_params(row)]
                cursor.execute(self.upsert_sql(len(batch)), params)
                for entry_id, record_type, record_id in cursor.fetchall():
                    ids[(record_type, record_id)] = entry_id
        return ids


# Past the rank limit, windows of matches ending at most this far down are
# found by walking the recency index; longer ones sort the matches (hits_sql).
WALKED_WINDOW = 200

# The orders of a page of matches, over the columns of `e` or of a page read
# from it: best first, or past the rank limit most recently changed first.
RANKED_ORDER = "{0}tier DESC, {0}score DESC, {0}record_type, {0}record_id"
RECENT_ORDER = "{0}modified DESC, {0}id DESC"

UPSERT_TAIL = (
    " ON CONFLICT (record_type, record_id) DO UPDATE SET title = excluded.title, "
    "names = excluded.names, body = excluded.body, modified = excluded.modified{extra} "
    "RETURNING id, record_type, record_id"
)
