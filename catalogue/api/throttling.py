"""Request rates per anonymous client (by address) and per signed-in user,
counted in the default cache (Redis when REDIS_URL is set, so every server
process shares the count; each process's memory while Redis is down, see
catalogue/cache.py). Over the rate: 429 with Retry-After."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, BaseThrottle, UserRateThrottle


def client_address(request):
    """The client's address: REMOTE_ADDR, or X-Forwarded-For past API_NUM_PROXIES proxies.

    X-Forwarded-For is read only when proxies are configured: anyone can send
    one, so trusting it by default let a client reset its own rate limit with
    every request. The login lockout (django-axes) counts by the same address.
    """
    return BaseThrottle().get_ident(request)


class SettingsRateMixin:
    # DRF binds the rates when its module is imported; read them per request
    # instead, so a deployment's (or a test's) settings are the ones in force.
    def get_rate(self):
        return settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][self.scope]


class AnonymousThrottle(SettingsRateMixin, AnonRateThrottle):
    """Anonymous clients, by address (X-Forwarded-For past API_NUM_PROXIES proxies)."""


class UserThrottle(SettingsRateMixin, UserRateThrottle):
    """Signed-in clients, by user, wherever they connect from."""
