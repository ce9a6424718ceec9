"""The site's URLs, plus stand-in repository and collection pages when this
branch has none yet (the public holdings pages come with their record-type
rows; until then the OAI tests still need their addresses)."""

from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse

from archive_site import urls as site
from catalogue import urls as catalogue_urls
from catalogue import views
from catalogue.models import Collection, Repository


def _stand_in(request, slug):
    return HttpResponse(slug)


def _missing(name):
    try:
        reverse(f"catalogue:{name}-detail", kwargs={"slug": "x"}, urlconf=site)
    except NoReverseMatch:
        return True
    return False


extra = []
for model, prefix in ((Repository, "repositories"), (Collection, "collections")):
    name = model._meta.model_name
    if _missing(name):
        extra += [
            path(f"{prefix}/<slug:slug>/", _stand_in, name=f"{name}-detail"),
            path(
                f"{prefix}/<slug:slug>/export.<str:fmt>.xml",
                views.xml_download,
                {"model": model},
                name=f"{name}-export",
            ),
        ]
urlpatterns = [
    *(p for p in site.urlpatterns if getattr(p, "app_name", None) != "catalogue"),
    path("", include((catalogue_urls.urlpatterns + extra, "catalogue"))),
]
