import pytest
from django.db.models.signals import post_delete, post_save

from catalogue.models import Collection, Repository
from catalogue.oai import tracking


@pytest.fixture(autouse=True)
def _small_pages(settings):
    settings.OAI_PAGE_SIZE = 3
    settings.OAI_REPOSITORY_IDENTIFIER = "catalogue.example.org"


@pytest.fixture
def holdings(monkeypatch, settings):
    """Repositories and collections harvested as record types with pages are,
    whether or not this branch's table has their rows yet."""
    names = tracking.harvested_names()
    extra = [m for m in (Repository, Collection) if m._meta.model_name not in names]
    monkeypatch.setattr(
        tracking, "harvested_names", lambda: names + [m._meta.model_name for m in extra]
    )
    settings.ROOT_URLCONF = "tests.oai.holdings_urls"
    tracking.connect(extra)
    yield
    for model in extra:
        post_save.disconnect(sender=model, dispatch_uid=f"oai-save-{model.__name__}")
        post_delete.disconnect(sender=model, dispatch_uid=f"oai-delete-{model.__name__}")
