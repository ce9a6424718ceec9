"""The admin import, run as two jobs: the preview (a dry run, rolled back) and,
once the archivist confirms it, the import itself, all or nothing, exactly as
it ran in the request before (same resource, history with the user's name and
"Imported from <file>"). Both read the file the upload stored with the job."""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.utils.module_loading import import_string
from import_export.results import RowResult

from catalogue.models import Job

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
TOTALS = (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE, RowResult.IMPORT_TYPE_SKIP)
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


# The preview's table of changes keeps this many rows; the counts and the
# refused rows always cover the whole file.
PREVIEW_ROWS = 200
# The job's error names this many refused rows; its page lists them all.
PROBLEMS_IN_ERROR = 10


def preview_model(job):
    """The model a preview's import would write, or None for a resource not ours."""
    resource = job.params.get("resource", "")
    if not resource.startswith(RESOURCES_MODULE):
        return None
    try:
        return import_string(resource)._meta.model
    except ImportError:
        return None


def _prepare(job, progress, *, stage):
    """The job's resource, user, dataset and import arguments, with progress
    counted per row. Refuses a resource or format this catalogue does not offer."""
    params = job.params
    if not params.get("resource", "").startswith(RESOURCES_MODULE):
        raise JobRefused(f"{params.get('resource')!r} is not an import of this catalogue.")
    resource = import_string(params["resource"])()
    user = get_user_model().objects.get(pk=params["user_id"])
    if params.get("format") not in FORMATS:
        raise JobRefused(f"{params.get('format')!r} is not a format this catalogue imports.")
    input_format = import_string(params["format"])(encoding="utf-8-sig")
    try:
        dataset = input_format.create_dataset(job.input_text)
    except Exception as error:  # tablib and the csv/json modules raise many kinds
        raise JobRefused(
            f"{params['file_name']} could not be read as {input_format.get_title()} "
            f"({type(error).__name__}: {error}). Check that the format chosen is the file's."
        ) from None
    if not dataset:
        raise JobRefused(
            f"{params['file_name']} holds no rows to import: check that it has a header "
            "line and at least one record."
        )
    progress.begin(f"{stage} {params['file_name']}", total=len(dataset))

    before_save, after_row = resource.before_save_instance, resource.after_import_row

    def as_user(instance, row, **kwargs):
        # In the request the history middleware named the user; a worker has no request.
        instance._history_user = user
        before_save(instance, row, **kwargs)

    def counted(row, row_result, **kwargs):
        after_row(row, row_result, **kwargs)
        progress.step()

    resource.before_save_instance, resource.after_import_row = as_user, counted
    return resource, user, dataset


def run_preview(job, progress):
    """A dry run of every row, rolled back: what the import would do, kept on the
    job (Job.preview) for its page to show beside the Confirm button."""
    resource, user, dataset = _prepare(job, progress, stage="Previewing")
    result = resource.import_data(
        dataset, dry_run=True, file_name=job.params["file_name"], user=user
    )
    name = str(resource._meta.model._meta.verbose_name_plural)
    report = preview_report(result, rows=len(dataset), name=name)
    Job.objects.filter(pk=job.pk).update(preview=report)
    if report["row_problems"] or report["base_errors"]:
        raise JobRefused(f"Nothing can be imported, because {problems_in(result, limit=True)}")
    totals = report["totals"]
    return (
        f"Preview ready: {totals['new']:,} new, {totals['update']:,} updated and "
        f"{totals['skip']:,} unchanged {name}. Nothing is imported until you confirm."
    )


def preview_report(result, *, rows, name):
    """The preview as JSON values: counts of every row, every refused row, and
    the changes of the first PREVIEW_ROWS rows."""
    totals = result.totals
    shown = []
    for number, row in enumerate(result.rows, start=1):
        if len(shown) == PREVIEW_ROWS:
            break
        if row.import_type not in RowResult.valid_import_types:
            continue
        shown.append(
            {
                "number": number,
                "type": row.import_type,
                # django-import-export's diff: every value escaped by
                # diff_match_patch.diff_prettyHtml, then marked up with <ins>/<del>.
                "diff": [str(cell) for cell in row.diff or []],
            }
        )
    return {
        "name": name,
        "rows": rows,
        "totals": {kind: totals[kind] for kind in TOTALS},
        "headers": list(result.diff_headers),
        "shown": shown,
        # Shaped as import_problems.html reads an import's result.
        "row_problems": [
            {"number": p.number, "identifier": p.identifier, "messages": list(p.messages)}
            for p in getattr(result, "row_problems", [])
        ],
        "base_errors": [{"error": str(error.error)} for error in result.base_errors],
    }


def run_import(job, progress):
    resource, user, dataset = _prepare(job, progress, stage="Importing")
    params = job.params
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


def problems_in(result, *, limit=False):
    """Every refused row by number and identifier, or the file's own error, in
    words; with `limit`, the first PROBLEMS_IN_ERROR and how many more."""
    problems = [
        f"row {p.number} (identifier {p.identifier}): {' '.join(p.messages)}"
        for p in getattr(result, "row_problems", [])
    ] or [str(error.error) for error in result.base_errors]
    if limit and len(problems) > PROBLEMS_IN_ERROR:
        more = len(problems) - PROBLEMS_IN_ERROR
        problems = [*problems[:PROBLEMS_IN_ERROR], f"and {more:,} more rows (listed on this page)"]
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
