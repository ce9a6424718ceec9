"""The admin import, run as a job: the preview stays in the request; the
confirmed import runs here, all or nothing, exactly as it ran in the request
before (same resource, history with the user's name and "Imported from <file>")."""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.utils.module_loading import import_string
from import_export.results import RowResult

from .runner import JobRefused

# The formats the admin offers, by dotted path: the admin's CSV is the
# formula-safe one, so the worker must read a file back through it too.
FORMATS = frozenset(
    {
        "catalogue.admin.resources.FormulaSafeCSV",
        "import_export.formats.base_formats.CSV",
        "import_export.formats.base_formats.JSON",
    }
)
RESOURCES_MODULE = "catalogue.admin.resources."
LOG_FLAGS = {
    RowResult.IMPORT_TYPE_NEW: ADDITION,
    RowResult.IMPORT_TYPE_UPDATE: CHANGE,
    RowResult.IMPORT_TYPE_DELETE: DELETION,
}


def import_params(*, resource_class, input_format, file_name, user):
    """What the worker needs to run the import again, as JSON values."""
    return {
        "resource": f"{resource_class.__module__}.{resource_class.__qualname__}",
        "format": f"{type(input_format).__module__}.{type(input_format).__qualname__}",
        "file_name": file_name,
        "user_id": user.pk,
    }


def run_import(job, progress):
    params = job.params
    if not params.get("resource", "").startswith(RESOURCES_MODULE):
        raise JobRefused(f"{params.get('resource')!r} is not an import of this catalogue.")
    resource = import_string(params["resource"])()
    user = get_user_model().objects.get(pk=params["user_id"])
    if params.get("format") not in FORMATS:
        raise JobRefused(f"{params.get('format')!r} is not a format this catalogue imports.")
    input_format = import_string(params["format"])(encoding="utf-8-sig")
    dataset = input_format.create_dataset(job.input_text)
    progress.begin(f"Importing {params['file_name']}", total=len(dataset))

    before_save, after_row = resource.before_save_instance, resource.after_import_row

    def as_user(instance, row, **kwargs):
        # In the request the history middleware named the user; a worker has no request.
        instance._history_user = user
        before_save(instance, row, **kwargs)

    def counted(row, row_result, **kwargs):
        after_row(row, row_result, **kwargs)
        progress.step()

    resource.before_save_instance, resource.after_import_row = as_user, counted
    result = resource.import_data(
        dataset,
        dry_run=False,
        file_name=params["file_name"],
        user=user,
        retain_instance_in_row_result=True,
    )
    if result.has_errors() or result.has_validation_errors():
        raise JobRefused(f"Nothing was imported, because {problems_in(result)}")
    _log_entries(result, user)
    totals = result.totals
    name = resource._meta.model._meta.verbose_name_plural
    return (
        f"Import finished: {totals[RowResult.IMPORT_TYPE_NEW]} new, "
        f"{totals[RowResult.IMPORT_TYPE_UPDATE]} updated and "
        f"{totals[RowResult.IMPORT_TYPE_SKIP]} unchanged {name}."
    )


def problems_in(result):
    """Every refused row by number and identifier, or the file's own error, in words."""
    problems = [
        f"row {p.number} (identifier {p.identifier}): {' '.join(p.messages)}"
        for p in getattr(result, "row_problems", [])
    ] or [str(error.error) for error in result.base_errors]
    return " / ".join(problems)


def _log_entries(result, user):
    # The admin's "recent actions" list, as the import in the request wrote it.
    rows = {}
    for row in result:
        if row.import_type in LOG_FLAGS and row.instance is not None:
            rows.setdefault(row.import_type, []).append(row.instance)
    for import_type, instances in rows.items():
        LogEntry.objects.log_actions(
            user.pk,
            instances,
            LOG_FLAGS[import_type],
            change_message=f"{import_type} through import_export",
            single_object=len(instances) == 1,
        )
