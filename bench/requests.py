"""Whole requests, side by side: this project, Datasette and a raw-SQL floor.

Not part of the test suite. Serves one catalogue file made by bench/generate.py
three ways on 127.0.0.1, one worker each: the project under gunicorn in
production configuration (debug off, bench/serving.py), Datasette 0.65.5 (in
its own venv, bench/.venv, made from bench/requirements.txt on first use) and
bench/floor.py (the API's JSON from sqlite3 and json.dumps, no framework).
Round by round, case by case, it takes turns between the servers; it times
p50/p95/p99 at one connection, then requests per second at 8 connections (a
bounded Python client: threads, a fixed number of requests and a time cap),
checks every status and body size, and prints ratios ours/Datasette and
ours/floor under an environment header. Datasette answers the API cases in
lean JSON (`_nocount=1&_nofacet=1&_nosuggest=1`) and the page cases with its
default HTML (count and suggested facets).

    .venv/bin/python bench/requests.py --quick              # 20,000 documents, a few minutes
    .venv/bin/python bench/requests.py --documents 100000   # generates once, then reuses
    .venv/bin/python bench/requests.py --database /tmp/perf/d100k.sqlite3 --check

With --database-url, the same runner on PostgreSQL: the project on a
PostgreSQL database ("ours"), the project on the SQLite file of the same
catalogue ("sqlite": generate.py with the same --documents and --seed fills
both alike) and bench/floor_pg.py (the floor's JSON from psycopg, searching
with the project's full-text SQL); no Datasette, which cannot serve
PostgreSQL. Each server's requests are built from its own database's rows.
The ratios are ours(PG)/ours(SQLite) and ours/floor. --terms names the JSON
generate.py saved for the PostgreSQL database (default: the SQLite file's).

    .venv/bin/python bench/requests.py --database /tmp/perf/d100k.sqlite3 \\
        --database-url postgres://postgres@127.0.0.1:5432/bench --terms /tmp/perf/pg.terms.json

`--check` exits 1 when a budget of issue 14 is missed. The p50 of a case is the
median of its rounds' medians. On PostgreSQL the budgets are: every case at
most 1.2 times its SQLite p50, and p95 at most 10 ms for the first page of an
API search (a rare, a 1 % and a 60 % term).
"""

import argparse
import base64
import datetime
import http.client
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from run import progress
from serving import production_env
from sql import Database

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
DATASETTE = BENCH / ".venv" / "bin" / "datasette"
LEAN = "_nocount=1&_nofacet=1&_nosuggest=1"
SEARCH_SQL = (
    "select d.* from catalogue_searchentry_fts f join catalogue_searchentry e on e.id = f.rowid "
    "join catalogue_document d on d.id = e.record_id where catalogue_searchentry_fts match :q "
    "and e.record_type = 'document' and d.status = 'published' "
    "order by bm25(catalogue_searchentry_fts, 10.0, 5.0, 1.0) limit 50"
)
GUNICORN = [PYTHON, "-m", "gunicorn", "--workers", "1", "--access-logfile", "/dev/null"]
THROUGHPUT = ("api list", "api detail", "api search, rare term")


@dataclass(frozen=True)
class Budget:
    """One case's budget: most ours/rival, most ours/floor, most ms at p50 and p95."""

    rival: float | None = None
    floor: float | None = None
    p50_ms: float | None = None
    p95_ms: float | None = None


@dataclass(frozen=True)
class Mode:
    """Whom ours is set against (the rival: the first ratio), under which
    column titles, and the budgets of issue 14 that apply."""

    rival: str  # the rival's server name
    rival_label: str  # the rival in a missed budget
    columns: str  # the latency table's header row
    rate_columns: str  # the throughput table's header row
    budgets: dict[str, Budget] = field(default_factory=dict)
    default: Budget = Budget()  # the budget of a case not in `budgets`
    throughput_budget: float | None = None  # least ours/rival requests/s

    def budget(self, name):
        return self.budgets.get(name, self.default)


SQLITE = Mode(
    rival="datasette",
    rival_label="Datasette",
    columns="| request | ours/Datasette | ours/floor | ours p50 | p95 | p99 "
    "| Datasette | floor | bytes |",
    rate_columns="| requests/s at 8 connections | ours | Datasette | floor | ours/Datasette |",
    budgets={
        "api list": Budget(rival=0.5, floor=4.0),
        "api list, deep page": Budget(rival=0.5, floor=4.0),
        "api detail": Budget(rival=1.0),
        "api search, 1 % term": Budget(rival=1.0),
        "api search, 60 % term": Budget(rival=1.2),
        "document page": Budget(rival=1.0),
        "browse page": Budget(p50_ms=30.0),
        "browse page, deep": Budget(p50_ms=30.0),
        "home page": Budget(p50_ms=30.0),
        "search page, 1 % term": Budget(p50_ms=50.0),
        "search page, 60 % term": Budget(p50_ms=100.0),
    },
    throughput_budget=1.5,
)
# PostgreSQL at 100,000: every case at most 1.2 times its SQLite figure, and a
# rare and a common term both at most 10 ms p95 for the first page of results.
POSTGRES = Mode(
    rival="sqlite",
    rival_label="ours on SQLite",
    columns="| request | ours(PG)/ours(SQLite) | ours/floor | ours p50 | p95 | p99 "
    "| SQLite p50 | floor p50 | bytes |",
    rate_columns="| requests/s at 8 connections | ours (PG) | ours (SQLite) | floor "
    "| ours(PG)/ours(SQLite) |",
    budgets={
        name: Budget(rival=1.2, p95_ms=10.0)
        for name in ("api search, rare term", "api search, 1 % term", "api search, 60 % term")
    },
    default=Budget(rival=1.2),
)


def fetch(port, url, headers=None):
    """(seconds, status, body length, headers) for one GET on a fresh connection."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", url, headers={"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return time.perf_counter() - started, response.status, len(body), dict(response.getheaders())


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def facts(db, terms):
    """Identifiers and cursors the cases need, read from the catalogue itself
    (a bench/sql.py Database: the SQLite file or the PostgreSQL database), and
    the planted search terms from generate.py's JSON."""
    pk, identifier, slug, kind = db.row(
        "SELECT id, identifier, slug, kind FROM catalogue_document WHERE status = 'published' "
        "ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM catalogue_document)"
    )
    (published,) = db.row("SELECT COUNT(*) FROM catalogue_document WHERE status = 'published'")
    # The row half-way down the default order (date, title, id; undated last).
    # A cursor holds the date as text; psycopg reads a date, sqlite3 the text.
    deep = [
        value.isoformat() if isinstance(value, datetime.date) else value
        for value in db.row(
            "SELECT date_earliest, title, id FROM catalogue_document WHERE status = 'published' "
            "ORDER BY date_earliest IS NULL, date_earliest, title, id LIMIT 1 OFFSET ?",
            [min(50_000, published // 2)],
        )
    ]
    cursor = base64.urlsafe_b64encode(json.dumps({"k": deep, "r": False}).encode()).decode()

    def first(group):
        return next(iter(terms["terms"][group]))

    return {
        "documents": terms["documents"],
        "seed": terms["seed"],
        "published": published,
        "pk": pk,
        "identifier": identifier,
        "slug": slug,
        "kind": kind,
        "cursor": urllib.parse.quote(cursor),
        "ds_next": urllib.parse.quote(f"{deep[0]},{deep[2]}"),
        "floor_after": urllib.parse.quote(f"{deep[0]},{deep[1]},{deep[2]}"),
        "rare": first("rare"),
        "one": first("one_percent"),
        "sixty": first("sixty_percent"),
    }


def cases(f, db):
    """[(name, {server: url})]: what each server answers for the same request."""
    table = f"/{db}/catalogue_document"
    ds_list = f"{table}.json?status__exact=published&_sort=date_earliest&_size=50&{LEAN}"

    def ds_search(term, html=False):
        query = urllib.parse.urlencode({"sql": SEARCH_SQL, "q": term})
        return f"/{db}?{query}" if html else f"/{db}.json?{query}&_shape=array"

    def api_search(term):
        return {
            "ours": f"/api/documents/?q={term}&limit=50",
            "datasette": ds_search(term),
            "floor": f"/search?q={term}",
        }

    return [
        (
            "api list",
            {"ours": "/api/documents/?limit=50", "datasette": ds_list, "floor": "/list?limit=50"},
        ),
        (
            "api list, deep page",
            {
                "ours": f"/api/documents/?limit=50&cursor={f['cursor']}",
                "datasette": f"{ds_list}&_next={f['ds_next']}",
                "floor": f"/list?limit=50&after={f['floor_after']}",
            },
        ),
        (
            "api list, kind, by date",
            {
                "ours": f"/api/documents/?limit=50&kind={f['kind']}&ordering=-date",
                "datasette": f"{table}.json?status__exact=published&kind__exact={f['kind']}"
                f"&_sort_desc=date_earliest&_size=50&{LEAN}",
            },
        ),
        (
            "api detail",
            {
                "ours": f"/api/documents/{f['identifier']}/",
                "datasette": f"{table}/{f['pk']}.json",
                "floor": f"/detail/{f['identifier']}",
            },
        ),
        ("api detail, 304", {"ours": f"/api/documents/{f['identifier']}/"}),
        ("api search, rare term", api_search(f["rare"])),
        ("api search, 1 % term", api_search(f["one"])),
        ("api search, 60 % term", api_search(f["sixty"])),
        (
            "browse page",
            {
                "ours": "/documents/",
                "datasette": f"{table}?status__exact=published&_sort=date_earliest",
            },
        ),
        (
            "browse page, deep",
            {
                "ours": f"/documents/?after={f['cursor']}",
                "datasette": f"{table}?status__exact=published&_sort=date_earliest"
                f"&_next={f['ds_next']}",
            },
        ),
        (
            "search page, 1 % term",
            {"ours": f"/documents/?q={f['one']}", "datasette": ds_search(f["one"], html=True)},
        ),
        (
            "search page, 60 % term",
            {"ours": f"/documents/?q={f['sixty']}", "datasette": ds_search(f["sixty"], html=True)},
        ),
        ("search page, facet chosen", {"ours": f"/documents/?q={f['one']}&kind={f['kind']}"}),
        (
            "document page",
            {"ours": f"/documents/{f['slug']}/", "datasette": f"{table}/{f['pk']}"},
        ),
        ("home page", {"ours": "/", "datasette": "/"}),
    ]


def postgres_cases(on_pg, on_sqlite):
    """cases() for the PostgreSQL run: ours and the floor on PostgreSQL, and
    the project on SQLite as "sqlite", each with its own database's facts."""
    sqlite_urls = dict(cases(on_sqlite, ""))
    return [
        (
            name,
            {
                "ours": urls["ours"],
                "sqlite": sqlite_urls[name]["ours"],
                **({"floor": urls["floor"]} if "floor" in urls else {}),
            },
        )
        for name, urls in cases(on_pg, "")
    ]


def project_env(workdir, database, database_url=None):
    """The served configuration on the SQLite file, or on `database_url`;
    migrated (the database may predate a migration of this branch, an index)
    and with the static files the pages need."""
    env = {
        **production_env(workdir, database_url),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SQLITE_PATH": database,
    }
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([PYTHON, "manage.py", *command, "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    return env


def sqlite_servers(database, workdir):
    """{server: (command, environment)} for the SQLite run."""
    env = project_env(workdir, database)
    return {
        "ours": ([*GUNICORN, "archive_site.wsgi:application"], env),
        # Datasette stops a query after 1 s (its sql_time_limit_ms) with a 400; on a
        # busy machine its 60 % term passes that, and ours has no such limit.
        "datasette": (
            [str(DATASETTE), "serve", database, "-h", "127.0.0.1"]
            + ["--setting", "sql_time_limit_ms", "20000"],
            env,
        ),
        "floor": ([*GUNICORN, "bench.floor:application"], {**env, "FLOOR_SQLITE_PATH": database}),
    }


def postgres_servers(database, database_url, workdir):
    """{server: (command, environment)} for the PostgreSQL run."""
    on_pg = project_env(workdir, database, database_url)
    return {
        "ours": ([*GUNICORN, "archive_site.wsgi:application"], on_pg),
        "sqlite": ([*GUNICORN, "archive_site.wsgi:application"], project_env(workdir, database)),
        "floor": (
            [*GUNICORN, "bench.floor_pg:application"],
            {**on_pg, "FLOOR_DATABASE_URL": database_url},
        ),
    }


def start(servers, commands, workdir):
    """Start every server of `commands` on a free port (into `servers`) and
    wait until each answers."""
    processes = {}
    for name, (command, env) in commands.items():
        port = servers[name] = free_port()
        bind = ["-p", str(port)] if name == "datasette" else ["--bind", f"127.0.0.1:{port}"]
        log = open(workdir / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        processes[name] = subprocess.Popen(  # noqa: S603
            [*command, *bind], cwd=ROOT, env=env, stdout=log, stderr=log
        )
    try:
        for name, port in servers.items():
            deadline = time.monotonic() + 60
            while True:
                if processes[name].poll() is not None:
                    raise SystemExit(f"{name} stopped; see {workdir / name}.log")
                try:
                    fetch(port, "/")
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"{name} did not answer within 60 s") from None
                    time.sleep(0.3)
    except BaseException:
        stop(processes)
        raise
    return processes


def stop(processes):
    for process in processes.values():
        process.terminate()
        process.wait(timeout=10)


def expected(name, server, status, size):
    want = 304 if name.endswith("304") else 200
    if status != want or (want == 200 and size < 200):
        raise SystemExit(f"{name} on {server}: status {status}, {size} bytes (want {want})")


def time_one(port, url, headers, count):
    return [fetch(port, url, headers) for _ in range(count)]


def throughput(port, url, connections, total, seconds):
    """Requests per second with `connections` threads, stopping at `total` or `seconds`."""
    done, errors, lock = [0], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if done[0] + errors[0] >= total:
                    return
            ok = fetch(port, url)[1] == 200
            with lock:
                done[0] += ok
                errors[0] += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors[0]:
        raise SystemExit(f"{errors[0]} failed requests at {connections} connections on {url}")
    return done[0] / (time.perf_counter() - started)


def datasette_version():
    return subprocess.run(  # noqa: S603
        [str(DATASETTE), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


def environment(f, where, versions):
    """The header: when, where, what ran (`versions`: Datasette's or PostgreSQL's), what
    was served (`where`)."""
    import django

    return (
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
        f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; "
        f"Python {platform.python_version()}, "
        f"Django {django.get_version()}, SQLite {sqlite3.sqlite_version}, {versions}; "
        f"{f['documents']:,} documents in {where}; gunicorn 1 sync worker each"
    )


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(mode, results, rates, header):
    """Print the tables (Markdown) and return the missed budgets."""
    missed = []
    print(f"\n{header}\n")
    print(mode.columns)
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, by_server in results.items():
        p50 = {s: statistics.median(r["p50s"]) * 1000 for s, r in by_server.items()}
        ours = by_server["ours"]["all"]
        p95 = percentile(ours, 0.95) * 1000
        ratio_rival = p50["ours"] / p50[mode.rival] if mode.rival in p50 else None
        ratio_floor = p50["ours"] / p50["floor"] if "floor" in p50 else None
        cells = [
            f"{ratio_rival:.2f}" if ratio_rival else "—",
            f"{ratio_floor:.2f}" if ratio_floor else "—",
            f"{p50['ours']:.1f} ms",
            f"{p95:.1f}",
            f"{percentile(ours, 0.99) * 1000:.1f}",
            f"{p50[mode.rival]:.1f} ms" if mode.rival in p50 else "—",
            f"{p50['floor']:.1f} ms" if "floor" in p50 else "—",
            f"{by_server['ours']['size']:,}",
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
        budget = mode.budget(name)
        if budget.rival and ratio_rival and ratio_rival > budget.rival:
            missed.append(f"{name}: {ratio_rival:.2f} × {mode.rival_label} (budget {budget.rival})")
        if budget.floor and ratio_floor and ratio_floor > budget.floor:
            missed.append(f"{name}: {ratio_floor:.2f} × floor (budget {budget.floor})")
        if budget.p50_ms and p50["ours"] > budget.p50_ms:
            missed.append(f"{name}: {p50['ours']:.1f} ms (budget {budget.p50_ms:.0f} ms)")
        if budget.p95_ms and p95 > budget.p95_ms:
            missed.append(f"{name}: {p95:.1f} ms at p95 (budget {budget.p95_ms:.0f} ms)")
    if rates:
        print(f"\n{mode.rate_columns}")
        print("| --- | --- | --- | --- | --- |")
        for name, by_server in rates.items():
            ratio = by_server["ours"] / by_server[mode.rival]
            print(
                f"| {name} | {by_server['ours']:.0f} | {by_server[mode.rival]:.0f} | "
                f"{by_server.get('floor', 0):.0f} | {ratio:.2f} |"
            )
            least = mode.throughput_budget
            if least and ratio < least:
                missed.append(
                    f"{name}: {ratio:.2f} × {mode.rival_label}'s requests/s (budget ≥ {least})"
                )
    return missed


def ensure_datasette():
    if not DATASETTE.exists():
        print("Installing Datasette into bench/.venv", file=sys.stderr)
        subprocess.run([PYTHON, "-m", "venv", str(BENCH / ".venv")], check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [str(BENCH / ".venv/bin/python"), "-m", "pip", "install", "-q", "-r"]
            + [str(BENCH / "requirements.txt")],
            check=True,
        )


def ensure_database(path, documents):
    if not Path(path).exists():
        print(f"Generating {documents:,} documents into {path}", file=sys.stderr)
        env = {**os.environ, "DJANGO_SQLITE_PATH": path}
        subprocess.run(  # noqa: S603
            [PYTHON, str(BENCH / "generate.py"), "--documents", str(documents)], env=env, check=True
        )


def terms_of(path):
    return json.loads(Path(path).read_text())


def same_catalogue(on_pg, on_sqlite):
    """Stop unless both databases hold the catalogue of the same generate.py run."""
    keys = ("documents", "seed", "published")
    if any(on_pg[key] != on_sqlite[key] for key in keys):
        raise SystemExit(
            "The PostgreSQL database and the SQLite file hold different catalogues: "
            + ", ".join(f"{key} {on_pg[key]} and {on_sqlite[key]}" for key in keys)
        )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", help="a catalogue file from bench/generate.py")
    parser.add_argument("--documents", type=int, default=100_000, help="to generate (100,000)")
    parser.add_argument(
        "--database-url", help="PostgreSQL holding the same catalogue: the PostgreSQL run"
    )
    parser.add_argument(
        "--terms", help="generate.py's JSON for the PostgreSQL database (default: the file's)"
    )
    parser.add_argument("--quick", action="store_true", help="20,000 documents, fewer requests")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=15, help="a case, a server, a round")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=8.0, help="time cap of a load run")
    parser.add_argument("--total", type=int, default=2_000, help="requests cap of a load run")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is missed")
    args = parser.parse_args()
    if args.terms and not args.database_url:
        parser.error("--terms is for the PostgreSQL run: give --database-url too")
    if args.quick:
        args.documents, args.requests, args.seconds = 20_000, 8, 4.0
    scratch = Path(tempfile.gettempdir()) / "bench-requests"
    database = args.database or str(scratch / f"catalogue-{args.documents}.sqlite3")
    Path(database).parent.mkdir(parents=True, exist_ok=True)
    if not args.database_url:
        ensure_datasette()
    ensure_database(database, args.documents)
    sqlite_terms = Path(database).with_suffix(".terms.json")
    db = Database.sqlite(database)
    try:
        on_sqlite = facts(db, terms_of(sqlite_terms))
    finally:
        db.close()
    if args.database_url:
        mode = POSTGRES
        db = Database.postgres(args.database_url)
        try:
            f = facts(db, terms_of(args.terms or sqlite_terms))
            (version,) = db.row("SHOW server_version")
        finally:
            db.close()
        same_catalogue(f, on_sqlite)
        all_cases = postgres_cases(f, on_sqlite)
        name = urllib.parse.urlsplit(args.database_url).path.lstrip("/")
        where = f"PostgreSQL database {name} and {database}"
        versions = f"PostgreSQL {version}"
        workdir = Path(tempfile.mkdtemp(prefix="requests-bench-"))
        commands = postgres_servers(database, args.database_url, workdir)
    else:
        mode, f = SQLITE, on_sqlite
        all_cases = cases(f, Path(database).stem)
        where, versions = database, datasette_version()
        workdir = Path(tempfile.mkdtemp(prefix="requests-bench-"))
        commands = sqlite_servers(database, workdir)
    servers = {}
    processes = start(servers, commands, workdir)
    try:
        chosen = [(n, u) for n, u in all_cases if (args.only or "") in n]
        # A conditional GET sends the ETag each project server gave for the record.
        headers = {
            (name, server): {"If-None-Match": fetch(servers[server], url)[3].get("ETag", "")}
            for name, urls in chosen
            if name.endswith("304")
            for server, url in urls.items()
        }
        results = {name: {s: {"p50s": [], "all": []} for s in urls} for name, urls in chosen}
        for name, urls in chosen:  # warm every case once, and check it answers
            for server, url in urls.items():
                _s, status, size, _h = fetch(servers[server], url, headers.get((name, server)))
                expected(name, server, status, size)
                results[name][server]["size"] = size
        steps = args.rounds * len(chosen)
        for step in range(steps):
            name, urls = chosen[step % len(chosen)]
            for server, url in urls.items():  # turns: every server sees the same load
                runs = time_one(servers[server], url, headers.get((name, server)), args.requests)
                timed = [seconds for seconds, *_ in runs]
                results[name][server]["p50s"].append(statistics.median(timed))
                results[name][server]["all"] += timed
            progress(f"Round {step // len(chosen) + 1}: {name}", step + 1, steps)
        rates = {}
        for name, urls in chosen:
            if name in THROUGHPUT:
                rates[name] = {
                    s: throughput(servers[s], u, args.connections, args.total, args.seconds)
                    for s, u in urls.items()
                }
                progress(f"Load: {name}", len(rates), len(THROUGHPUT))
    finally:
        stop(processes)
    missed = report(mode, results, rates, environment(f, where, versions))
    if missed:
        print("\nBudgets missed:\n- " + "\n- ".join(missed))
    else:
        print("\nEvery budget holds.")
    if args.check and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
