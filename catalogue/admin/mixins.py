"""What every catalogue admin shares: lean changelists, history, and for the
records themselves publication, version-checked saves and bulk import/export."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import JSON

from catalogue.jobs.import_admin import BackgroundImportMixin
from catalogue.models import Status
from catalogue.services import links
from catalogue.services import records as services

from .forms import VersionedRecordForm
from .history import HistoryAdminMixin
from .listfields import LINE_LIST_FIELDS, line_list_formfield
from .resources import FormulaSafeCSV

# Record fields shown read-only at the foot of every record's change form.
RECORD_FIELDS = ("version", "created", "modified")
# Text fields this long hold real titles and names ("Joint Declaration of the Union
# of Soviet Socialist Republics and Japan ..."): shown in a wide box.
WIDE_TEXT_LENGTH = 300


def _key(record):
    # A repository's dependents are collections: compare rows by model and key.
    return (record._meta.label, record.pk)


class LeanChangeList(ChangeList):
    """Leaves out the model admin's long text columns when listing rows."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        defer = getattr(self.model_admin, "changelist_defer", ())
        return queryset.defer(*defer) if defer else queryset


class CatalogueAdmin(HistoryAdminMixin, admin.ModelAdmin):
    """Base of every catalogue admin.

    Changelists never count the whole table (show_full_result_count) and
    select the rows' related records in the same query (list_select_related,
    set per admin), so a page costs the same whatever its length.
    """

    show_full_result_count = False
    list_per_page = 50
    changelist_defer = ()

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    # Link rows (citations, mentions, statements, and the rows of every inline)
    # are written through services/links.py, like the API's.

    def save_model(self, request, obj, form, change):
        links.link_update(link=obj, changes={}, expected=None, reason=form.restore_reason())

    def delete_model(self, request, obj):
        links.link_delete(link=obj, expected=None)

    def delete_queryset(self, request, queryset):
        # The "Delete selected" action: one row at a time through the service, all or none.
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        for row in formset.save(commit=False):
            links.link_update(link=row, changes={}, expected=None)
        for row in formset.deleted_objects:
            links.link_delete(link=row, expected=None)
        formset.save_m2m()


class RecordAdmin(BackgroundImportMixin, ImportExportMixin, CatalogueAdmin):
    """Admin for a catalogue record: document, article, person, organisation, place."""

    form = VersionedRecordForm
    # The JSON fields that are not lines of text (an article's sections): a small box.
    formfield_overrides = {
        models.JSONField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})},
        models.URLField: {"assume_scheme": "https"},
    }
    formats = [FormulaSafeCSV, JSON]
    import_template_name = "admin/catalogue/import.html"
    actions = ["publish", "unpublish"]
    date_hierarchy = None
    history_list_display = ["version"]
    save_on_top = True

    class Media:
        js = ["catalogue/admin-labels.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.JSONField) and db_field.name in LINE_LIST_FIELDS:
            return line_list_formfield(db_field, **kwargs)
        if (
            isinstance(db_field, models.CharField)
            and not db_field.choices
            and (db_field.max_length or 0) >= WIDE_TEXT_LENGTH
        ):
            kwargs["widget"] = forms.TextInput(attrs={"class": "vTextField catalogue-wide-text"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="last changed", ordering="modified")
    def last_changed(self, obj):
        return date_format(localtime(obj.modified), "j M Y")

    # --- change form ---------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        fields = [f for _name, options in fieldsets for f in options["fields"]]
        if "expected_version" not in fields:
            first = fieldsets[0][1]
            first["fields"] = [*first["fields"], "expected_version"]
        if obj is not None and self.declares_fieldsets():
            fieldsets.append(("Record", {"fields": RECORD_FIELDS, "classes": ["collapse"]}))
        return fieldsets

    def declares_fieldsets(self):
        return self.fieldsets is not None

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            readonly += [f for f in RECORD_FIELDS if f not in readonly]
        if not services.can_publish(request.user, self.model):
            # The status field is how a record would be published by hand.
            readonly.append("status")
        if obj is not None and obj.is_published:
            # Published addresses and identifiers never change.
            readonly += ["identifier", "slug"]
        return readonly

    def save_model(self, request, obj, form, change):
        """Save through the records service: fields, status and many-to-many in
        one save, refused when the record changed since the form was opened."""
        many = {
            f.name: form.cleaned_data[f.name]
            for f in self.model._meta.many_to_many
            if f.name in form.cleaned_data
        }
        # Without the publish permission the status field is read-only; a
        # restored old version keeps the record's current status.
        status = obj.status if services.can_publish(request.user, self.model) else None
        if not change:
            services.record_create(
                record=obj,
                many=many,
                status=status or Status.DRAFT,
                user=request.user,
            )
            return
        below = self._published_below(obj) if status == Status.DRAFT else []
        services.record_update(
            record=obj,
            changes={},
            many=many,
            status=status,
            user=request.user,
            expected_version=form.cleaned_data.get("expected_version"),
            reason=form.restore_reason(),
        )
        self._report_cascade(request, below)

    def delete_model(self, request, obj):
        services.record_delete(record=obj, expected_version=None)

    def save_related(self, request, form, formsets, change):
        # The record's own many-to-many links were saved with it (save_model).
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    # --- publication -----------------------------------------------------------

    def has_publish_permission(self, request):
        return services.can_publish(request.user, self.model)

    @admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED, "published")

    @admin.action(
        description="Unpublish selected %(verbose_name_plural)s (back to draft)",
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT, "unpublished")

    def _set_status(self, request, queryset, status, verb):
        """Publish or unpublish the selection, all or nothing: a record the rules
        refuse (a collection missing an ISAD(G) essential element, or under a
        draft) is named in an error message and nothing changes."""
        records = list(queryset)
        changed, refused, below, cascaded = 0, [], [], set()
        with transaction.atomic():
            for record in records:
                if _key(record) in cascaded:
                    changed += 1  # taken back to draft with a unit above it, just now
                    continue
                cascade = self._published_below(record) if status == Status.DRAFT else []
                try:
                    with transaction.atomic():
                        done = services.record_set_status(
                            record=record, status=status, user=request.user
                        )
                except ValidationError as error:
                    refused += error.messages
                    continue
                changed += done
                cascaded |= {_key(unit) for unit in cascade}
                below += cascade
            if refused:
                transaction.set_rollback(True)
        if refused:
            self.message_user(request, f"Nothing was {verb}. {' '.join(refused)}", messages.ERROR)
            return
        opts = self.model._meta
        name = opts.verbose_name if changed == 1 else opts.verbose_name_plural
        message = f"{changed} {name} {verb}."
        if unchanged := len(records) - changed:
            message += f" {unchanged} already were."
        self.message_user(request, message, messages.SUCCESS)
        selected = {_key(record) for record in records}
        self._report_cascade(request, [unit for unit in below if _key(unit) not in selected])

    @staticmethod
    def _published_below(record):
        """The published units that unpublishing `record` takes back to draft with it."""
        return list(record.published_dependents())

    def _report_cascade(self, request, below):
        if not below:
            return
        units = "unit" if len(below) == 1 else "units"
        verb = "was" if len(below) == 1 else "were"
        names = ", ".join(f"\u201c{unit}\u201d" for unit in below[:10])
        more = f" and {len(below) - 10} more" if len(below) > 10 else ""
        self.message_user(
            request,
            f"{len(below)} {units} below {verb} taken back to draft: {names}{more}.",
            messages.WARNING,
        )

    # --- bulk import and export -------------------------------------------------

    def has_import_permission(self, request):
        # An import both adds and changes records.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_queryset(self, request):
        # The export starts from the changelist's rows (its filters and search
        # apply), which leave the long texts out; the file needs them all.
        return super().get_export_queryset(request).defer(None)
