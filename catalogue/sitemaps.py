"""sitemap.xml: published records only, with their last change."""

from django.contrib.sitemaps import Sitemap

from catalogue.models import Article, Document, Organisation, Person, Place


class RecordSitemap(Sitemap):
    model = None
    limit = 5_000

    def items(self):
        # Only what an anonymous reader can open; ordered so pages are stable.
        return self.model.objects.published().only("slug", "modified").order_by("pk")

    def lastmod(self, record):
        return record.modified


def _sitemap(record_model):
    return type(f"{record_model.__name__}Sitemap", (RecordSitemap,), {"model": record_model})


SITEMAPS = {
    "documents": _sitemap(Document),
    "articles": _sitemap(Article),
    "people": _sitemap(Person),
    "organisations": _sitemap(Organisation),
    "places": _sitemap(Place),
}
