#!/usr/bin/env bash
# Creates the virtual environment, installs the pinned requirements, migrates
# the database and loads the seed fixtures. Idempotent: run it as often as you like.
# INSTALL_ONLY=1 stops after installing (the test command uses that).
set -euo pipefail
cd "$(dirname "$0")"
export DJANGO_DEBUG="${DJANGO_DEBUG:-true}"
requirements="${REQUIREMENTS:-requirements.txt}"
if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv"
  python3 -m venv .venv
fi
stamp=".venv/.installed-$(cat "$requirements" requirements.txt constraints.txt 2>/dev/null | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "Installing $requirements"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r "$requirements" -c constraints.txt
  touch "$stamp"
fi
if [ "${INSTALL_ONLY:-}" = 1 ]; then
  exit 0
fi
.venv/bin/python manage.py migrate --noinput
# Job bookkeeping has its own SQLite file on the embedded default (a no-op on PostgreSQL).
.venv/bin/python manage.py migrate --database jobs --noinput
# Loads the seed fixtures into an empty catalogue; leaves an edited one alone.
.venv/bin/python manage.py seed
