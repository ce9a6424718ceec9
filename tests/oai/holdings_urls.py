"""The site's URLs, plus stand-in repository and collection pages when this
branch has none yet (the public holdings pages come with their record-type
rows; until then the OAI tests still need their addresses)."""

from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse

from archive_site import urls as site
from catalogue import urls as catalogue_urls


def _stand_in(request, slug):
    return HttpResponse(slug)


def _missing(name):
    try:
        reverse(f"catalogue:{name}-detail", kwargs={"slug": "x"}, urlconf=site)
    except NoReverseMatch:
        return True
    return False


extra = [
    path(f"{prefix}/<slug:slug>/", _stand_in, name=f"{name}-detail")
    for name, prefix in (("repository", "repositories"), ("collection", "collections"))
    if _missing(name)
]
urlpatterns = [
    *(p for p in site.urlpatterns if getattr(p, "app_name", None) != "catalogue"),
    path("", include((catalogue_urls.urlpatterns + extra, "catalogue"))),
]
