"""Time GET /api/documents/?limit=50 against a reference server in the same run.

Not part of the test suite. It makes a scratch database with a few thousand
published documents (each with a place and three parties), serves the app
and bench/reference.py (the same page from raw SQL and json.dumps) with
gunicorn on 127.0.0.1, one worker each, and requests each in turn. It
prints the medians and the ratio API / reference:

    .venv/bin/python bench/run.py                     # SQLite in a temporary folder
    .venv/bin/python bench/run.py --documents 5000 --requests 300
    createdb -h 127.0.0.1 -U postgres api_bench
    .venv/bin/python bench/run.py --database-url postgres://postgres@127.0.0.1:5432/api_bench
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from serving import production_env

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
URL = "/api/documents/?limit={limit}"


def progress(label, done, total):
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\r{label:<28} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def populate(count):
    """Run inside the benchmark environment: `count` published documents with links."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
    import datetime

    import django

    django.setup()
    from catalogue.models import Document, DocumentAgent, Organisation, Person, Place

    if Document.objects.count() >= count:
        return
    now = datetime.datetime.now(datetime.UTC)
    places = Place.objects.bulk_create(
        Place(
            identifier=f"place-b{i}",
            slug=f"place-b{i}",
            name=f"Place {i}",
            sort_name=f"Place {i}",
            status="published",
            created=now,
            modified=now,
        )
        for i in range(50)
    )
    people = Person.objects.bulk_create(
        Person(
            identifier=f"person-b{i}",
            slug=f"person-b{i}",
            name=f"Envoy {i}",
            sort_name=f"{i}, Envoy",
            status="published",
            created=now,
            modified=now,
        )
        for i in range(200)
    )
    states = Organisation.objects.bulk_create(
        Organisation(
            identifier=f"org-b{i}",
            slug=f"org-b{i}",
            name=f"State {i}",
            sort_name=f"State {i}",
            kind="state",
            status="published",
            created=now,
            modified=now,
        )
        for i in range(20)
    )
    batch = 500
    for start in range(0, count, batch):
        documents = []
        for i in range(start, min(start + batch, count)):
            day = datetime.date(1945, 1, 1) + datetime.timedelta(days=i % 5000)
            documents.append(
                Document(
                    identifier=f"doc-b{i}",
                    slug=f"doc-b{i}",
                    title=f"Protocol number {i}",
                    other_titles=[f"Protocol {i}"],
                    kind="protocol",
                    date_written=day.isoformat(),
                    date_edtf=day.isoformat(),
                    date_earliest=day,
                    date_latest=day,
                    place=places[i % len(places)],
                    languages=["ru", "ja"],
                    description="Signed at Moscow. " * 5,
                    status="published",
                    created=now,
                    modified=now,
                )
            )
        documents = Document.objects.bulk_create(documents)
        DocumentAgent.objects.bulk_create(
            agent
            for n, d in enumerate(documents)
            for agent in (
                DocumentAgent(
                    document=d, person=people[(start + n) % 200], role="signatory", order=0
                ),
                DocumentAgent(document=d, organisation=states[n % 20], role="party", order=1),
                DocumentAgent(document=d, organisation=states[(n + 1) % 20], role="party", order=2),
            )
        )
        progress("Making documents", min(start + batch, count), count)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app, port, env, log):
    return subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-m",
            "gunicorn",
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            str(log),
        ],
        cwd=ROOT,
        env=env,
    )


def get(port, url):
    """(seconds, status, body length) for one request on a fresh connection."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", url, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return time.perf_counter() - started, response.status, len(body)


def wait_ready(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server on port {port} stopped (exit {process.returncode})")
        try:
            get(port, URL.format(limit=1))
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server on port {port} did not answer within {seconds} s")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--documents", type=int, default=3000, help="documents to make (default 3000)"
    )
    parser.add_argument(
        "--requests", type=int, default=200, help="timed requests per server (default 200)"
    )
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests per server first")
    parser.add_argument(
        "--limit",
        type=int,
        default=50,
        help="documents a page (default 50); --limit 1 shows the fixed cost of a request",
    )
    parser.add_argument(
        "--database-url", help="a scratch PostgreSQL database (default: SQLite in a temp folder)"
    )
    parser.add_argument("--populate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = URL.format(limit=args.limit)
    if args.populate is not None:
        populate(args.populate)
        return

    workdir = Path(tempfile.mkdtemp(prefix="api-bench-"))
    env = {**production_env(workdir, args.database_url), "PYTHONPATH": str(ROOT)}
    if not args.database_url:
        env["DJANGO_SQLITE_PATH"] = str(workdir / "bench.sqlite3")
    print(f"Database: {args.database_url or env['DJANGO_SQLITE_PATH']}", file=sys.stderr)
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )  # noqa: S603
    subprocess.run(
        [PYTHON, __file__, "--populate", str(args.documents)], cwd=ROOT, env=env, check=True
    )  # noqa: S603

    servers = {
        "api": ("archive_site.wsgi:application", free_port()),
        "reference": ("bench.reference:application", free_port()),
    }
    processes = {
        name: serve(app, port, env, workdir / f"{name}.log")
        for name, (app, port) in servers.items()
    }
    try:
        for name, (_app, port) in servers.items():
            wait_ready(port, processes[name])
            _seconds, status, size = get(port, url)
            if status != 200:
                raise SystemExit(f"{name} answered {status}; see {workdir / (name + '.log')}")
            print(f"{name:>9}: 200, {size:,} bytes", file=sys.stderr)
            for i in range(args.warmup):
                get(port, url)
                progress(f"Warming up {name}", i + 1, args.warmup)
        timings = {name: [] for name in servers}
        for i in range(args.requests):
            # Alternate, so both servers see the same machine load.
            for name, (_app, port) in servers.items():
                timings[name].append(get(port, url)[0])
            progress("Timing both servers", i + 1, args.requests)
    finally:
        for process in processes.values():
            process.terminate()
            process.wait(timeout=10)

    medians = {name: statistics.median(values) * 1000 for name, values in timings.items()}
    p90 = {name: statistics.quantiles(values, n=10)[-1] * 1000 for name, values in timings.items()}
    print(
        f"\nGET {url}  ({args.documents:,} documents, {args.requests} requests each, "
        f"{'PostgreSQL' if args.database_url else 'SQLite'})"
    )
    for name in servers:
        print(f"  {name:>9}: median {medians[name]:6.2f} ms   p90 {p90[name]:6.2f} ms")
    print(f"  ratio api / reference (medians): {medians['api'] / medians['reference']:.2f}")


if __name__ == "__main__":
    main()
