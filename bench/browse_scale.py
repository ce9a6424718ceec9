"""Time the documents browse page on a large catalogue: first page against a
deep keyset page, beside the same deep page read with OFFSET for reference.

Not part of the test suite. Point it at a scratch database:

    createdb -h 127.0.0.1 -U postgres browse_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/browse_bench \\
        .venv/bin/python bench/browse_scale.py --documents 100000
"""

import argparse
import datetime
import os
import random
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
from django.test import Client  # noqa: E402

from catalogue.models import Document, Status  # noqa: E402
from catalogue.record_types import by_model  # noqa: E402
from catalogue.selectors.keyset import Position, beyond, encode, order_by  # noqa: E402


def fill(count):
    random.seed(1956)
    have = Document.objects.filter(identifier__startswith="doc-bench-").count()
    kinds = [k for k, _ in Document.Kind.choices]
    batch = []
    for n in range(have, count):
        day = datetime.date(1900, 1, 1) + datetime.timedelta(days=random.randrange(40_000))
        batch.append(
            Document(
                identifier=f"doc-bench-{n}",
                slug=f"bench-{n}",
                title=f"Bench document {random.randrange(10**6):06d}",
                kind=random.choice(kinds),
                date_edtf=day.isoformat(),
                date_earliest=day,
                date_latest=day,
                status=Status.PUBLISHED,
            )
        )
        if len(batch) == 5_000:
            Document.objects.bulk_create(batch)
            batch = []
    Document.objects.bulk_create(batch)


def timed(function, runs=7):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    fill(args.documents)
    client = Client(HTTP_HOST="localhost")
    keys = by_model(Document).sort_keys("date")
    ordered = order_by(Document.objects.published(), keys)
    total = ordered.count()
    deep = total - 30
    row = ordered[deep - 1 : deep][0]
    position = Position([row.date_earliest, row.title, row.pk])
    cursor = encode([key.dump(row) for key in keys], backwards=False)

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    print(f"{total:,} published documents, 25 a page, sorted by date")
    print(f"first page            {timed(lambda: get('/documents/')):8.1f} ms")
    print(f"keyset page at {deep:,}  {timed(lambda: get(f'/documents/?after={cursor}')):8.1f} ms")
    print(
        f"OFFSET read at {deep:,}  {timed(lambda: list(ordered[deep : deep + 26])):8.1f} ms "
        "(the page query alone, for reference)"
    )
    keyset_page = beyond(ordered, keys, position)
    print(
        f"keyset read at {deep:,}  "
        f"{timed(lambda: list(keyset_page[:26])):8.1f} ms "
        "(the page query alone)"
    )


if __name__ == "__main__":
    main()
