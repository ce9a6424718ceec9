#!/usr/bin/env bash
# Runs the whole test suite (SQLite unless DATABASE_URL says otherwise),
# browser tests included. Installs what it needs first; safe to run again.
# With no arguments it runs on every core (pytest-xdist; TEST_WORKERS=1 for
# one process, or a number of workers); arguments (chosen tests, pytest
# options) run in one process unless TEST_WORKERS says otherwise.
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
pytest() {
  if [ "${COVERAGE:-}" = 1 ]; then
    .venv/bin/python -m coverage run -m pytest "$@"
  else
    .venv/bin/python -m pytest "$@"
  fi
}
if [ "${COVERAGE:-}" = 1 ]; then
  .venv/bin/python -m coverage erase
fi
if [ "$#" -gt 0 ]; then
  # Chosen tests: one process, unless TEST_WORKERS asks for more.
  if [ -n "${TEST_WORKERS:-}" ] && [ "$TEST_WORKERS" != 1 ]; then
    pytest -n "$TEST_WORKERS" --dist loadfile "$@"
  else
    pytest -p no:xdist "$@"
  fi
  exit
fi
# The whole suite: one worker process a core (pytest-xdist), a test file per
# worker at a time. Schemathesis makes its tests while the suite runs, which
# xdist cannot share out (it would run 2 of them, not 98): that file runs on
# its own, after.
SCHEMA_TESTS=tests/api/test_schema_fuzzing.py
if [ "${TEST_WORKERS:-}" = 1 ]; then
  pytest -p no:xdist
else
  pytest -n "${TEST_WORKERS:-auto}" --dist loadfile --ignore="$SCHEMA_TESTS"
  pytest -p no:xdist "$SCHEMA_TESTS"
fi
