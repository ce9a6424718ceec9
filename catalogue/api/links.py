"""Absolute API and page URLs for records, cheap enough to make for every
link on a page of fifty records with their parties."""

from django.urls import reverse


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


_SLUG = "slug-placeholder"


def page_url(request, record):
    """The absolute URL of a record's public page.

    Like api_url, reversed once per request and type: every page address is
    its type's prefix plus the slug (slugs need no quoting), and a reverse()
    per record was a sixth of a fifty-record list's time (bench/run.py)."""
    cache = request.__dict__.setdefault("_page_prefixes", {})
    model = type(record)
    template = cache.get(model)
    if template is None:
        probe = model(slug=_SLUG)
        template = cache[model] = request.build_absolute_uri(probe.get_absolute_url())
    return template.replace(_SLUG, record.slug, 1)


def link(request, record):
    """A summary of a linked record: its type, stable identifier, name and API URL."""
    if record is None:
        return None
    return link_from(request, record._meta.model_name, record.identifier, str(record))


def link_from(request, basename, identifier, name):
    """The same summary from plain values (a values_list row); None without an identifier."""
    if identifier is None:
        return None
    return {
        "type": basename,
        "identifier": identifier,
        "name": name,
        "url": api_url(request, basename, identifier),
    }
