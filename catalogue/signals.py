"""Keep the search index current: every save, delete or status change of a
record rewrites its entry in the same transaction, so a search made right
after sees the edit. Raw saves (loaddata, `manage.py seed`) are indexed too;
`manage.py rebuild_search_index` is for writes that send no signal at all
(bulk_create, QuerySet.update of text fields)."""

from django.db.models.signals import post_delete, post_save

from .models import Document, DocumentAgent, DocumentExcerpt
from .record_types import searchable, with_pages
from .search_backends.indexing import index_records, record_type_of, unindex
from .selectors import facet_cache


def record_saved(sender, instance, **kwargs):
    index_records([instance])


def record_deleted(sender, instance, **kwargs):
    unindex(record_type_of(instance), [instance.pk])


def excerpt_changed(sender, instance, **kwargs):
    # A document is found by its excerpts' words. During loaddata an excerpt
    # may arrive before its document; the document's own save indexes both.
    document = Document.objects.filter(pk=instance.document_id).first()
    if document is not None:
        index_records([document])


def connect():
    for model in (record_type.model for record_type in searchable()):
        post_save.connect(record_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(
            record_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}"
        )
    # Facet counts group records and documents' parties: any write makes them stale.
    for model in [record_type.model for record_type in with_pages()] + [DocumentAgent]:
        for signal in (post_save, post_delete):
            signal.connect(facet_cache.bump, sender=model, dispatch_uid=f"facets-{model.__name__}")
    post_save.connect(excerpt_changed, sender=DocumentExcerpt, dispatch_uid="search-excerpt-save")
    post_delete.connect(
        excerpt_changed, sender=DocumentExcerpt, dispatch_uid="search-excerpt-delete"
    )
