"""The admin import in two background jobs: the upload queues a preview, and
the Confirm button on the preview's page queues the import.

Neither request reads a row: a preview of 20,000 rows takes minutes, so the
upload only stores the file with a new job and sends the archivist to its
page, which shows the rows counted and then what the import would do.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalogue.models import Job

from . import tasks
from .admin import job_message
from .imports import import_params
from .runner import job_start


class ConfirmPreviewForm(forms.Form):
    preview_job = forms.IntegerField(widget=forms.HiddenInput)


def _resource_path(resource_class):
    return f"{resource_class.__module__}.{resource_class.__qualname__}"


class BackgroundImportMixin:
    """For an ImportExportMixin admin: preview and import run in the worker."""

    def import_action(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        import_form = self.create_import_form(request)
        if request.method != "POST" or not import_form.is_valid():
            return self._import_page(request, import_form)
        data = import_form.cleaned_data
        import_file = data["import_file"]
        try:
            text = b"".join(import_file.chunks()).decode(self.from_encoding)
        except UnicodeDecodeError as error:
            import_form.add_error(
                "import_file",
                f"The file is not UTF-8 text (byte 0x{error.object[error.start]:02x} at "
                f"offset {error.start} cannot be read). Save it as UTF-8 and upload it again.",
            )
            return self._import_page(request, import_form)
        input_format = self.get_import_formats()[int(data["format"])](encoding=self.from_encoding)
        job = job_start(
            kind=Job.Kind.IMPORT_PREVIEW,
            title=f"Preview of {import_file.name} for {self.model._meta.verbose_name_plural}",
            task=tasks.preview_import,
            user=request.user,
            params=import_params(
                resource_class=self.choose_import_resource_class(import_form, request),
                input_format=input_format,
                file_name=import_file.name,
                user=request.user,
            ),
            input_text=text,
        )
        self.message_user(request, job_message(job), _level(job))
        return HttpResponseRedirect(reverse("admin:catalogue_job_change", args=[job.pk]))

    def _import_page(self, request, import_form):
        """The upload form (with its errors), as django-import-export renders it."""
        res_kwargs = self.get_import_resource_kwargs(request=request, form=import_form)
        resources = [rc(**res_kwargs) for rc in self.get_import_resource_classes(request)]
        context = {
            **self.get_import_context_data(),
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "form": import_form,
            "opts": self.model._meta,
            "media": self.media + import_form.media,
            "fields_list": [
                (r.get_display_name(), [f.column_name for f in r.get_user_visible_fields()])
                for r in resources
            ],
            "import_error_display": self.import_error_display,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)

    def process_import(self, request, **kwargs):
        return require_POST(self._confirm)(request)

    def _confirm(self, request):
        """Queue the import of a finished preview's file; each preview is confirmed once."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ConfirmPreviewForm(request.POST)
        preview = None
        if form.is_valid():
            preview = (
                Job.objects.defer("input_text", "preview")
                .filter(pk=form.cleaned_data["preview_job"], kind=Job.Kind.IMPORT_PREVIEW)
                .first()
            )
        ours = {_resource_path(rc) for rc in self.get_import_resource_classes(request)}
        if preview is None or preview.params.get("resource") not in ours:
            return self._refuse(request, "There is no such import preview to confirm.")
        if preview.state != Job.State.SUCCEEDED:
            return self._refuse(request, "Only a finished preview without errors can be confirmed.")
        # Read, then take the file in one conditional update: of two clicks on
        # Confirm, only the first finds it there and queues an import.
        text = Job.objects.values_list("input_text", flat=True).get(pk=preview.pk)
        if not text or not Job.objects.filter(pk=preview.pk).exclude(input_text="").update(
            input_text=""
        ):
            return self._refuse(request, "This preview has been confirmed already.", preview)
        params = {**preview.params, "user_id": request.user.pk}
        params.pop("import_job", None)
        job = job_start(
            kind=Job.Kind.IMPORT,
            title=f"Import of {params['file_name']} into {self.model._meta.verbose_name_plural}",
            task=tasks.import_records,
            user=request.user,
            params=params,
            input_text=text,
        )
        Job.objects.filter(pk=preview.pk).update(params={**preview.params, "import_job": job.pk})
        self.message_user(request, job_message(job), _level(job))
        return HttpResponseRedirect(reverse("admin:catalogue_job_change", args=[job.pk]))

    def _refuse(self, request, message, preview=None):
        self.message_user(request, message, messages.ERROR)
        if preview is not None:
            return HttpResponseRedirect(reverse("admin:catalogue_job_change", args=[preview.pk]))
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))


def _level(job):
    return messages.ERROR if job.state == Job.State.FAILED else messages.INFO
