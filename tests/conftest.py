import pytest
from django.db.models.signals import post_migrate


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded scans and thumbnails go to a throw-away folder per test.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    # Cached facet counts and throttle counts must not pass from one test to the next
    # (the database is rolled back, the local-memory cache is not).
    from django.core.cache import cache

    cache.clear()


# The roles (the Archivist and Editor groups and their permissions) are made by
# data migrations. A transactional test ends by emptying every table; Django
# then makes the content types and permissions again (post_migrate), and this
# gives the roles back as the migrations left them, so that the tests after it
# find the database as `migrate` leaves it, in whatever order xdist runs them.
_ROLES: dict[str, list[tuple[str, str]]] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.contrib.auth.models import Group

    with django_db_blocker.unblock():
        for group in Group.objects.prefetch_related("permissions__content_type"):
            _ROLES[group.name] = [
                (permission.content_type.app_label, permission.codename)
                for permission in group.permissions.all()
            ]


def _roles_back(sender, using, **kwargs):
    from django.contrib.auth.models import Group, Permission
    from django.db import router

    if sender.name != "catalogue" or not _ROLES or not router.allow_migrate_model(using, Group):
        return  # after the catalogue's own permissions are made, where the groups live

    for name, natural_keys in _ROLES.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        apps = {app for app, _ in natural_keys}
        permissions = [
            permission
            for permission in Permission.objects.using(using)
            .filter(content_type__app_label__in=apps)
            .select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in natural_keys
        ]
        group.permissions.set(permissions)


post_migrate.connect(_roles_back, dispatch_uid="tests-roles-back")
