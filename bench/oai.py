"""Page through ListRecords (oai_dc) of a large catalogue and report the time
per page at the start, the middle and the end: with keyset paging (a range
read after the last entry sent, no OFFSET) the three should match.

Works on a copy of a benchmark catalogue (never the original):

    cp /tmp/perf2/d100k.sqlite3 /tmp/oai-bench.sqlite3
    DJANGO_SQLITE_PATH=/tmp/oai-bench.sqlite3 .venv/bin/python manage.py migrate -v0
    DJANGO_SQLITE_PATH=/tmp/oai-bench.sqlite3 .venv/bin/python manage.py oai_rebuild
    DJANGO_SQLITE_PATH=/tmp/oai-bench.sqlite3 .venv/bin/python bench/oai.py --page-size 100

Whole requests through Django's test client (the view, the queries, the XML),
as a harvester would see them less the network.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, bench/ comes first on the path, and its requests.py would
# shadow the requests package that DRF imports.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
os.environ.setdefault("DJANGO_DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from lxml import etree  # noqa: E402

from catalogue.models import HarvestEntry  # noqa: E402

RESUMPTION = "{http://www.openarchives.org/OAI/2.0/}resumptionToken"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--samples", type=int, default=5, help="pages timed at each point")
    args = parser.parse_args()
    settings.OAI_PAGE_SIZE = args.page_size
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    total = HarvestEntry.objects.filter(deleted=False).count()
    pages = total // args.page_size
    points = {"start": 0, "middle": pages // 2, "end": max(pages - args.samples - 1, 0)}
    print(f"{total} harvestable records, {pages} pages of {args.page_size}")
    timings = {name: [] for name in points}
    token, page = None, 0
    started = time.perf_counter()
    while True:
        params = {"verb": "ListRecords"}
        params.update({"resumptionToken": token} if token else {"metadataPrefix": "oai_dc"})
        t0 = time.perf_counter()
        response = client.get("/oai/", params)
        elapsed = time.perf_counter() - t0
        for name, first in points.items():
            if first <= page < first + args.samples:
                timings[name].append(elapsed)
        node = etree.fromstring(response.content).find(f".//{RESUMPTION}")
        token = node.text if node is not None else None
        page += 1
        if not token:
            break
        if page % 100 == 0:
            print(f"  page {page}/{pages}", file=sys.stderr)
    print(f"walked {page} pages in {time.perf_counter() - started:.1f} s")
    for name, values in timings.items():
        median = statistics.median(values) * 1000
        print(f"{name:>6}: median {median:.1f} ms per page ({len(values)} pages)")


if __name__ == "__main__":
    main()
