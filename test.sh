#!/usr/bin/env bash
# Runs the whole test suite (SQLite unless DATABASE_URL says otherwise),
# browser tests included. Installs what it needs first; safe to run again.
# COVERAGE=1 runs it under coverage (branch coverage, pyproject.toml); then
# `.venv/bin/python -m coverage report` prints the figures.
set -euo pipefail
cd "$(dirname "$0")"
INSTALL_ONLY=1 REQUIREMENTS=requirements-dev.txt ./setup.sh
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium for the browser tests"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need /usr/bin/chromium: install Debian's chromium package." >&2
    exit 1
  fi
fi
if [ "${COVERAGE:-}" = 1 ]; then
  exec .venv/bin/python -m coverage run -m pytest "$@"
fi
exec .venv/bin/python -m pytest "$@"
