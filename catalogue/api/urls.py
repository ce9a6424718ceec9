"""/api/: the browsable root, one resource per record type, the schema and its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from catalogue.downloads.views import downloads_api
from catalogue.record_types import RECORD_TYPES

from .views.docs import RedocView

app_name = "api"


class Router(DefaultRouter):
    # /api/documents/<identifier>/ only: format suffixes (.json) would make a
    # second address for every resource; ?format= and Accept do that job.
    include_format_suffixes = False


router = Router()
for record_type in RECORD_TYPES:
    router.register(record_type.url_prefix, record_type.viewset, basename=record_type.basename)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", RedocView.as_view(url_name="api:schema"), name="redoc"),
    path("downloads/", downloads_api, name="downloads"),
    path("", include(router.urls)),
]
