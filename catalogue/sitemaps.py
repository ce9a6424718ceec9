"""sitemap.xml: published records only, with their last change."""

from django.contrib.sitemaps import Sitemap

from catalogue.record_types import with_pages


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


SITEMAPS = {record_type.url_prefix: _sitemap(record_type.model) for record_type in with_pages()}
