"""Keep the search index current: every save, delete or status change of a
record rewrites its entry in the same transaction, so a search made right
after sees the edit. Raw saves (loaddata, `manage.py seed`) are indexed too;
`manage.py rebuild_search_index` is for writes that send no signal at all
(bulk_create, QuerySet.update of text fields)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from .iiif.tiles import remove_tiles
from .models import Document, DocumentAgent, DocumentExcerpt, DocumentImage
from .record_types import RECORD_TYPES, searchable, with_pages
from .search_backends.indexing import index_records, record_type_of, unindex
from .selectors import facet_cache


def record_saved(sender, instance, **kwargs):
    if getattr(instance, "_skip_search_index", False):
        return  # an import preview's save, rolled back anyway (admin/resources.py)
    index_records([instance])


def record_deleted(sender, instance, **kwargs):
    unindex(record_type_of(instance), [instance.pk])


def excerpt_changed(sender, instance, **kwargs):
    # A document is found by its excerpts' words. During loaddata an excerpt
    # may arrive before its document; the document's own save indexes both.
    document = Document.objects.filter(pk=instance.document_id).first()
    if document is not None:
        index_records([document])


def scan_deleted(sender, instance, **kwargs):
    # Its IIIF tiles go too, once the deletion is committed (by then the
    # instance's pk has been set to None, so it is read now).
    image_id = instance.pk
    transaction.on_commit(lambda: remove_tiles(image_id))


def connect():
    for model in (record_type.model for record_type in searchable()):
        post_save.connect(record_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(
            record_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}"
        )
    # Facet counts group records and documents' parties: a write makes them
    # stale, but for a record's save that changed only its long texts.
    for model in [record_type.model for record_type in with_pages()]:
        post_save.connect(
            facet_cache.bump_after_save, sender=model, dispatch_uid=f"facets-{model.__name__}"
        )
    for model in [record_type.model for record_type in with_pages()] + [DocumentAgent]:
        post_delete.connect(
            facet_cache.bump, sender=model, dispatch_uid=f"facets-delete-{model.__name__}"
        )
    post_save.connect(facet_cache.bump, sender=DocumentAgent, dispatch_uid="facets-DocumentAgent")
    post_save.connect(excerpt_changed, sender=DocumentExcerpt, dispatch_uid="search-excerpt-save")
    post_delete.connect(
        excerpt_changed, sender=DocumentExcerpt, dispatch_uid="search-excerpt-delete"
    )

    # A person, organisation or place created or given a new name is linked in every
    # text already ingested (catalogue.services.candidates.relink_new_names).
    from .services.candidates import names_before_save, relink_new_names

    for model in (t.model for t in RECORD_TYPES if t.authority):
        pre_save.connect(names_before_save, sender=model, dispatch_uid=f"names-{model.__name__}")
        post_save.connect(relink_new_names, sender=model, dispatch_uid=f"relink-{model.__name__}")

    post_delete.connect(scan_deleted, sender=DocumentImage, dispatch_uid="iiif-scan-delete")

    # OAI-PMH remembers every published record, and when it went (catalogue/oai/tracking.py).
    from .oai import tracking

    tracking.connect()
