"""Peak memory and time of `manage.py export_catalogue` at several catalogue sizes.

Not part of the test suite. For each size it fills a scratch SQLite database
with that many published documents (bench/run.py's generator: each with a
place and three parties, so 4 rows per document across the tables), then runs
export_catalogue in a child process and reads the child's peak resident set
size from the kernel (wait4's rusage). A streaming export has the same peak
whatever the size. The generator's first 1,000 documents are made through the
ORM; the rest are copied from them in SQL (same shape, new identifiers), since
the ORM would take an hour for a million:

    .venv/bin/python bench/export_memory.py                       # 1,000 and 100,000
    .venv/bin/python bench/export_memory.py --documents 1000 100000 1000000
"""

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def run(args, env):
    """Run a child process; returns (seconds, peak RSS in MiB)."""
    started = time.monotonic()
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(args)} failed with status {process.returncode}")
    return time.monotonic() - started, usage.ru_maxrss / 1024  # Linux reports KiB


SEED_DOCUMENTS = 1_000
DOCUMENT_COPY = """
WITH RECURSIVE seq(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM seq WHERE n < ?)
INSERT INTO catalogue_document (identifier, slug, status, created, modified, version,
    date_written, date_edtf, date_earliest, date_latest, title, other_titles, kind,
    languages, description, transcription, transcription_provenance, place_id)
SELECT 'doc-b' || n, 'doc-b' || n, t.status, t.created, t.modified, t.version,
    t.date_written, t.date_edtf, t.date_earliest, t.date_latest, 'Protocol number ' || n,
    '["Protocol ' || n || '"]', t.kind, t.languages, t.description, t.transcription,
    t.transcription_provenance, t.place_id
FROM seq JOIN catalogue_document t ON t.identifier = 'doc-b' || (n % ?)
"""
AGENT_COPY = """
INSERT INTO catalogue_documentagent (role, note, "order", document_id, organisation_id, person_id)
SELECT a.role, a.note, a."order", d.id, a.organisation_id, a.person_id
FROM catalogue_document d
JOIN catalogue_document t
    ON t.identifier = 'doc-b' || (CAST(substr(d.identifier, 6) AS INTEGER) % ?)
JOIN catalogue_documentagent a ON a.document_id = t.id
WHERE d.id > (SELECT max(id) FROM catalogue_document WHERE identifier = 'doc-b' || (? - 1))
"""


def copy_documents(path, seed, documents):
    """Documents seed..documents-1 (and their parties) as copies of the seed ones."""
    if documents <= seed:
        return
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(DOCUMENT_COPY, (seed, documents - 1, seed))
        connection.execute(AGENT_COPY, (seed, seed))
    connection.close()


def measure(documents, folder):
    env = {
        **os.environ,
        "DJANGO_DEBUG": "true",
        "DJANGO_SQLITE_PATH": str(folder / "bench.sqlite3"),
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
    }
    env.pop("DATABASE_URL", None)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    seed = min(documents, SEED_DOCUMENTS)
    fill = f"import sys; sys.path.insert(0, 'bench'); from run import populate; populate({seed})"
    fill_seconds, _ = run([PYTHON, "-c", fill], env)
    copy_documents(folder / "bench.sqlite3", seed, documents)
    seconds, peak = run([PYTHON, "manage.py", "export_catalogue", "-v0"], env)
    size = sum(p.stat().st_size for p in (folder / "media" / "downloads").rglob("*"))
    return {"fill": fill_seconds, "seconds": seconds, "peak": peak, "bytes": size}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1_000, 100_000])
    args = parser.parse_args()
    print(
        f"{'documents':>10} {'rows':>10} {'export s':>9} {'rows/s':>9} "
        f"{'peak MiB':>9} {'files MB':>9}"
    )
    for documents in args.documents:
        with tempfile.TemporaryDirectory(prefix="export-bench-") as folder:
            result = measure(documents, Path(folder))
        rows = documents * 4 + 270  # documents, their parties, the places, people and states
        print(
            f"{documents:>10,} {rows:>10,} {result['seconds']:>9.1f} "
            f"{rows / result['seconds']:>9,.0f} {result['peak']:>9.1f} "
            f"{result['bytes'] / 1e6:>9.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
