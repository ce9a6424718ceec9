"""CSV exports cannot run spreadsheet formulas, and an exported file imports
back with every value as the archivist typed it."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.exports.csv import escape_formula, unescape_formula
from catalogue.models import Document
from tests.factories import make_document

pytestmark = pytest.mark.django_db(databases=["default", "jobs"])

CSV_FORMAT, JSON_FORMAT = "0", "1"
FORMULA = '=HYPERLINK("http://x","y")'


def _export(client, fmt):
    url = reverse("admin:catalogue_document_export")
    form = client.get(url).context["form"]
    data = {name: "on" for name, field in form.fields.items() if field.initial is True}
    return client.post(url, {**data, "format": fmt}).content.decode()


def _import(client, content):
    """Upload, then confirm on the preview job's page (jobs run at once in tests)."""
    preview = client.post(
        reverse("admin:catalogue_document_import"),
        {"import_file": SimpleUploadedFile("documents.csv", content), "format": CSV_FORMAT},
        follow=True,
    )
    job = preview.context["original"]
    return client.post(
        reverse("admin:catalogue_document_process_import"), {"preview_job": str(job.pk)}
    )


def test_a_formula_title_is_exported_as_text_in_csv(archivist_client):
    make_document(identifier="doc-formula", title=FORMULA, description="@SUM(A1)")
    row = next(csv.DictReader(io.StringIO(_export(archivist_client, CSV_FORMAT))))
    assert row["title"] == "'" + FORMULA
    assert row["description"] == "'@SUM(A1)"


def test_json_export_keeps_the_value_as_written(archivist_client):
    make_document(identifier="doc-formula", title=FORMULA)
    assert json.loads(_export(archivist_client, JSON_FORMAT))[0]["title"] == FORMULA


@pytest.mark.parametrize("title", [FORMULA, "'=1+1", "-5 degrees", "'quoted' words", "Plain"])
def test_an_exported_csv_imports_back_unchanged(archivist_client, title):
    document = make_document(identifier="doc-round-trip", title=title)
    exported = _export(archivist_client, CSV_FORMAT)
    Document.objects.filter(pk=document.pk).update(title="Changed since")
    _import(archivist_client, exported.encode())
    assert Document.objects.get(pk=document.pk).title == title


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_escaped_and_restored(start):
    value = f"{start}cmd"
    assert escape_formula(value) == f"'{value}"
    assert unescape_formula(escape_formula(value)) == value


def test_text_numbers_and_a_lone_quote_pass_through():
    for value in ("Joint Declaration", "1956-10-19", "'not a formula", 12, None):
        assert escape_formula(value) == value
        assert unescape_formula(value) == value
