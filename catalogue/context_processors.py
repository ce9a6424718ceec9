"""What every public page's layout needs: the site name and whether the
reader is staff (to mark drafts)."""

from django.conf import settings

from .middleware import is_staff_reader


def site(request):
    return {"site_name": settings.CATALOGUE_SITE_NAME, "is_staff_reader": is_staff_reader(request)}
