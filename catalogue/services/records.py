"""Create, change, delete and publish catalogue records: the one write path of
the admin, the API, the import and the commands.

Each function owns its transaction, checks the version the caller read under
a row lock (`check_version`, the only place that comparison is made), and
writes fields, status and many-to-many links in one save, so one change is
one new version and one history row.
"""

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models, transaction

from ..models import Status
from ..models.base import CatalogueRecord

# A stored row's version: the record's version number, or for link rows
# (citations), which have no version column, a digest of their stored fields.
Version = int | str
Row = TypeVar("Row", bound=models.Model)


class StaleVersionError(Exception):
    """The record changed (or went) since the caller read it; saving would overwrite that."""

    def __init__(self, record: models.Model, expected: Version, current: Version | None) -> None:
        self.record, self.expected, self.current = record, expected, current
        name = f"{str(record._meta.verbose_name).capitalize()} \u201c{record}\u201d"
        if current is None:
            message = f"{name} was deleted by someone else since you opened it."
        elif isinstance(current, int):
            message = (
                f"{name} was changed by someone else since you opened it (you edited version "
                f"{expected}, it is now at version {current})."
            )
        else:
            message = f"{name} was changed by someone else since you opened it."
        super().__init__(f"{message} Your changes were not saved.")


def publish_permission(model: type[models.Model]) -> str:
    """The permission codename, app-qualified, that publishing a record of this model needs."""
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def can_publish(user: Any, model: type[models.Model]) -> bool:
    return user is not None and user.has_perm(publish_permission(model))


def version_of(row: models.Model) -> Version:
    """The version number of a record; for a row without one, a digest of its stored fields."""
    version = getattr(row, "version", None)
    if version is not None:
        return int(version)
    values = [(f.attname, str(getattr(row, f.attname))) for f in row._meta.concrete_fields]
    return "h" + hashlib.sha256(repr(values).encode()).hexdigest()[:20]


def check_version(*, record: Row, expected: Version | None) -> Row | None:
    """Lock `record`'s stored row and return it (None for a new record).

    Raises StaleVersionError when the stored row is gone, or when `expected`
    is given and the stored row is not at that version (`expected` None:
    overwrite on purpose). Inside a transaction (every service runs in one)
    the lock is held until it ends, so two saves from the same version cannot
    both pass.
    """
    if record.pk is None:
        return None
    rows = type(record)._default_manager.filter(pk=record.pk)
    if connection.in_atomic_block:
        # Outside a transaction no lock could outlive this query (a form checked on its own).
        rows = rows.select_for_update()
    if hasattr(record, "version"):
        # A record's version and status are all a write compares; its long texts stay put.
        rows = rows.only("version", "status")
    stored = rows.first()
    if stored is None:
        raise StaleVersionError(record, expected or "", None)
    if expected is not None and version_of(stored) != expected:
        raise StaleVersionError(record, expected, version_of(stored))
    return stored


def save_row(row: Row, reason: str | None) -> Row:
    """Save `row` once, its history row carrying `reason`; returns it."""
    # django-simple-history reads the reason from the instance as it saves.
    row._change_reason = reason  # type: ignore[attr-defined]
    row.save()
    return row


def _check_status(*, record: models.Model, status: str, user: Any) -> None:
    if status not in Status.values:
        raise ValueError(f"Unknown status {status!r}")
    if user is not None and not can_publish(user, type(record)):
        raise PermissionDenied(
            f"You do not have permission to publish {record._meta.verbose_name_plural}."
        )
    if status == Status.PUBLISHED:
        problems = record.publication_problems()  # type: ignore[attr-defined]
        if problems:
            raise ValidationError(
                f"{str(record._meta.verbose_name).capitalize()} \u201c{record}\u201d cannot be "
                f"published: {'; '.join(problems)}."
            )


def _cascade_unpublish(record: models.Model) -> None:
    """Take back to draft what may only be published under `record` (a repository's
    or a collection's published units below it), each with its own history row."""
    for dependent in record.published_dependents():  # type: ignore[attr-defined]
        dependent.status = Status.DRAFT
        save_row(dependent, f"Unpublished with \u201c{record}\u201d")


def _set_many(record: models.Model, many: Mapping[str, Iterable[models.Model]]) -> None:
    for name, values in many.items():
        getattr(record, name).set(values)


@transaction.atomic
def record_create(
    *,
    record: CatalogueRecord,
    many: Mapping[str, Iterable[models.Model]] | None = None,
    status: str = Status.DRAFT,
    user: Any = None,
    reason: str | None = None,
) -> CatalogueRecord:
    """Store the new, unsaved `record` with its many-to-many links; returns it.

    A record created as published needs the publish permission (`user` None:
    a command, trusted). Version 1, one history row.
    """
    if status != Status.DRAFT:
        _check_status(record=record, status=status, user=user)
    record.status = status
    save_row(record, reason)
    _set_many(record, many or {})
    return record


@transaction.atomic
def record_update(
    *,
    record: CatalogueRecord,
    changes: Mapping[str, Any],
    expected_version: Version | None,
    many: Mapping[str, Iterable[models.Model]] | None = None,
    status: str | None = None,
    user: Any = None,
    reason: str | None = None,
) -> CatalogueRecord:
    """Apply `changes` (fields), `many` (links) and `status` to `record` in one save.

    Refused with StaleVersionError unless the stored record is at
    `expected_version` (None: overwrite on purpose). `status` None keeps the
    stored status, whatever the instance holds (a restored old version, say);
    a different status needs the publish permission. Returns the record at its
    new version.
    """
    stored = check_version(record=record, expected=expected_version)
    for name, value in changes.items():
        setattr(record, name, value)
    if stored is not None:
        if status is not None and status != stored.status:
            _check_status(record=record, status=status, user=user)
            reason = reason or f"Status set to {status}"
        record.status = stored.status if status is None else status
    # Links first: the one save below then writes the one history row of the change.
    _set_many(record, many or {})
    save_row(record, reason)
    if stored is not None and stored.status == Status.PUBLISHED != record.status:
        _cascade_unpublish(record)
    return record


@transaction.atomic
def record_delete(*, record: models.Model, expected_version: Version | None) -> None:
    """Delete `record` (or a link row), refused as an update is when it changed
    since `expected_version`."""
    check_version(record=record, expected=expected_version)
    record.delete()


@transaction.atomic
def record_set_status(*, record: CatalogueRecord, status: str, user: Any = None) -> bool:
    """Publish or unpublish one record (the caller's publish permission is checked).

    Returns whether the status changed; an unchanged record is not saved.
    """
    _check_status(record=record, status=status, user=user)
    if record.status == status:
        return False
    record.status = status
    save_row(record, f"Status set to {status}")
    if status == Status.DRAFT:
        _cascade_unpublish(record)
    return True


@transaction.atomic
def records_set_status(*, records: Iterable[CatalogueRecord], status: str, user: Any = None) -> int:
    """Publish or unpublish several records in one transaction; returns how many changed."""
    return sum(record_set_status(record=record, status=status, user=user) for record in records)
