"""Settings for the archival catalogue, read from the environment.

One file for every deployment. Local defaults are safe and need no set-up
(SQLite beside the project, debug off unless asked for); production refuses
to start without a real secret key and allowed hosts.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

# A key that only ever signs local development sessions. Production (debug
# off) refuses it below, so it can never sign a real cookie.
DEV_SECRET_KEY = "insecure-local-development-key-not-for-production"  # noqa: S105
SECRET_KEY = env_str("DJANGO_SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
# Set by the test runner (pyproject.toml, pytest-env): the tests set their own
# safe values, and the production checks below would only get in their way.
TESTING = env_bool("DJANGO_TESTING", False)
# Set by manage.py for the commands that only read or build the code base
# (migrations, the system check, the fixture build, any --help): they run on a
# developer's or CI machine without the production secrets. Serving, and
# every other command, needs them.
CODE_ONLY = env_bool("DJANGO_CODE_ONLY", False)

if not DEBUG and not TESTING and not CODE_ONLY:
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random string of at least 32 characters "
            "when DJANGO_DEBUG is off (production mode)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS must list the host names this site answers to "
            "when DJANGO_DEBUG is off (production mode)."
        )

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "catalogue",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the request's user on every history row written during it.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Public pages: Content-Security-Policy, and ETags that differ for staff
    # and everyone else so a conditional GET answers 304 only to the same kind
    # of reader. Last, so it sees the page as rendered.
    "catalogue.middleware.PublicPageHeadersMiddleware",
]

ROOT_URLCONF = "archive_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "catalogue.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "archive_site.wsgi.application"

# Database: SQLite beside the project unless DATABASE_URL names another.
SQLITE_PATH = Path(env_str("DJANGO_SQLITE_PATH", str(BASE_DIR / "db.sqlite3")))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SQLITE_PATH}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while an archivist's save holds the write lock;
    # IMMEDIATE transactions and a busy timeout make writers queue instead of
    # failing with "database is locked".
    # Each connection's page cache, in MiB (SQLite's default is 2): kept in the
    # process, it holds the upper levels of the big tables' and the full-text
    # index's trees between requests. Left to the operating system's file cache
    # alone they were read again from disk wherever memory is reclaimed from
    # idle files (this machine's kernel does, proactively): at 1,000,000
    # documents a search's time doubled between runs.
    _cache_kib = env_int("DJANGO_SQLITE_CACHE_MB", 64) * 1024
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            f"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{_cache_kib};"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Kept open between requests as on PostgreSQL (DATABASE_CONN_MAX_AGE): opening
    # the file and running the PRAGMAs above cost each request about 3 ms, a
    # quarter of an API detail's time (bench/requests.py, issue 14).

# Job bookkeeping (the task queue and each job's progress and heartbeat) is
# written on its own connection, "jobs", so that a running import can report
# progress while its all-or-nothing transaction holds the catalogue's write
# lock. On PostgreSQL it is a second connection to the same database; SQLite
# locks the whole file, so there it is a small file of its own beside it.
JOBS_DATABASE_SEPARATE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
DATABASES["jobs"] = dict(DATABASES["default"])
if JOBS_DATABASE_SEPARATE:
    _jobs_file = SQLITE_PATH.with_name(SQLITE_PATH.stem + "-jobs" + SQLITE_PATH.suffix)
    DATABASES["jobs"]["NAME"] = str(Path(env_str("DJANGO_JOBS_SQLITE_PATH", str(_jobs_file))))
    if TESTING:
        # Test databases in files, not in memory, so that the worker tests can
        # start a real worker process on them (tests/jobs/).
        _test_files = Path(tempfile.gettempdir()) / f"catalogue-test-{os.getpid()}"
        DATABASES["default"]["TEST"] = {"NAME": f"{_test_files}.sqlite3"}
        DATABASES["jobs"]["TEST"] = {"NAME": f"{_test_files}-jobs.sqlite3"}
else:
    DATABASES["jobs"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["catalogue.jobs.routers.JobsRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, shared by every server and worker machine: the cache (below) and,
# unless JOBS_BACKEND says otherwise, the job queue.
REDIS_URL = env_str("REDIS_URL")

# Background jobs through the Tasks API (django-tasks, Django 6's API on 5.2).
# The database backend (django-tasks-db) needs no other server; with REDIS_URL
# set the queue is RQ on Redis (django-tasks-rq), which workers on several
# machines share. `manage.py jobs_worker` runs the right worker for either.
# Tests run jobs at once in the request unless JOBS_BACKEND says otherwise (the
# worker tests start a real worker process).
JOBS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
JOBS_BACKEND = env_str(
    "JOBS_BACKEND", "immediate" if TESTING else ("rq" if REDIS_URL else "database")
)
if JOBS_BACKEND not in JOBS_BACKENDS:
    raise ImproperlyConfigured(
        f"JOBS_BACKEND must be one of {', '.join(JOBS_BACKENDS)}, not {JOBS_BACKEND!r}"
    )
TASKS = {"default": {"BACKEND": JOBS_BACKENDS[JOBS_BACKEND]}}
# RQ's queue (django-rq), in JOBS_REDIS_URL's database (REDIS_URL's by default).
# A job RQ would stop after JOBS_RQ_TIMEOUT seconds: far longer than any import,
# since a stopped import is a lost import (RQ's own default is 3 minutes).
RQ_QUEUES = {
    "default": {
        "URL": env_str("JOBS_REDIS_URL", REDIS_URL or "redis://127.0.0.1:6379/0"),
        "DEFAULT_TIMEOUT": env_int("JOBS_RQ_TIMEOUT", 6 * 3600),
    }
}
if JOBS_BACKEND == "rq":
    # The worker command (rqworker) and RQ's queue page for superusers in the admin.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
# A running job writes a heartbeat every JOB_HEARTBEAT_SECONDS; one silent for
# JOB_HEARTBEAT_TIMEOUT seconds is taken to have lost its worker and is failed.
JOB_HEARTBEAT_SECONDS = env_int("JOB_HEARTBEAT_SECONDS", 5)
JOB_HEARTBEAT_TIMEOUT = env_int("JOB_HEARTBEAT_TIMEOUT", 60)

# Public bulk downloads (catalogue/downloads/): dated snapshots under
# MEDIA_ROOT/downloads/, the newest DOWNLOADS_KEEP of them kept.
DOWNLOADS_KEEP = env_int("DOWNLOADS_KEEP", 5)
DOWNLOADS_LICENCE = env_str("DOWNLOADS_LICENCE", "CC-BY-4.0")

# Cache: Redis shared by every server process when REDIS_URL is set,
# otherwise one process's local memory.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "catalogue"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Without collectstatic (local runs, tests) whitenoise reads files where the
# finders find them, checked on each request; a missing STATIC_ROOT is then no
# reason to warn. Production serves the collected, hashed files.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

# Uploaded scans: refuse anything larger than this before Pillow opens it.
MAX_IMAGE_UPLOAD_BYTES = env_int("MAX_IMAGE_UPLOAD_BYTES", 40 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG and not TESTING:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The public pages' Content-Security-Policy: no inline script or style, nothing
# from other sites. /admin/ and /api/ (docs page) manage their own.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
CSP_EXEMPT_PATH_PREFIXES = ("/admin/", "/api/", "/healthz")
# The API's answers (JSON, JSON-LD, citation files, errors) are data: they may
# load and run nothing, and nobody frames them.
API_PATH_PREFIX = "/api/"
API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"
# Its HTML pages (browsable API, Swagger UI, ReDoc) load only this site's
# scripts; their styles are partly inline and ReDoc searches in a worker.
API_PAGES_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
CATALOGUE_SITE_NAME = env_str("CATALOGUE_SITE_NAME", "Archival catalogue")

# OAI-PMH (catalogue/oai/): the repository identifier in every OAI identifier
# (oai:<this>:document/doc-1a2b3c4d; empty: the host the request names), the
# contact harvesters are shown, records per page, and how long a resumption
# token stays valid.
OAI_REPOSITORY_IDENTIFIER = env_str("OAI_REPOSITORY_IDENTIFIER", "")
OAI_ADMIN_EMAIL = env_str("OAI_ADMIN_EMAIL", "archivist@example.org")
OAI_PAGE_SIZE = env_int("OAI_PAGE_SIZE", 100)
OAI_TOKEN_SECONDS = env_int("OAI_TOKEN_SECONDS", 24 * 60 * 60)

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# The API (catalogue/api/). Token authentication comes first so that an
# anonymous write is answered 401 with a WWW-Authenticate challenge; the
# browsable API signs in with the session (and its CSRF check).
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "catalogue.api.schema.CatalogueAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "catalogue.api.permissions.ModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": [
        "catalogue.api.throttling.AnonymousThrottle",
        "catalogue.api.throttling.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "120/minute"),
        "user": env_str("API_THROTTLE_USER", "1200/minute"),
    },
    # How many proxies stand in front of the app: the client's address is
    # then read from X-Forwarded-For, so throttling counts clients, not the
    # load balancer. 0 (the default): X-Forwarded-For is ignored, since any
    # client can send one; REMOTE_ADDR is the client.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0),
    # JSON bodies within DATA_UPLOAD_MAX_MEMORY_SIZE and 32 levels of nesting.
    "DEFAULT_PARSER_CLASSES": [
        "catalogue.api.parsers.LimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "catalogue.api.errors.exception_handler",
    "URL_FORMAT_OVERRIDE": "format",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Archival catalogue API",
    "DESCRIPTION": (
        "Published documents, articles, people, organisations, places and citations of "
        "the catalogue. Anonymous clients read published records; authenticated clients "
        "with model permissions write, with If-Match on every change."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Read and write shapes differ (links are objects when read, identifiers when written).
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "catalogue.models.base.Status",
        "DocumentKindEnum": "catalogue.models.documents.Document.Kind",
        "OrganisationKindEnum": "catalogue.models.authorities.Organisation.Kind",
        "PlaceKindEnum": "catalogue.models.authorities.Place.Kind",
        "CitationKindEnum": "catalogue.models.citations.Citation.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

# --- Operations: degrade instead of breaking, login throttling, HTTPS (issue 17 B) ---

# A Redis outage must not break the site: this backend serves from each
# process's memory meanwhile, logs a warning, and goes back to Redis by itself.
if REDIS_URL:
    CACHES["default"]["BACKEND"] = "catalogue.cache.FallbackRedisCache"

# Login throttling (django-axes) on the admin sign-in: after AXES_FAILURE_LIMIT
# failures for one username from one address, that pair is refused for
# AXES_COOLOFF_MINUTES. Keyed on the pair, so a stranger elsewhere cannot lock
# an archivist out, and the lock lifts by itself; `manage.py axes_reset` lifts
# it at once. The address is the one the API throttle uses (API_NUM_PROXIES).
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "catalogue.login_throttle.WebLoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Failures during a lockout do not prolong it: it always ends after the cool-off.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "catalogue.api.throttling.client_address"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# HTTPS in production: redirect plain HTTP and send HSTS, both on by default
# with debug off and settable for a site behind a proxy that already does it.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG and not TESTING)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG or TESTING else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG and not TESTING)
# Scans: the pixels one admin save may upload together (each file is also
# held to Pillow's limit, about 89 megapixels). 350 MP: ten A4 pages at 600 dpi.
MAX_SCAN_PIXELS_PER_REQUEST = env_int("MAX_SCAN_PIXELS_PER_REQUEST", 350_000_000)

# /healthz is asked over plain HTTP by load balancers inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
