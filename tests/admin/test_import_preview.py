"""The import preview: a dry run, in a job, that looks up the file's records in
batches, and writes neither history nor search entries, as the confirmed import does."""

import pytest

from catalogue.admin.resources import DocumentResource, FormulaSafeCSV, PrefetchedInstanceLoader
from catalogue.jobs import tasks
from catalogue.models import Document, Job
from catalogue.search import matching_pks
from tests.factories import make_document

from .test_import_export import _confirm, _csv, _preview

pytestmark = pytest.mark.django_db(databases=["default", "jobs"])

QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def rows(count, *, title="Imported"):
    return [[f"doc-{n}", f"{title} {n}", "letter", "1956", "", "draft"] for n in range(count)]


@pytest.mark.parametrize(("existing", "per_row"), [(False, 8), (True, 10)])
def test_a_preview_costs_the_same_few_queries_per_row_for_new_and_changed_records(
    archivist_client, django_assert_max_num_queries, settings, existing, per_row
):
    if existing:
        for n in range(40):
            make_document(identifier=f"doc-{n}", title=f"Old {n}", status="draft")
    settings.TASKS = QUEUED  # the upload only queues the preview
    _preview(archivist_client, _csv(rows(40)))
    job = Job.objects.get()
    # Per row: the unique checks, the insert or update and the row's savepoints
    # (a change also: the version check, the status check and the quotations
    # citing the document); no lookup of the record, no history row and no
    # search entry (see the resource). It was 15 a new row before.
    with django_assert_max_num_queries(40 * per_row + 25):
        tasks.preview_import.call(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED, job.error
    assert job.preview["totals"]["update" if existing else "new"] == 40


def test_a_preview_of_changes_shows_the_stored_records_being_updated(archivist_client):
    make_document(identifier="doc-1", title="Old 1", status="draft")

    preview = _preview(archivist_client, _csv(rows(2)))

    shown = preview.context["preview"]["shown"]
    assert [(row["number"], row["type"]) for row in shown] == [(1, "new"), (2, "update")]
    assert Document.objects.get(identifier="doc-1").title == "Old 1"  # only a preview


def test_an_identifier_twice_in_a_file_imports_as_before_the_second_row_updating(
    archivist_client,
):
    content = _csv(
        [
            ["doc-twice", "First", "letter", "1956", "", "draft"],
            ["doc-twice", "Second", "letter", "1956", "", "draft"],
        ]
    )
    preview = _preview(archivist_client, content)
    assert [row["type"] for row in preview.context["preview"]["shown"]] == ["new", "update"]

    _confirm(archivist_client, preview)

    document = Document.objects.get(identifier="doc-twice")
    assert (document.title, document.version) == ("Second", 2)


def test_the_confirmed_import_still_writes_history_and_search_entries(archivist_client, archivist):
    content = _csv([["doc-x", "Kurils memo", "letter", "1956", "", "draft"]])
    preview = _preview(archivist_client, content)
    assert matching_pks("Kurils", model=Document, user=archivist) == []

    _confirm(archivist_client, preview)

    document = Document.objects.get(identifier="doc-x")
    assert document.history.count() == 1
    assert matching_pks("Kurils", model=Document, user=archivist) == [document.pk]


def test_the_loader_reads_the_files_records_in_batches(django_assert_num_queries, monkeypatch):
    monkeypatch.setattr(PrefetchedInstanceLoader, "BATCH", 2)
    for n in range(5):
        make_document(identifier=f"doc-{n}")
    dataset = FormulaSafeCSV(encoding="utf-8").create_dataset(_csv(rows(5)).decode())
    resource = DocumentResource()
    with django_assert_num_queries(3):  # 5 identifiers in batches of 2
        loader = PrefetchedInstanceLoader(resource, dataset)
    with django_assert_num_queries(0):
        found = [loader.get_instance(row) for row in dataset.dict]
    assert [d.identifier for d in found] == [f"doc-{n}" for n in range(5)]
