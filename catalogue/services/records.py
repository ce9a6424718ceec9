"""Writes that more than one caller makes (admin, API, commands) go through here."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ..models import Status


class StaleVersionError(Exception):
    """The record changed since the caller read it; saving would overwrite that change."""

    def __init__(self, record, expected, current):
        self.record, self.expected, self.current = record, expected, current
        super().__init__(
            f"{record._meta.verbose_name.capitalize()} \u201c{record}\u201d was changed by someone "
            f"else since you opened it (you edited version {expected}, it is now at version "
            f"{current}). Your changes were not saved."
        )


def publish_permission(model):
    """The permission codename, app-qualified, that publishing a record of this model needs."""
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def can_publish(user, model):
    return user is not None and user.has_perm(publish_permission(model))


def _check_version(record, expected_version):
    """Lock `record`'s row and raise StaleVersionError unless it is at `expected_version`."""
    if record.pk is None or expected_version is None:
        return
    current = (
        type(record)
        ._default_manager.select_for_update()
        .filter(pk=record.pk)
        .values_list("version", flat=True)
        .first()
    )
    if current is not None and current != int(expected_version):
        raise StaleVersionError(record, int(expected_version), current)


@transaction.atomic
def record_save(*, record, expected_version=None):
    """Save `record`, refusing when its stored version is not `expected_version`.

    Returns the saved record with its new version. The row is locked while it
    is compared so two saves of the same version cannot both pass.
    """
    _check_version(record, expected_version)
    record.save()
    return record


@transaction.atomic
def record_delete(*, record, expected_version=None):
    """Delete `record`, refusing (as record_save does) when it changed since `expected_version`."""
    _check_version(record, expected_version)
    record.delete()


@transaction.atomic
def record_set_status(*, record, status, user=None):
    """Publish or unpublish one record; the caller's publish permission is checked."""
    if user is not None and not can_publish(user, type(record)):
        raise PermissionDenied(
            f"You do not have permission to publish {record._meta.verbose_name_plural}."
        )
    if status not in Status.values:
        raise ValueError(f"Unknown status {status!r}")
    if record.status != status:
        record.status = status
        record._change_reason = f"Status set to {status}"
        record.save()
    return record


def records_set_status(*, records, status, user=None):
    """Publish or unpublish several records in one transaction; returns how many changed."""
    changed = 0
    with transaction.atomic():
        for record in records:
            before = record.status
            record_set_status(record=record, status=status, user=user)
            changed += before != status
    return changed
