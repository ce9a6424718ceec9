"""CPU per whole request, in one process: the cases of bench/requests.py sent
through the project's WSGI app in production settings (middleware, views,
serializers, templates and SQL included), timed with process_time(), which a
busy machine inflates far less than wall-clock time. For comparing two
checkouts of the project in turns on the same catalogue file; not part of the
test suite.

    .venv/bin/python bench/cpu.py --database /tmp/perf2/d100k.sqlite3            # this checkout
    .venv/bin/python bench/cpu.py --database ... --code /tmp/old-checkout       # another one

Prints one JSON object: {case: [median ms of CPU, status]}.
"""

import argparse
import importlib.util
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", required=True, help="a catalogue file from generate.py")
    parser.add_argument("--code", default=str(BENCH.parent), help="the checkout to time")
    parser.add_argument("--requests", type=int, default=10, help="timed requests a case")
    args = parser.parse_args()
    # This checkout's cases, for either checkout; loaded under another name, since
    # "requests" is also the HTTP library that the project's packages import.
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_requests", BENCH / "requests.py")
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    # Off the path again, with the script's own entry: bench/requests.py must not
    # stand in for the HTTP library when DRF imports it.
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH]
    f = runner.facts(args.database)
    chosen = [(name, urls["ours"]) for name, urls in runner.cases(f, Path(args.database).stem)]
    os.chdir(args.code)
    sys.path.insert(0, args.code)
    static = Path(tempfile.gettempdir()) / "bench-cpu-static"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="archive_site.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(48),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        API_THROTTLE_ANON="100000000/minute",
        API_THROTTLE_USER="100000000/minute",
        DJANGO_STATIC_ROOT=str(static),
        DJANGO_SQLITE_PATH=args.database,
    )
    warnings.filterwarnings("ignore")
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from django.test.client import RequestFactory

    call_command("collectstatic", interactive=False, verbosity=0)
    app, factory = get_wsgi_application(), RequestFactory()

    def call(url, headers):
        """(status, response headers) of one GET through the WSGI app."""
        path, _, query = url.partition("?")
        environ = factory._base_environ(
            PATH_INFO=path, QUERY_STRING=query, SERVER_NAME="127.0.0.1", **headers
        )
        answer = []
        b"".join(app(environ, lambda status, sent, exc=None: answer.append((status, dict(sent)))))
        return answer[0]

    out, etag = {}, ""
    for name, url in chosen:  # "api detail" comes before its 304 case and gives its tag
        headers = {"HTTP_IF_NONE_MATCH": etag} if name.endswith("304") else {}
        status, sent = call(url, headers)  # warm
        etag = sent.get("ETag", etag)
        timed = []
        for _ in range(args.requests):
            started = time.process_time()
            call(url, headers)
            timed.append(time.process_time() - started)
        out[name] = [round(statistics.median(timed) * 1000, 2), status]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
