#!/usr/bin/env bash
# Sets up everything on a fresh machine and serves the seeded catalogue at
# http://127.0.0.1:8000 on the embedded SQLite database. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
export DJANGO_DEBUG="${DJANGO_DEBUG:-true}"
# The background worker (imports, download snapshots, index rebuilds, fixity
# checks) runs beside the server and stops with it: on the database queue, or
# on RQ when REDIS_URL (or JOBS_BACKEND=rq) is set; jobs_worker picks the one
# the settings name.
.venv/bin/python manage.py jobs_worker --no-reload &
worker=$!
echo "Serving the catalogue at http://127.0.0.1:${PORT:-8000}/ (admin at /admin/, API at /api/, downloads at /downloads/)"
.venv/bin/python manage.py runserver "127.0.0.1:${PORT:-8000}" &
server=$!
# Ctrl-C, a TERM to this script, or either process ending stops both.
trap 'kill "$worker" "$server" 2>/dev/null || true' EXIT INT TERM
wait -n "$worker" "$server"
