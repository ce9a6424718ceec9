"""The Articles list's "Ingest texts" page: uploaded texts become draft
articles in a background job (see catalogue/jobs/ingest.py)."""

from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from catalogue.ingest.source import MAX_BYTES
from catalogue.jobs import tasks
from catalogue.jobs.admin import job_message
from catalogue.jobs.ingest import ingest_input
from catalogue.jobs.runner import job_start
from catalogue.models import Job

# One file may be as large as the parser takes; the whole upload is held in
# the job's row until a worker reads it, so it is bounded too.
MAX_FILE_BYTES = MAX_BYTES
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MAX_FILES = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple) and data:
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class IngestUploadForm(forms.Form):
    texts = MultipleFileField(
        label="Text files",
        help_text=f"Plain text (.txt, UTF-8), up to {MAX_FILES} files of at most "
        f"{MAX_FILE_BYTES // (1024 * 1024)} MB each, {MAX_TOTAL_BYTES // (1024 * 1024)} MB "
        "in all.",
        widget=MultipleFileInput(attrs={"accept": ".txt,text/plain"}),
    )

    def clean_texts(self):
        uploads = self.cleaned_data["texts"]
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(f"At most {MAX_FILES} files at a time.")
        if sum(upload.size for upload in uploads) > MAX_TOTAL_BYTES:
            raise forms.ValidationError(
                f"At most {MAX_TOTAL_BYTES // (1024 * 1024)} MB at a time; ingest the rest next."
            )
        names = [Path(upload.name).name for upload in uploads]
        problems = [
            f"{name}: only .txt files are ingested."
            for name in names
            if not name.lower().endswith(".txt")
        ]
        problems += [
            f"{name}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB."
            for name, upload in zip(names, uploads, strict=True)
            if upload.size > MAX_FILE_BYTES
        ]
        twice = sorted({name for name in names if names.count(name) > 1})
        problems += [f"{name}: given twice." for name in twice]
        if problems:
            raise forms.ValidationError(problems)
        return [(name, upload.read()) for name, upload in zip(names, uploads, strict=True)]


class IngestUploadMixin:
    """Adds the upload page to the Articles admin; for those who may add articles
    (archivists and editors), since ingest writes new draft articles."""

    ingest_template = "admin/catalogue/article/ingest.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.ingest_view)
        return [path("ingest/", view, name="catalogue_article_ingest"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_ingest": self.has_add_permission(request)}
        return super().changelist_view(request, extra_context)

    def ingest_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        posted = request.method == "POST"
        form = IngestUploadForm(request.POST, request.FILES) if posted else IngestUploadForm()
        if posted and form.is_valid():
            files = form.cleaned_data["texts"]
            job = job_start(
                kind=Job.Kind.INGEST,
                title=f"Ingest of {len(files)} text(s): {', '.join(n for n, _ in files)}",
                task=tasks.ingest_texts,
                user=request.user,
                input_text=ingest_input(files),
            )
            level = messages.ERROR if job.state == Job.State.FAILED else messages.INFO
            self.message_user(request, job_message(job), level)
            return HttpResponseRedirect(reverse("admin:catalogue_job_change", args=[job.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Ingest texts as draft articles",
            "form": form,
        }
        return TemplateResponse(request, self.ingest_template, context)
