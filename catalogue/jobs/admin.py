"""The jobs page of the admin: every job's progress and outcome, and an import
preview's findings with the button that confirms it."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from catalogue.models import Document, Job
from catalogue.services import records as services

from . import tasks
from .imports import preview_model
from .runner import job_start


def _sees_jobs(request):
    return request.user.is_active and request.user.is_staff


def _starts_jobs(request):
    return _sees_jobs(request) and services.can_publish(request.user, Document)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Read-only: jobs are started by the pages and commands that need them."""

    list_display = [
        "title",
        "started_by",
        "state",
        "progress",
        "started_at",
        "finished_at",
        "outcome",
    ]
    list_filter = ["state", "kind"]
    # State, progress, result and error are shown (and kept current) in the
    # progress box at the top of the page.
    fields = ["title", "kind", "started_by", "created", "started_at", "heartbeat_at", "finished_at"]
    readonly_fields = fields
    change_form_template = "admin/catalogue/job/change_form.html"

    def has_module_permission(self, request):
        return _sees_jobs(request)

    def has_view_permission(self, request, obj=None):
        return _sees_jobs(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        # A job whose worker died is shown as failed, never as running forever.
        Job.objects.fail_stale()
        # The file and the preview can be megabytes; the preview is read on its own page.
        return super().get_queryset(request).defer("input_text", "preview")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Any other address (not a number, no such job) is the admin's own "not found".
        job = object_id.isdigit() and Job.objects.defer("input_text").filter(pk=object_id).first()
        if job and job.kind == Job.Kind.IMPORT_PREVIEW:
            extra_context = {**(extra_context or {}), **self.preview_context(request, job)}
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_context(self, request, job):
        """What the preview found, and the Confirm button for those who may import."""
        context = {"preview": job.preview}
        model = preview_model(job)
        model_admin = self.admin_site._registry.get(model) if model else None
        import_job = job.params.get("import_job")
        if import_job:
            context["import_job_url"] = reverse("admin:catalogue_job_change", args=[import_job])
        elif (
            job.state == Job.State.SUCCEEDED
            and model_admin is not None
            and model_admin.has_import_permission(request)
        ):
            opts = model._meta
            context["confirm_url"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_process_import"
            )
        return context

    @admin.display(description="progress")
    def progress(self, job):
        return job.progress_text

    @admin.display(description="result or error")
    def outcome(self, job):
        return job.error or job.result

    def get_urls(self):
        status = self.admin_site.admin_view(self.status_view)
        start = self.admin_site.admin_view(require_POST(self.start_view))
        return [
            path("<int:job_id>/status/", status, name="catalogue_job_status"),
            path("start/", start, name="catalogue_job_start"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_start_jobs": _starts_jobs(request)}
        return super().changelist_view(request, extra_context)

    def start_view(self, request):
        """Start a snapshot, index rebuild or fixity check; Editors only, as it
        changes what the public sees (downloads) or reads every scan."""
        jobs = tasks.startable()
        if not _starts_jobs(request):
            raise PermissionDenied
        if request.POST.get("job") not in jobs:
            self.message_user(request, "There is no such job.", messages.ERROR)
            return HttpResponseRedirect(reverse("admin:catalogue_job_changelist"))
        kind, title, task = jobs[request.POST["job"]]
        job = job_start(kind=kind, title=title, task=task, user=request.user)
        self.message_user(request, job_message(job), messages.INFO)
        return HttpResponseRedirect(reverse("admin:catalogue_job_change", args=[job.pk]))

    def status_view(self, request, job_id):
        """The job's state as JSON, polled by the job page's script."""
        if not _sees_jobs(request):
            raise PermissionDenied
        Job.objects.fail_stale()
        job = get_object_or_404(Job.objects.defer("input_text"), pk=job_id)
        return JsonResponse(job.status())


def job_message(job):
    if job.state == Job.State.SUCCEEDED:
        return job.result
    if job.state == Job.State.FAILED:
        return job.error
    return f"{job.title} has started; this page shows how far it got."
