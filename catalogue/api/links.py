"""Absolute API and page URLs for records, cheap enough to make for every
link on a page of fifty records with their parties."""

from django.urls import reverse

BASENAMES = {
    "document": "documents",
    "article": "articles",
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "citation": "citations",
}


def api_url(request, basename, key):
    """The absolute URL of the `basename` resource `key` (identifier, or id for citations).

    The list URL is reversed once per request and type; every detail URL is
    that prefix plus the key, which is what the router's pattern is.
    """
    cache = request.__dict__.setdefault("_api_prefixes", {})
    prefix = cache.get(basename)
    if prefix is None:
        prefix = cache[basename] = request.build_absolute_uri(reverse(f"api:{basename}-list"))
    return f"{prefix}{key}/"


def page_url(request, record):
    """The absolute URL of a record's public page."""
    return request.build_absolute_uri(record.get_absolute_url())


def link(request, record):
    """A summary of a linked record: its type, stable identifier, name and API URL."""
    if record is None:
        return None
    basename = record._meta.model_name
    return {
        "type": basename,
        "identifier": record.identifier,
        "name": str(record),
        "url": api_url(request, basename, record.identifier),
    }
