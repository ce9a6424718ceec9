"""What a person, organisation or place page lists: the documents they are
involved in (or, for a place, made at) and the articles naming them, in date order."""

from django.db.models import Count, F, Prefetch

from catalogue.models import (
    Article,
    Document,
    DocumentAgent,
    Person,
    PersonTitle,
    links,
)

_DATE_ORDER = (F("date_earliest").asc(nulls_last=True), "title", "pk")


def detail_queryset(model, user):
    queryset = model.objects.detail_for(user)
    if model is Person:
        queryset = queryset.prefetch_related(
            Prefetch("titles", queryset=links(PersonTitle, user).select_related("organisation"))
        )
    return queryset


def document_roles(record, user):
    """[(document, [role labels])] for a person or organisation, by document date."""
    field = record._meta.model_name  # the link's field is named after the model
    rows = (
        links(DocumentAgent, user)
        .filter(**{field: record})
        .select_related("document")
        .order_by(F("document__date_earliest").asc(nulls_last=True), "document__title", "pk")
    )
    documents = {}
    for row in rows:
        entry = documents.setdefault(row.document_id, (row.document, []))
        if row.get_role_display() not in entry[1]:
            entry[1].append(row.get_role_display())
    return list(documents.values())


def documents_made_at(place, user):
    return list(Document.objects.visible_to(user).filter(place=place).order_by(*_DATE_ORDER))


def articles_naming(record, user):
    """Articles that mention the record, with how often, by date then title."""
    field = record._meta.model_name  # the mention's field is named after the model
    return list(
        Article.objects.visible_to(user)
        .filter(mentions__in=links(record.mentions.model, user).filter(**{field: record}))
        .annotate(mention_count=Count("mentions", distinct=True))
        .defer("source_text", "body")
        .order_by(*_DATE_ORDER)
    )
