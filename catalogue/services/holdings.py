"""Move units of description in the collection tree and file documents in them.

Both are record updates (services.records): each unit or document moved gets
a new version and a history row saying where it went, and so does every
sibling whose position had to change to make room or close the gap, so the
order shown is always 0, 1, 2... with no two units at the same place.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ..models import Collection, Document, Status
from .records import Version, check_version, record_update


def collection_move_problems(*, collection: Collection, parent: Collection | None) -> list[str]:
    """Why `collection` may not go under `parent` (None: the top of its repository), in words."""
    if parent is None:
        return []
    problems = []
    if parent.repository_id != collection.repository_id:
        problems.append(
            f"\u201c{parent}\u201d is in another repository (\u201c{parent.repository}\u201d); "
            f"a unit moves only within its own repository (\u201c{collection.repository}\u201d)"
        )
    elif parent.tree_path.startswith(collection.tree_path):
        problems.append(
            f"\u201c{parent}\u201d is \u201c{collection}\u201d itself or one of its own parts; "
            "a unit cannot be moved inside itself"
        )
    if collection.status == Status.PUBLISHED and parent.status != Status.PUBLISHED:
        problems.append(
            f"\u201c{collection}\u201d is published and \u201c{parent}\u201d is a draft; "
            "publish the new parent first, or unpublish the unit"
        )
    return problems


def _renumber(rows: Sequence[Any], field: str, *, user: Any, reason: str, skip: Any = None) -> None:
    """Give `rows` the positions 0, 1, 2... in their order, saving only those that change."""
    for number, row in enumerate(rows):
        if row is skip or getattr(row, field) == number:
            continue
        record_update(
            record=row, changes={field: number}, expected_version=None, user=user, reason=reason
        )


@transaction.atomic
def collection_move(
    *,
    collection: Collection,
    parent: Collection | None,
    position: int | None = None,
    user: Any = None,
    expected_version: Version | None = None,
) -> Collection:
    """Put `collection` (with its whole subtree) under `parent` at `position`
    among its new siblings (None or past the end: last); returns it.

    Raises ValidationError naming the problem when the move would put a unit
    inside itself, in another repository, or a published unit under a draft,
    or would give it a reference code another unit of the repository has.
    The old and the new siblings are renumbered from 0.
    """
    check_version(record=collection, expected=expected_version)
    problems = collection_move_problems(collection=collection, parent=parent)
    if problems:
        raise ValidationError(
            f"\u201c{collection}\u201d was not moved: {'; '.join(problems)}.", code="bad_move"
        )
    old_parent_id = collection.parent_id
    new_parent_id = parent.pk if parent is not None else None
    siblings = list(
        Collection.objects.filter(repository_id=collection.repository_id, parent_id=new_parent_id)
        .exclude(pk=collection.pk)
        .order_by("position", "pk")
    )
    if position is None or position > len(siblings):
        position = len(siblings)
    position = max(position, 0)
    where = f"under \u201c{parent}\u201d" if parent is not None else "to the top of the repository"
    try:
        with transaction.atomic():
            record_update(
                record=collection,
                changes={"parent": parent, "position": position},
                expected_version=None,  # checked above, under the lock still held
                user=user,
                reason=f"Moved {where}, position {position}",
            )
    except IntegrityError:
        collection.refresh_from_db()  # the instance still held the refused place
        # The unique (repository, full code) constraint: the unit, or a unit below
        # it, would take a code another unit of the repository already has.
        raise ValidationError(
            f"\u201c{collection}\u201d was not moved: {where} it would have the same reference "
            "code as another unit of the repository. Change its reference code first.",
            code="duplicate_code",
        ) from None
    reason = f"Renumbered when \u201c{collection}\u201d moved"
    _renumber(
        [*siblings[:position], collection, *siblings[position:]],
        "position",
        user=user,
        reason=reason,
        skip=collection,
    )
    if old_parent_id != new_parent_id:
        left = Collection.objects.filter(
            repository_id=collection.repository_id, parent_id=old_parent_id
        ).order_by("position", "pk")
        _renumber(list(left), "position", user=user, reason=reason)
    return collection


@transaction.atomic
def collections_move(
    *,
    collections: Iterable[Collection],
    parent: Collection | None,
    position: int | None = None,
    user: Any = None,
) -> list[Collection]:
    """Move several units under `parent`, in tree order, side by side from
    `position` (None: last); all or none. A unit inside another chosen unit
    goes with it and is not moved on its own. Returns the units moved."""
    units = sorted(collections, key=lambda unit: unit.tree_path)
    tops: list[Collection] = []
    for unit in units:
        if not any(unit.tree_path.startswith(top.tree_path) for top in tops):
            tops.append(unit)
    for offset, unit in enumerate(tops):
        unit.refresh_from_db()  # an earlier move may have renumbered it
        collection_move(
            collection=unit,
            parent=parent,
            position=None if position is None else position + offset,
            user=user,
        )
    return tops


@transaction.atomic
def documents_file(
    *,
    documents: Iterable[Document],
    collection: Collection | None,
    position: int | None = None,
    user: Any = None,
) -> int:
    """File `documents`, in the order given, in `collection` from `position`
    (None: after its last document), or take them out of their collections
    (`collection` None). The collection's other documents keep their order
    around them, renumbered from 0. Returns how many documents moved."""
    documents = list(documents)
    moving = {document.pk for document in documents}
    if collection is None:
        for document in documents:
            record_update(
                record=document,
                changes={"collection": None, "collection_position": 0},
                expected_version=None,
                user=user,
                reason="Taken out of its collection",
            )
        return len(documents)
    others = list(collection.documents.exclude(pk__in=moving).order_by("collection_position", "pk"))
    if position is None or position > len(others):
        position = len(others)
    position = max(position, 0)
    ordered = [*others[:position], *documents, *others[position:]]
    for number, document in enumerate(ordered):
        if document.pk in moving:
            record_update(
                record=document,
                changes={"collection": collection, "collection_position": number},
                expected_version=None,
                user=user,
                reason=f"Filed in \u201c{collection}\u201d, position {number}",
            )
        elif document.collection_position != number:
            record_update(
                record=document,
                changes={"collection_position": number},
                expected_version=None,
                user=user,
                reason=f"Renumbered when documents were filed in \u201c{collection}\u201d",
            )
    return len(documents)
