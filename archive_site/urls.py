"""Top-level URLs: the public catalogue, the API and the admin."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from catalogue.oai.views import oai_endpoint
from catalogue.sitemaps import SITEMAPS
from catalogue.views import robots_txt
from catalogue.views.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("healthz", healthz, name="healthz"),
    path("downloads/", include("catalogue.downloads.urls")),
    path("iiif/", include("catalogue.iiif.urls")),
    path("oai/", oai_endpoint, name="oai"),
    path("api/", include("catalogue.api.urls")),
    path("", include("catalogue.urls")),
]

# JSON under /api/, pages elsewhere; a database outage is a 503 (catalogue/views/errors.py).
handler400 = "catalogue.views.errors.bad_request"
handler404 = "catalogue.views.errors.not_found"
handler500 = "catalogue.views.errors.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
