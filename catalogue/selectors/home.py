"""The home page: how many records of each type, and the newest additions."""

from catalogue.models import Article, Document
from catalogue.record_types import with_pages

from .listing import capped_count, count_display

RECENT = 6


def counts(user):
    """[(browse page URL name, label, count as shown)] per record type: one query each,
    counting up to COUNT_CAP as the browse pages do, so the home page costs the
    same at any size."""
    return [
        (
            f"catalogue:{record_type.name}-list",
            record_type.label,
            count_display(*capped_count(record_type.model.objects.visible_to(user))),
        )
        for record_type in with_pages()
    ]


def recently_added(user):
    """The newest documents and articles together, newest first."""
    documents = list(
        Document.objects.visible_to(user)
        .select_related("place")
        .order_by("-created", "-pk")[:RECENT]
    )
    articles = list(
        Article.objects.visible_to(user)
        .defer("source_text", "body")
        .order_by("-created", "-pk")[:RECENT]
    )
    records = sorted(documents + articles, key=lambda r: r.created, reverse=True)
    return records[:RECENT]
