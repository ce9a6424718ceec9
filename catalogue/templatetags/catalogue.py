"""Small display helpers for the public templates."""

from django import template

register = template.Library()


@register.filter
def type_label(record):
    """'Document', 'Article', 'Person', 'Organisation', 'Place'."""
    return record._meta.verbose_name.capitalize()


@register.filter
def date_span(record):
    """The normalised span of a dated record: '1956-10-19' or '1956-01-01 to 1956-12-31'."""
    earliest, latest = record.date_earliest, record.date_latest
    if earliest is None:
        return ""
    if latest is None or latest == earliest:
        return earliest.isoformat()
    return f"{earliest.isoformat()} to {latest.isoformat()}"
