"""A Redis cache that degrades to this process's memory while Redis is away.

The cache holds throttle counts and cached fragments: losing it for a while
must cost precision (each server process counts for itself), never answers.
Django's own RedisCache raises on every call when Redis is unreachable, which
made every API request a 500. This backend catches Redis errors, logs one
warning per `RETRY_SECONDS`, serves from a local-memory cache meanwhile, and
tries Redis again after that interval, so it recovers by itself.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# The calls DRF, sessions and our code make; each gets the same fallback.
_DELEGATED = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)


class FallbackRedisCache(RedisCache):
    """RedisCache that answers from local memory, with a logged warning, while Redis is down."""

    # Seconds between attempts to reach Redis again once it failed (and
    # between warnings): a dead Redis must not cost a connect on every call.
    RETRY_SECONDS = 10.0

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        # Fail fast: an unreachable host must not hold a request for the
        # operating system's connect timeout.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._fallback = LocMemCache(f"fallback-{id(self)}", {"TIMEOUT": params.get("TIMEOUT")})
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def degraded(self):
        """True while calls are being served from local memory."""
        return time.monotonic() < self._down_until

    def ping(self):
        """Return True if Redis answers now (the health check asks this directly)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError:
            return False

    def _failed(self, name, exc):
        with self._lock:
            if self.degraded:
                return
            self._down_until = time.monotonic() + self.RETRY_SECONDS
        logger.warning(
            "Redis cache unreachable (%s: %s); serving %s() and the rest from this "
            "process's memory for %.0f s",
            type(exc).__name__,
            exc,
            name,
            self.RETRY_SECONDS,
        )

    def _call(self, name, *args, **kwargs):
        if not self.degraded:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except RedisError as exc:
                self._failed(name, exc)
        return getattr(self._fallback, name)(*args, **kwargs)


def _delegate(name):
    def method(self, *args, **kwargs):
        return self._call(name, *args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"RedisCache.{name}(), or the local fallback's while Redis is down."
    return method


for _name in _DELEGATED:
    setattr(FallbackRedisCache, _name, _delegate(_name))
