"""The ReDoc page, from the sidecar and without web fonts, so it works offline."""

from drf_spectacular.views import SpectacularRedocView


class RedocView(SpectacularRedocView):
    template_name = "api/redoc.html"
