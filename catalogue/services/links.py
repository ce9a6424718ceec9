"""Create, change and delete link rows: citations, mentions, statements, a
document's parties, relations and excerpts.

Link rows have no version column; a change names the digest of the row the
caller read (`records.version_of`), compared under the same row lock as a
record's version (`records.check_version`).
"""

from collections.abc import Mapping
from typing import Any

from django.db import models, transaction

from .records import Version, check_version, record_delete, save_row


@transaction.atomic
def link_create(*, link: models.Model, reason: str | None = None) -> models.Model:
    """Store the new, unsaved `link`; returns it."""
    return save_row(link, reason)


@transaction.atomic
def link_update(
    *,
    link: models.Model,
    changes: Mapping[str, Any],
    expected: Version | None,
    reason: str | None = None,
) -> models.Model:
    """Apply `changes` to `link` in one save, refused with StaleVersionError
    unless the stored row is still the one read (`expected` None: overwrite).
    A link not stored yet (an admin inline's new row) is simply saved."""
    check_version(record=link, expected=expected)
    for name, value in changes.items():
        setattr(link, name, value)
    return save_row(link, reason)


def link_delete(*, link: models.Model, expected: Version | None) -> None:
    """Delete `link`, refused as link_update is when it changed since it was read."""
    record_delete(record=link, expected_version=expected)
