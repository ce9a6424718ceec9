"""Measure search on a large catalogue: timings and query plans.

Not part of the test suite. Point it at a scratch database; it migrates it,
fills it with synthetic documents (once) and times typical searches:

    DJANGO_SQLITE_PATH=/tmp/search-bench.sqlite3 .venv/bin/python bench/search_scale.py
    createdb -h 127.0.0.1 -U postgres search_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        .venv/bin/python bench/search_scale.py --documents 100000

Documents get 60 words each drawn (Zipf-like) from the words of the source
texts, so some words are in most records and others in few; one document
says "Zanzibar".
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
os.environ.setdefault("DJANGO_DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from catalogue.models import Document, Organisation, Status  # noqa: E402
from catalogue.search import explain, search  # noqa: E402
from catalogue.search_backends.indexing import rebuild  # noqa: E402

QUERIES = ["Zanzibar", "Hatoyama", "peace treaty", '"peace treaty"', "U.S.S.R.", "japan", "the"]


def fill(count):
    text = " ".join(p.read_text() for p in (ROOT / "fixtures" / "sources").glob("*.txt"))
    vocabulary = sorted(set(re.findall(r"[A-Za-z]{3,}", text)))
    random.seed(1956)
    random.shuffle(vocabulary)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    if not Organisation.objects.filter(name="Soviet Union").exists():
        Organisation.objects.create(
            name="Soviet Union", variants=["USSR", "U.S.S.R."], status=Status.PUBLISHED
        )
    have = Document.objects.filter(identifier__startswith="doc-bench-").count()
    batch = []
    for n in range(have, count):
        words = random.choices(vocabulary, weights=weights, k=60)
        if n == count // 2 + 1:
            words.append("Zanzibar")
        batch.append(
            Document(
                identifier=f"doc-bench-{n}",
                slug=f"bench-{n}",
                title=" ".join(random.choices(vocabulary, weights=weights, k=5)),
                description=" ".join(words),
                status=Status.PUBLISHED if n % 10 else Status.DRAFT,
            )
        )
        if len(batch) == 2000:
            Document.objects.bulk_create(batch)
            batch = []
    Document.objects.bulk_create(batch)
    return count - have


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    added = fill(args.documents)
    if added:
        print(f"added {added:,} documents in {time.monotonic() - started:.1f}s")
        started = time.monotonic()
        rebuild(batch_size=1000)
        print(f"rebuilt the index in {time.monotonic() - started:.1f}s")
    print(f"{connection.vendor}, {Document.objects.count():,} documents\n")
    print(f"{'query':<18} {'total':>8} {'ranked':>7} {'median ms':>10}")
    for query in QUERIES:
        times = []
        for _ in range(args.repeat):
            started = time.monotonic()
            results = search(query)
            times.append((time.monotonic() - started) * 1000)
        print(
            f"{query:<18} {results.total_display:>8} {str(results.ranked):>7} "
            f"{statistics.median(times):>10.1f}"
        )
    for query in ("Zanzibar", "japan"):
        print(f"\nplan for {query!r}:\n{explain(query)}")


if __name__ == "__main__":
    main()
