"""Time ListRecords (oai_dc) pages at the start, the middle and the end of a
large catalogue's list: with keyset paging (a range read after the last entry
sent, no OFFSET) the three should match.

Works on a copy of a benchmark catalogue (never the original):

    cp /tmp/perf2/d100k.sqlite3 /tmp/oai-bench.sqlite3
    export DJANGO_DEBUG=true DJANGO_SQLITE_PATH=/tmp/oai-bench.sqlite3
    .venv/bin/python manage.py migrate -v0 && .venv/bin/python manage.py oai_rebuild
    .venv/bin/python bench/oai.py --page-size 100

Whole requests through Django's test client (the view, the queries, the XML),
as a harvester sees them less the network. Each point starts from a resumption
token placed there (as a harvester that got that far holds) and follows the
tokens for --samples pages; --walk follows the tokens from the first page to
the last instead, timing every page (slow: the whole list).
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
from catalogue.oai.tokens import token_make  # noqa: E402

RESUMPTION = "{http://www.openarchives.org/OAI/2.0/}resumptionToken"


def fetch(client, token, set_spec=""):
    """(seconds, next token or None) for one page."""
    params = {"verb": "ListRecords"}
    first = {"metadataPrefix": "oai_dc", **({"set": set_spec} if set_spec else {})}
    params.update({"resumptionToken": token} if token else first)
    started = time.perf_counter()
    response = client.get("/oai/", params)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200 and b"<error" not in response.content, response.content[:300]
    node = etree.fromstring(response.content).find(f".//{RESUMPTION}")
    return elapsed, (node.text if node is not None and node.text else None)


def entries(set_spec):
    rows = HarvestEntry.objects.filter(deleted=False)
    return rows.filter(record_type=set_spec.split(":")[1]) if set_spec else rows


def token_at(position, total, set_spec):
    """A token resuming after the entry at `position` in the list (by id)."""
    after = entries(set_spec).order_by("id").values_list("id", flat=True)[position]
    token, _ = token_make(
        prefix="oai_dc",
        set_spec=set_spec,
        from_="",
        until="",
        after=after,
        cursor=position,
        complete=total,
    )
    return token


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--samples", type=int, default=20, help="pages timed at each point")
    parser.add_argument("--walk", action="store_true", help="time every page, first to last")
    parser.add_argument("--set", default="", help="type:document: pages alike all the way")
    args = parser.parse_args()
    settings.OAI_PAGE_SIZE = args.page_size
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    total = entries(args.set).count()
    pages = total // args.page_size
    print(f"{total} harvestable records, {pages} pages of {args.page_size}")
    fetch(client, None, args.set)  # warm up: imports, URL resolver, connection
    if args.walk:
        timings, token, page = [], None, 0
        while True:
            elapsed, token = fetch(client, token, args.set)
            timings.append(elapsed)
            page += 1
            if not token:
                break
            if page % 100 == 0:
                print(f"  page {page}/{pages}", file=sys.stderr)
        thirds = len(timings) // 3
        parts = {
            "start": timings[:thirds],
            "middle": timings[thirds:-thirds],
            "end": timings[-thirds:],
        }
    else:
        size = args.page_size
        last = max(total - (args.samples + 1) * size, 0)
        parts = {}
        for name, position in (("start", 0), ("middle", total // 2), ("end", last)):
            token = token_at(position, total, args.set) if position else None
            parts[name] = []
            for _ in range(args.samples):
                elapsed, token = fetch(client, token, args.set)
                parts[name].append(elapsed)
    for name, values in parts.items():
        median = statistics.median(values) * 1000
        print(f"{name:>6}: median {median:.1f} ms per page ({len(values)} pages)")


if __name__ == "__main__":
    main()
