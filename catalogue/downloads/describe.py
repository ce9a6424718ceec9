"""The words and descriptors that travel with a snapshot: the Frictionless
Data Package descriptor and the README."""

from django.conf import settings

from .tables import TABLES


def datapackage(*, created, licence):
    """`datapackage.json`: every CSV file as a tabular resource with its schema."""
    resources = []
    for table in TABLES:
        schema = {
            "fields": [
                {"name": c.name, "type": c.type, "description": c.description}
                for c in table.columns
            ],
            # An empty cell is null; "" is written empty too.
            "missingValues": [""],
        }
        if table.key:
            schema["primaryKey"] = [table.key]
        resources.append(
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{table.name}.csv",
                "type": "table",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "archival-catalogue",
        "title": settings.CATALOGUE_SITE_NAME,
        "description": "The published records of the catalogue, with the links between them.",
        "created": created,
        "licenses": [{"name": licence}],
        "resources": resources,
    }


def readme(*, created, version, licence, counts):
    lines = [
        f"# {settings.CATALOGUE_SITE_NAME}: published catalogue",
        "",
        f"Snapshot made {created}; catalogue version {version or '(empty)'} (the time of the",
        "newest published change: two snapshots with the same version hold the same data).",
        f"Licence: {licence}.",
        "",
        "Only published records are included; a link row is included only when every",
        "record it names is published.",
        "",
        "## Files",
        "",
        "- `<table>.csv`: UTF-8, a header row; lists are JSON in the cell; text that a",
        "  spreadsheet would run as a formula (starting with = + - @) starts with an apostrophe.",
        "- `<table>.jsonl`: JSON Lines, one record per line.",
        "- `catalogue.sqlite`: every table in one SQLite database, with full-text indexes",
        "  (`<table>_fts`, FTS5) on documents, articles, people, organisations and places.",
        "- `datapackage.json`: Frictionless Data Package descriptor (types and descriptions).",
        "- `manifest.json`: each file's size, SHA-256 and record count.",
        "",
        "## Tables",
        "",
    ]
    for table in TABLES:
        lines += [
            f"### {table.name} ({counts.get(table.name, 0):,} rows)",
            "",
            table.description,
            "",
        ]
        lines += [f"- `{c.name}` ({c.type}): {c.description}" for c in table.columns]
        lines.append("")
    return "\n".join(lines)
