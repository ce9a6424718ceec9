"""Ingest of uploaded texts, run as a job: the files travel with the job (so a
worker on another machine can read them) and go through the same service as
`manage.py ingest`, all or nothing."""

import base64
import json
import tempfile
from pathlib import Path

from catalogue.services.ingest import IngestRefused, articles_ingest

from .runner import JobRefused


def ingest_input(files):
    """The uploaded files as the job's input: JSON of names and their bytes
    (base64), kept byte for byte so the service judges the encoding itself."""
    return json.dumps(
        [{"name": name, "data": base64.b64encode(data).decode("ascii")} for name, data in files]
    )


def _files_in(job):
    try:
        items = json.loads(job.input_text)
        return [(item["name"], base64.b64decode(item["data"])) for item in items]
    except (ValueError, KeyError, TypeError):  # binascii.Error is a ValueError
        raise JobRefused(
            "Nothing was ingested, because the job's files could not be read."
        ) from None


def run_ingest(job, progress):
    files = _files_in(job)
    progress.begin("Reading texts", total=len(files))
    with tempfile.TemporaryDirectory(prefix="ingest-") as folder:
        paths = []
        for name, data in files:
            # The file name gives the article's identifier, so it is kept as uploaded.
            path = Path(folder) / Path(name).name
            path.write_bytes(data)
            paths.append(path)
        try:
            outcomes = articles_ingest(
                paths=paths, progress=lambda index, total, *_: progress.update(index, total)
            )
        except IngestRefused as refused:
            reasons = "; ".join(f"{Path(path).name}: {reason}" for path, reason in refused.problems)
            raise JobRefused(f"Nothing was ingested, because {reasons}.") from None
    return ingest_summary(outcomes)


def ingest_summary(outcomes):
    """'2 new draft articles: article-a “A”, article-b “B”; 1 unchanged: c.txt (article-c).'"""
    created = [o.article for o in outcomes if o.created]
    unchanged = [o for o in outcomes if not o.created]
    parts = []
    if created:
        names = ", ".join(f"{a.identifier} \u201c{a.title}\u201d" for a in created)
        parts.append(f"{len(created)} new draft article{'s' if len(created) != 1 else ''}: {names}")
    if unchanged:
        names = ", ".join(f"{Path(o.path).name} ({o.article.identifier})" for o in unchanged)
        parts.append(f"{len(unchanged)} unchanged, already in the catalogue: {names}")
    return "; ".join(parts) + "."
