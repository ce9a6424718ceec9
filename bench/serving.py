"""The environment the bench scripts serve the app in: production settings
(debug off, a throw-away secret key), plain HTTP on the loopback, no
throttling, no Redis, and the database they are given."""

import os
import secrets


def production_env(workdir, database_url=None):
    """Environment variables for manage.py and gunicorn; SQLite unless `database_url`."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on the loopback: no redirect to HTTPS.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "API_THROTTLE_ANON": "100000000/minute",
        "API_THROTTLE_USER": "100000000/minute",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
    }
    env.pop("REDIS_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env
