"""/api/: the browsable root, one resource per record type, the schema and its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from catalogue.downloads.views import downloads_api

from .views.articles import ArticleViewSet
from .views.authorities import OrganisationViewSet, PersonViewSet, PlaceViewSet
from .views.citations import CitationViewSet
from .views.docs import RedocView
from .views.documents import DocumentViewSet

app_name = "api"


class Router(DefaultRouter):
    # /api/documents/<identifier>/ only: format suffixes (.json) would make a
    # second address for every resource; ?format= and Accept do that job.
    include_format_suffixes = False


router = Router()
router.register("documents", DocumentViewSet, basename="document")
router.register("articles", ArticleViewSet, basename="article")
router.register("people", PersonViewSet, basename="person")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("places", PlaceViewSet, basename="place")
router.register("citations", CitationViewSet, basename="citation")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", RedocView.as_view(url_name="api:schema"), name="redoc"),
    path("downloads/", downloads_api, name="downloads"),
    path("", include(router.urls)),
]
