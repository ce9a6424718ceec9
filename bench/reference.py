"""The reference server for bench/run.py: the same page of documents as
GET /api/documents/?limit=50 (same rows, same fields, same visibility, the
same three queries) built with raw SQL and json.dumps in a bare WSGI app,
on the same Django database connection. What the API costs above this is
the cost of DRF, the FilterSet, the serializers and the link building."""

import json
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")

import django  # noqa: E402

django.setup()

from django.db import close_old_connections, connection  # noqa: E402

from bench.sql import PARTIES  # noqa: E402

PAGE = """
SELECT d.id, d.identifier, d.slug, d.status, d.version, d.title, d.other_titles, d.kind,
       d.date_written, d.date_edtf, d.date_earliest, d.date_latest, d.languages,
       d.description, d.created, d.modified, p.identifier, p.name, p.slug
FROM catalogue_document d LEFT JOIN catalogue_place p ON p.id = d.place_id
WHERE d.status = 'published'
ORDER BY d.date_earliest ASC NULLS LAST, d.title ASC, d.id ASC
LIMIT %s
"""
COUNT = (
    "SELECT COUNT(*) FROM (SELECT 1 FROM catalogue_document "
    "WHERE status = 'published' LIMIT 10001) t"
)


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _json_list(value):
    return json.loads(value) if isinstance(value, str) else value


def _link(base, kind, plural, identifier, name):
    if identifier is None:
        return None
    return {
        "type": kind,
        "identifier": identifier,
        "name": name,
        "url": f"{base}/api/{plural}/{identifier}/",
    }


def page(base, limit):
    with connection.cursor() as cursor:
        cursor.execute(COUNT)
        (count,) = cursor.fetchone()
        cursor.execute(PAGE, [limit])
        rows = cursor.fetchall()
        parties = {}
        if rows:
            cursor.execute(PARTIES.format(ids=",".join(str(int(r[0])) for r in rows)))
            for doc, role, note, pid, pname, oid, oname in cursor.fetchall():
                parties.setdefault(doc, []).append(
                    {
                        "role": role,
                        "note": note,
                        "person": _link(base, "person", "people", pid, pname),
                        "organisation": _link(base, "organisation", "organisations", oid, oname),
                    }
                )
    results = [
        {
            "url": f"{base}/api/documents/{r[1]}/",
            "page": f"{base}/documents/{r[2]}/",
            "identifier": r[1],
            "slug": r[2],
            "status": r[3],
            "version": r[4],
            "title": r[5],
            "other_titles": _json_list(r[6]),
            "kind": r[7],
            "date_written": r[8],
            "date_edtf": r[9],
            "date_earliest": _iso(r[10]),
            "date_latest": _iso(r[11]),
            "place": _link(base, "place", "places", r[16], r[17]),
            "languages": _json_list(r[12]),
            "description": r[13],
            "parties": parties.get(r[0], []),
            "created": _iso(r[14]),
            "modified": _iso(r[15]),
        }
        for r in rows
    ]
    return {
        "count": min(count, 10_000),
        "count_capped": count > 10_000,
        "next": None,
        "previous": None,
        "results": results,
    }


def _limit(environ):
    """The `limit` of the query string (1 to 100; 50 by default), as the API reads it."""
    for pair in environ.get("QUERY_STRING", "").split("&"):
        name, _, value = pair.partition("=")
        if name == "limit" and value.isdigit():
            return min(max(int(value), 1), 100)
    return 50


def application(environ, start_response):
    close_old_connections()
    base = f"http://{environ.get('HTTP_HOST', '127.0.0.1')}"
    body = json.dumps(page(base, _limit(environ)), separators=(",", ":")).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
