"""Production settings refuse to start without real secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _start(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "archive_site.settings"},
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _start(DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="catalogue.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _start(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must list" in result.stderr


def test_production_starts_with_a_secret_key_and_allowed_hosts():
    result = _start(
        DJANGO_DEBUG="false", DJANGO_SECRET_KEY="k" * 50, DJANGO_ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr


def test_a_misspelt_boolean_is_an_error_not_a_silent_default():
    result = _start(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_default_sqlite_database_uses_wal_a_busy_timeout_and_a_64_mib_page_cache(tmp_path):
    # A reader must never see "database is locked" while an archivist saves.
    probe = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "c.execute('PRAGMA busy_timeout'); print(c.fetchone()[0]); "
        "c.execute('PRAGMA cache_size'); print(c.fetchone()[0])"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "archive_site.settings",
            "DJANGO_DEBUG": "true",
            "DJANGO_SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    mode, timeout, cache_size = result.stdout.split()
    assert mode == "wal"
    assert int(timeout) >= 5000
    # A page cache of 64 MiB a connection (negative: in KiB), not SQLite's 2 MiB.
    assert int(cache_size) == -64 * 1024


def test_redis_url_selects_the_shared_redis_cache_and_without_it_local_memory():
    probe = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'])"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    base = {**clean, "DJANGO_SETTINGS_MODULE": "archive_site.settings", "DJANGO_DEBUG": "true"}
    shared = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={**base, "REDIS_URL": "redis://127.0.0.1:6379/0"},
        capture_output=True,
        text=True,
    )
    local = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=base, capture_output=True, text=True
    )
    assert shared.stdout.strip() == "catalogue.cache.FallbackRedisCache"
    assert local.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def test_the_redis_cache_is_shared_between_processes(tmp_path):
    # Two processes with the same REDIS_URL see each other's entries: what
    # API throttling across several app servers relies on.
    def run(code):
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
        env = {
            **clean,
            "DJANGO_SETTINGS_MODULE": "archive_site.settings",
            "DJANGO_DEBUG": "true",
            "REDIS_URL": "redis://127.0.0.1:6379/15",
        }
        prefix = "import django; django.setup(); from django.core.cache import cache; "
        return subprocess.run(
            [sys.executable, "-c", prefix + code], cwd=ROOT, env=env, capture_output=True, text=True
        )

    key = f"shared-{tmp_path.name}"
    assert run(f"cache.set({key!r}, 'seen', 60)").returncode == 0
    result = run(f"print(cache.get({key!r})); cache.delete({key!r})")
    assert result.stdout.strip() == "seen", result.stderr


def _manage(*args, tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean["DJANGO_SQLITE_PATH"] = str(tmp_path / "db.sqlite3")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_code_only_commands_run_without_production_secrets(tmp_path):
    migrations = _manage("makemigrations", "--check", "--dry-run", tmp_path=tmp_path)
    assert migrations.returncode == 0, migrations.stderr
    assert "No changes detected" in migrations.stdout
    assert _manage("ingest", "--help", tmp_path=tmp_path).returncode == 0


def test_other_commands_still_refuse_without_production_secrets(tmp_path):
    result = _manage("migrate", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def _deploy_check(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    production = {
        "DJANGO_SETTINGS_MODULE": "archive_site.settings",
        "DJANGO_SECRET_KEY": "v6Jx-3kqN0pZr8Lw2Tc9Yb4Hs7Dm1Fg5Qa0Ue3Wi6Ro9Pl2Kn8Mj4Xy7Vb1Zt5Cc",
        "DJANGO_ALLOWED_HOSTS": "catalogue.example.org",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **production, **env},
        capture_output=True,
        text=True,
    )


def test_production_settings_pass_the_deploy_check_with_https_and_hsts_on_by_default():
    result = _deploy_check()
    assert result.returncode == 0, result.stderr


def test_turning_the_https_redirect_off_is_possible_and_the_deploy_check_says_so():
    # Behind a proxy that already redirects, an operator may turn it off.
    result = _deploy_check(DJANGO_SECURE_SSL_REDIRECT="false")
    assert result.returncode != 0
    assert "security.W008" in result.stderr
