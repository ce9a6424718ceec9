"""The home page: how many records of each type, and the newest additions."""

from catalogue.models import Article, Document, Organisation, Person, Place

RECENT = 6

RECORD_TYPES = (Document, Article, Person, Organisation, Place)


def counts(user):
    """[(browse page URL name, label, count)] per record type: one count query each."""
    return [
        (
            f"catalogue:{model._meta.model_name}-list",
            model.plural_label(),
            model.objects.visible_to(user).count(),
        )
        for model in RECORD_TYPES
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
