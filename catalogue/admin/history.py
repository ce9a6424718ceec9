"""Revision history in the admin: who changed what and when, a readable
difference between versions, and restore of an earlier version."""

import difflib
import re

from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME
from simple_history.template_utils import HistoricalRecordContextHelper

from .forms import UNTRACKED_FIELDS, RestorableForm

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
# Long unchanged stretches are cut down to this many words either side.
_CONTEXT = 8
# Beyond this many words a word-by-word comparison gets slow; compare lines.
_MAX_WORDS = 20000
LONG_TEXT = 120


def text_diff(old, new):
    """Return HTML marking words removed (<del>) and added (<ins>) between two texts."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    if len(a) > _MAX_WORDS or len(b) > _MAX_WORDS:
        a, b = (old or "").splitlines(True), (new or "").splitlines(True)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(_shorten(a, i1, i2)))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def _shorten(tokens, i1, i2):
    """The unchanged tokens[i1:i2], with the middle of a long run left out."""
    words = tokens[i1:i2]
    if len(words) <= 4 * _CONTEXT:
        return "".join(words)
    head = "" if i1 == 0 else "".join(words[: 2 * _CONTEXT])
    tail = "" if i2 == len(tokens) else "".join(words[-2 * _CONTEXT :])
    return f"{head} \u2026 {tail}"


class ReadableChangesHelper(HistoricalRecordContextHelper):
    """Field labels as the form shows them, choice labels instead of codes, and
    long texts as a word-by-word difference instead of two cut-off strings."""

    def context_for_delta_changes(self, delta):
        rows = []
        for change in delta.changes:
            field = self.model._meta.get_field(change.field)
            old = self.prepare_delta_change_value(change, change.old)
            new = self.prepare_delta_change_value(change, change.new)
            row = {"field": capfirst(field.verbose_name)}
            if (
                isinstance(old, str)
                and isinstance(new, str)
                and max(len(old), len(new)) > LONG_TEXT
            ):
                row["diff"] = text_diff(old, new)
            else:
                choices = dict(field.flatchoices) if field.choices else {}
                old, new = choices.get(old, old), choices.get(new, new)
                old, new = self.stringify_delta_change_values(change, old, new)
                row["old"], row["new"] = old if old != "" else "(empty)", new
            rows.append(row)
        return rows


class HistoryAdminMixin(SimpleHistoryAdmin):
    """Every catalogue admin's history page and restore form."""

    object_history_template = "admin/catalogue/object_history.html"
    object_history_list_template = "admin/catalogue/object_history_list.html"
    object_history_form_template = "admin/catalogue/object_history_form.html"
    history_list_per_page = 50
    form = RestorableForm

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChangesHelper(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Give every row on the page its difference from the version before it.

        The oldest row on a page is compared with the row just before the
        page (one more query), so no row past the first page goes without.
        """
        rows = list(historical_records)
        pairs = list(zip(rows, rows[1:], strict=False))
        if rows and (before := rows[-1].prev_record) is not None:
            pairs.append((rows[-1], before))
        for newer, older in pairs:
            delta = newer.diff_against(
                older,
                excluded_fields=self.untracked_fields(),
                foreign_keys_are_objs=foreign_keys_are_objs,
            )
            helper = self.get_historical_record_context_helper(request, newer)
            newer.history_delta_changes = helper.context_for_delta_changes(delta)

    def untracked_fields(self):
        names = {f.name for f in self.model._meta.get_fields()}
        return [name for name in UNTRACKED_FIELDS if name in names]

    def history_view_title(self, request, obj):
        return f"History of {obj}"

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return f"An earlier version of {obj}"
        return f"Restore an earlier version of {obj}"

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request):
            # The library only checks view permission, also for the POST.
            raise PermissionDenied
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # The library builds the restore form from the history row's instance,
        # which it marks with that row: the one sign that this is a restore.
        restoring = getattr(obj, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None)
        if restoring is None:
            return form
        # The restore form holds the old version's values; the version it is
        # checked against is the one stored now, when the page is opened.
        opened = (
            self.model._default_manager.filter(pk=obj.pk).values_list("version", flat=True).first()
            if hasattr(obj, "version")
            else None
        )
        attrs = {"restoring": restoring, "opened_version": opened}
        return type(form.__name__, (form,), attrs)
