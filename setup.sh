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
stamp=".venv/.installed-$(cat "$requirements" requirements.txt requirements-nodeps-dev.txt constraints.txt 2>/dev/null | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "Installing $requirements"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r "$requirements" -c constraints.txt
  if [ "$requirements" = requirements-dev.txt ]; then
    .venv/bin/python -m pip install --quiet --no-deps -r requirements-nodeps-dev.txt -c constraints.txt
  fi
  touch "$stamp"
fi
# The deep-zoom viewer (OpenSeadragon) comes from the npm registry at the exact
# version in package-lock.json; its built files are copied into static/vendor/
# (gitignored). Runs in INSTALL_ONLY mode too, so the tests and CI have it.
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Node.js and npm for the viewer's JavaScript"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "The document viewer needs npm: install Debian's nodejs and npm packages." >&2
    exit 1
  fi
fi
npm_stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -f "$npm_stamp" ]; then
  echo "Installing the viewer's JavaScript (npm ci)"
  npm ci --omit=dev --no-audit --no-fund --silent
  touch "$npm_stamp"
fi
rm -rf static/vendor/openseadragon
mkdir -p static/vendor/openseadragon
cp node_modules/openseadragon/build/openseadragon/openseadragon.min.js{,.map} static/vendor/openseadragon/
cp -r node_modules/openseadragon/build/openseadragon/images static/vendor/openseadragon/
cp node_modules/openseadragon/LICENSE.txt static/vendor/openseadragon/
if [ "${INSTALL_ONLY:-}" = 1 ]; then
  exit 0
fi
.venv/bin/python manage.py migrate --noinput
# Job bookkeeping has its own SQLite file on the embedded default (a no-op on PostgreSQL).
.venv/bin/python manage.py migrate --database jobs --noinput
# Loads the seed fixtures into an empty catalogue; leaves an edited one alone.
.venv/bin/python manage.py seed
