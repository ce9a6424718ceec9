"""Admin forms: the version an archivist opened travels with the form, and
uploads are checked as scans before anything is stored."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst

from catalogue.images import ACCEPTED_MEDIA_TYPES, validate_scan
from catalogue.models import DocumentImage, Status
from catalogue.services.records import StaleVersionError, check_version

# Bookkeeping fields that change on every save; listing them as "changed by
# someone else" would only hide the fields that matter.
UNTRACKED_FIELDS = ("modified", "version")


class RestorableForm(forms.ModelForm):
    """A change form that may be restoring an earlier version.

    The admin's restore page (history.HistoryAdminMixin.get_form) makes a
    subclass naming `restoring`, the history row whose values the form holds,
    and `opened_version`, the version stored when the page was opened.
    """

    restoring = None
    opened_version = None

    def restore_reason(self):
        if self.restoring is None:
            return None
        version = getattr(self.restoring, "version", None)
        return f"Restored version {version}" if version else "Restored an earlier version"


class VersionedRecordForm(RestorableForm):
    """A record's change form that refuses a save made from an older version.

    The hidden `expected_version` is the version the archivist opened. When
    the stored record has moved on, the form is refused: the archivist's
    input stays in the form, the fields the other person changed are marked
    with their new values, and the hidden version moves to the current one,
    so that saving again is a deliberate choice, never a silent overwrite.

    A restore form is checked against `opened_version`, the version stored
    when the restore page was opened, not the old version's own number.
    """

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            opened = self.opened_version or self.instance.version
            self.fields["expected_version"].initial = opened

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or self.instance._state.adding:
            return cleaned
        expected = cleaned.get("expected_version")
        if expected is None:
            raise ValidationError(
                "This form does not say which version of the record it was opened at, so "
                "saving it could overwrite someone else's changes. Reload the page and make "
                "your changes again.",
                code="no_version",
            )
        try:
            # The admin's transaction holds the row lock until the save, so no
            # other save can slip in between this check and ours.
            check_version(record=self.instance, expected=expected)
        except StaleVersionError as error:
            self._refuse_stale(error)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # Publishing from the status field follows the same rules as the publish
        # action (services.records): refused in words, nothing saved. A
        # collection's own clean() already says so; other records may add rules.
        if self.errors or self.cleaned_data.get("status") != Status.PUBLISHED:
            return
        if self.instance.pk is not None and "status" not in self.changed_data:
            return
        problems = self.instance.publication_problems()
        if problems:
            self.add_error(
                "status",
                ValidationError(
                    "This record cannot be published: %(problems)s.",
                    params={"problems": "; ".join(problems)},
                    code="not_publishable",
                ),
            )

    def _refuse_stale(self, error):
        expected, current = error.expected, error.current
        if current is None:
            raise ValidationError(str(error), code="deleted")
        changes, users = changes_since(self.instance, expected)
        for field, value in changes:
            if field in self.fields:
                self.add_error(
                    field,
                    ValidationError(
                        "Changed by %(users)s since you opened the form; it is now: %(value)s",
                        params={"users": users or "someone else", "value": value},
                        code="changed_meanwhile",
                    ),
                )
        data = self.data.copy()
        data[self.add_prefix("expected_version")] = str(current)
        self.data = data
        message = str(error)
        names = ", ".join(
            capfirst(self.instance._meta.get_field(f).verbose_name) for f, _v in changes
        )
        if names:
            message += f" Changed meanwhile by {users or 'someone else'}: {names}."
        raise ValidationError(
            "%(message)s Your input is still in the form below. Saving again replaces the "
            "current version with what the form holds; reload the page instead to start "
            "from the current version.",
            params={"message": message},
            code="stale",
        )


def changes_since(record, version):
    """Return ([(field name, new value shown as text)], "user, user") for edits after `version`."""
    model = type(record)
    history = model.history.filter(**{model._meta.pk.attname: record.pk})
    base = history.filter(version=version).order_by("-history_date", "-history_id").first()
    newer = list(
        history.filter(version__gt=version)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    if base is None or not newer:
        return [], ""
    delta = newer[-1].diff_against(base, excluded_fields=UNTRACKED_FIELDS)
    changes = [(change.field, _shown(change.new)) for change in delta.changes]
    users = sorted({str(row.history_user) for row in newer if row.history_user})
    return changes, ", ".join(users)


def _shown(value, limit=200):
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        value = "; ".join(value)  # a list field, as its lines read
    text = "(empty)" if value in (None, "", [], {}) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class ScanField(forms.FileField):
    """A file input for scans: the content is checked before the record is built.

    Checking here, not only on the model, matters: building the record reads
    the image's size, and that must never happen to an unchecked file.
    """

    widget = forms.ClearableFileInput(attrs={"accept": ACCEPTED_MEDIA_TYPES})
    default_validators = [validate_scan]


class DocumentImageForm(forms.ModelForm):
    class Meta:
        model = DocumentImage
        fields = ["image", "caption", "alt_text", "order"]
        field_classes = {"image": ScanField}
