"""Load test: readers (and writers) against gunicorn, latency per endpoint type.

Serves an existing catalogue (made by bench/generate.py) with gunicorn, debug
off, on 127.0.0.1, then runs closed-loop clients for --seconds: each reader
picks an endpoint type at random (home, browse, document page, search page,
API list, API record, API search), requests it, waits --think seconds, and
again; each writer reads a document from the API and PATCHes its description
with If-Match. Prints requests per second, the error rate, "database is
locked" errors, and p50/p95/p99 per endpoint type.

    DJANGO_SQLITE_PATH=/tmp/bench/catalogue.sqlite3 .venv/bin/python bench/load.py \\
        --readers 50 --seconds 300
    DJANGO_SQLITE_PATH=/tmp/bench/catalogue.sqlite3 .venv/bin/python bench/load.py \\
        --readers 45 --writers 5 --seconds 300
    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1:5432/bench ...
"""

import argparse
import http.client
import json
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

from serving import production_env

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8765

MAKE_EDITOR = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
user, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
user.groups.add(Group.objects.get(name="Editor"))
print(Token.objects.get_or_create(user=user)[0].key)
"""


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = defaultdict(int)
        self.expected = defaultdict(int)
        self.reasons = defaultdict(int)
        self.locked = 0

    def add(self, kind, seconds, status, body):
        with self.lock:
            self.times[kind].append(seconds * 1000)
            if status in (404, 412):
                # A draft's address (5 % of documents) is 404 to a reader; 412 is
                # a writer that lost a race to another: both are right answers.
                self.expected[status] += 1
            elif status == 0 or status >= 400:
                self.errors[kind] += 1
                self.reasons[f"{status} {body[:80].decode(errors='replace')}"] += 1
                if b"database is locked" in body:
                    self.locked += 1


def request(method, path, headers=None, body=None):
    """(status, body, headers); status 0 when no answer came (a gunicorn worker
    killed past its 30 s timeout, or 60 s without a response)."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), response.headers
    except (OSError, http.client.HTTPException) as exc:
        return 0, str(exc).encode(), {}
    finally:
        connection.close()


def reader_paths(terms, documents):
    common = list(terms["terms"]["one_percent"]) + list(terms["terms"]["sixty_percent"])
    rare = list(terms["terms"]["rare"])

    def doc():
        return f"doc-g{random.randrange(documents)}"

    def term():
        return random.choice(rare + common)

    return {
        "home": lambda: "/",
        "browse page": lambda: random.choice(
            ["/documents/", "/documents/?kind=treaty", "/documents/?decade=1950", "/people/"]
        ),
        "document page": lambda: f"/documents/{doc()}/",
        "search page": lambda: f"/search/?q={urllib.parse.quote(term())}",
        "API list": lambda: random.choice(["/api/documents/", "/api/documents/?kind=treaty"]),
        "API record": lambda: f"/api/documents/{doc()}/",
        "API search": lambda: f"/api/documents/?q={urllib.parse.quote(term())}",
    }


def reader(stop, results, paths, think):
    kinds = list(paths)
    while not stop.is_set():
        kind = random.choice(kinds)
        started = time.perf_counter()
        status, body, _ = request("GET", paths[kind]())
        results.add(kind, time.perf_counter() - started, status, body)
        stop.wait(think)


def writer(stop, results, token, documents, think):
    auth = {"Authorization": f"Token {token}"}
    while not stop.is_set():
        path = f"/api/documents/doc-g{random.randrange(documents)}/"
        # Each call timed as the call it is: the editor's read, then the write.
        started = time.perf_counter()
        status, body, headers = request("GET", path, auth)
        results.add("API read by an editor", time.perf_counter() - started, status, body)
        if status == 200:
            change = json.dumps({"description": f"Checked {secrets.token_hex(4)}."})
            started = time.perf_counter()
            status, body, _ = request(
                "PATCH",
                path,
                {**auth, "If-Match": headers["ETag"], "Content-Type": "application/json"},
                change,
            )
            # 412: another writer saved the same document first, as designed.
            results.add("API write (PATCH)", time.perf_counter() - started, status, body)
        stop.wait(think)


def serve(env, workers, workdir):
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed after the run
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "archive_site.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(workers),
            "--backlog",
            "256",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    for _ in range(300):
        # request() answers status 0 while nothing listens yet.
        if request("GET", "/healthz")[0] != 0:
            return server, log
        time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start; see gunicorn.log")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writers", type=int, default=0)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument(
        "--think", type=float, default=1.0, help="seconds between a client's requests"
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--database-url", help="PostgreSQL; default: DJANGO_SQLITE_PATH")
    parser.add_argument("--terms", help="generate.py's JSON (default: beside the SQLite file)")
    parser.add_argument(
        "--redis-url",
        help="the shared cache, as the README asks when several processes serve the site "
        "(e.g. redis://127.0.0.1:6379/9; emptied first); default: each worker's own memory",
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    env = production_env(workdir, args.database_url)
    if args.redis_url:
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()
        env["REDIS_URL"] = args.redis_url
    terms_path = args.terms or str(Path(env["DJANGO_SQLITE_PATH"]).with_suffix(".terms.json"))
    terms = json.loads(Path(terms_path).read_text())
    documents = terms["documents"]
    token = (
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", MAKE_EDITOR],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    server, log = serve(env, args.workers, workdir)
    results, stop = Results(), threading.Event()
    paths = reader_paths(terms, documents)
    threads = [
        threading.Thread(target=reader, args=(stop, results, paths, args.think))
        for _ in range(args.readers)
    ] + [
        threading.Thread(target=writer, args=(stop, results, token, documents, args.think))
        for _ in range(args.writers)
    ]
    started = time.perf_counter()
    try:
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        server.terminate()
        server.wait()
        log.close()
    total = sum(len(t) for t in results.times.values())
    errors = sum(results.errors.values())
    locked_in_log = (workdir / "gunicorn.log").read_text().count("database is locked")
    print(
        f"{terms['database']} with {documents:,} documents; {args.readers} readers, "
        f"{args.writers} writers, {args.think} s think time, {args.workers} gunicorn workers, "
        f"cache: {'Redis' if args.redis_url else 'per worker'}, {elapsed:.0f} s"
    )
    print(
        f"{total:,} requests, {total / elapsed:.1f} per second, {errors} errors "
        f"({errors / max(total, 1):.2%}), 'database is locked': {results.locked + locked_in_log}; "
        f"404 for drafts: {results.expected[404]}, 412 lost races: {results.expected[412]}"
    )
    for reason, count in sorted(results.reasons.items(), key=lambda item: -item[1]):
        print(f"  {count:6} x {reason}")
    columns = ("requests", "errors", "p50 ms", "p95 ms", "p99 ms")
    print(f"{'endpoint type':26} " + " ".join(f"{c:>8}" for c in columns))
    for kind in sorted(results.times):
        times = results.times[kind]
        print(
            f"{kind:26} {len(times):8,} {results.errors[kind]:8} {statistics.median(times):8.0f} "
            f"{percentile(times, 0.95):8.0f} {percentile(times, 0.99):8.0f}"
        )


if __name__ == "__main__":
    main()
