"""Request rates per anonymous client (by address) and per signed-in user,
counted in the default cache (Redis when REDIS_URL is set, so every server
process shares the count). Over the rate: 429 with Retry-After."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class SettingsRateMixin:
    # DRF binds the rates when its module is imported; read them per request
    # instead, so a deployment's (or a test's) settings are the ones in force.
    def get_rate(self):
        return settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][self.scope]


class AnonymousThrottle(SettingsRateMixin, AnonRateThrottle):
    """Anonymous clients, by address (X-Forwarded-For past API_NUM_PROXIES proxies)."""


class UserThrottle(SettingsRateMixin, UserRateThrottle):
    """Signed-in clients, by user, wherever they connect from."""
