"""Bulk import and export in the admin: identifiers, not ids; a preview first;
all or nothing."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.admin.resources import DocumentResource
from catalogue.models import Document, Place, Status
from tests.factories import make_document, make_place

pytestmark = pytest.mark.django_db(databases=["default", "jobs"])

CSV_FORMAT, JSON_FORMAT = "0", "1"
HEADER = ["identifier", "title", "kind", "date_edtf", "place", "status"]


def _csv(rows, header=HEADER):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def _preview(client, content, name="documents.csv", fmt=CSV_FORMAT, model="document"):
    """Upload a file; its preview job runs (at once, under the tests' job backend)
    and the preview job's page is returned."""
    return client.post(
        reverse(f"admin:catalogue_{model}_import"),
        {"import_file": SimpleUploadedFile(name, content), "format": fmt},
        follow=True,
    )


def _confirm(client, preview, model="document"):
    """Press Confirm on the preview's page."""
    assert preview.context.get("confirm_url"), "the preview offers no Confirm button"
    job = preview.context["original"]
    return client.post(
        reverse(f"admin:catalogue_{model}_process_import"), {"preview_job": str(job.pk)}
    )


@pytest.fixture
def moscow():
    return make_place(name="Moscow", identifier="place-moscow")


def test_a_csv_import_previews_then_creates_records_with_derived_dates_and_history(
    archivist_client, archivist, moscow
):
    content = _csv(
        [
            [
                "doc-declaration",
                "Joint Declaration",
                "declaration",
                "1956-10-19",
                "place-moscow",
                "draft",
            ],
            ["doc-protocol", "Trade Protocol", "protocol", "1956-10", "", "draft"],
        ]
    )
    preview = _preview(archivist_client, content)
    assert preview.context.get("confirm_url")
    assert "Joint Declaration" in preview.content.decode()
    assert not Document.objects.exists()  # the preview changes nothing

    response = _confirm(archivist_client, preview)

    assert response.status_code == 302
    declaration = Document.objects.get(identifier="doc-declaration")
    assert declaration.place == moscow
    assert str(declaration.date_earliest) == "1956-10-19"
    protocol = Document.objects.get(identifier="doc-protocol")
    assert (str(protocol.date_earliest), str(protocol.date_latest)) == ("1956-10-01", "1956-10-31")
    history = declaration.history.latest()
    assert history.history_user == archivist
    assert history.history_change_reason == "Imported from documents.csv"


def test_a_csv_with_one_bad_row_changes_nothing_and_names_the_row(archivist_client, moscow):
    existing = make_document(identifier="doc-declaration", title="Joint Declaration")
    content = _csv(
        [
            [
                "doc-declaration",
                "Joint Declaration (revised)",
                "declaration",
                "1956-10-19",
                "",
                "draft",
            ],
            ["doc-bad-date", "Trade Protocol", "protocol", "October 1956", "", "draft"],
            ["doc-note", "A note", "letter", "1956", "place-moscow", "draft"],
        ]
    )
    preview = _preview(archivist_client, content)

    html = preview.content.decode()
    assert not preview.context.get("confirm_url")
    assert "Nothing was imported" in html
    assert "Row 2 (identifier doc-bad-date): date_edtf: " in html
    assert "is not a valid EDTF date" in html
    existing.refresh_from_db()
    assert existing.title == "Joint Declaration"
    assert set(Document.objects.values_list("identifier", flat=True)) == {"doc-declaration"}


def test_an_unknown_linked_identifier_is_reported_by_row(archivist_client):
    content = _csv([["doc-a", "A", "letter", "1956", "place-atlantis", "draft"]])
    html = _preview(archivist_client, content).content.decode()
    assert (
        "Row 1 (identifier doc-a): place: No place has the identifier &#x27;place-atlantis&#x27;."
        in html
    )
    assert not Document.objects.exists()


def test_when_data_changes_between_preview_and_confirm_nothing_is_imported(
    archivist_client, moscow
):
    content = _csv(
        [
            ["doc-a", "A", "letter", "1956", "", "draft"],
            ["doc-b", "B", "letter", "1956", "place-moscow", "draft"],
        ]
    )
    preview = _preview(archivist_client, content)
    Place.objects.filter(pk=moscow.pk).delete()

    response = _confirm(archivist_client, preview)

    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages[0].startswith("Nothing was imported, because row 2 (identifier doc-b)")
    assert not Document.objects.exists()


def test_an_archivist_cannot_publish_through_an_import(archivist_client):
    draft = make_document(identifier="doc-draft", title="Draft", status=Status.DRAFT)
    content = _csv([["doc-draft", "Draft", "declaration", "1956", "", "published"]])
    html = _preview(archivist_client, content).content.decode()
    assert "Row 1 (identifier doc-draft): status: You may not change the status" in html
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_an_editor_may_publish_through_an_import(editor_client):
    make_document(identifier="doc-draft", title="Draft", status=Status.DRAFT)
    content = _csv([["doc-draft", "Draft", "declaration", "1956", "", "published"]])
    _confirm(editor_client, _preview(editor_client, content))
    assert Document.objects.get(identifier="doc-draft").status == Status.PUBLISHED


def test_a_row_exported_before_someone_else_edited_the_record_is_refused(archivist_client):
    document = make_document(identifier="doc-declaration", title="Joint Declaration")
    exported = DocumentResource().export(Document.objects.all())
    document.title = "Edited after the export"
    document.save()
    row = dict(zip(exported.headers, exported[0], strict=True))
    row["title"] = "Changed in the spreadsheet"

    html = _preview(archivist_client, _csv([row.values()], header=row.keys())).content.decode()

    assert "The record was changed after this file was exported" in html
    document.refresh_from_db()
    assert document.title == "Edited after the export"


def test_reimporting_an_unchanged_export_changes_no_version(archivist_client, moscow):
    document = make_document(identifier="doc-declaration", place=moscow)
    exported = DocumentResource().export(Document.objects.all())
    _confirm(archivist_client, _preview(archivist_client, exported.csv.encode()))
    document.refresh_from_db()
    assert document.version == 1


def test_a_json_import_works_like_csv(archivist_client, moscow):
    content = json.dumps(
        [
            {
                "identifier": "doc-json",
                "title": "From JSON",
                "kind": "treaty",
                "date_edtf": "1956",
                "place": "place-moscow",
                "status": "draft",
                "other_titles": '["Japanese title"]',
            }
        ]
    ).encode()
    preview = _preview(archivist_client, content, name="documents.json", fmt=JSON_FORMAT)
    _confirm(archivist_client, preview)
    document = Document.objects.get(identifier="doc-json")
    assert document.place == moscow
    assert document.other_titles == ["Japanese title"]


@pytest.mark.parametrize(
    ("fmt", "kind"), [(CSV_FORMAT, "text/csv"), (JSON_FORMAT, "application/json")]
)
def test_export_from_the_admin_writes_identifiers_never_database_ids(
    archivist_client, moscow, fmt, kind
):
    make_document(identifier="doc-declaration", title="Joint Declaration", place=moscow)
    url = reverse("admin:catalogue_document_export")
    form = archivist_client.get(url).context["form"]
    data = {name: "on" for name, field in form.fields.items() if field.initial is True}
    response = archivist_client.post(url, {**data, "format": fmt})

    assert response.status_code == 200
    assert response["Content-Type"].startswith(kind)
    body = response.content.decode()
    rows = list(csv.DictReader(io.StringIO(body))) if fmt == CSV_FORMAT else json.loads(body)
    assert rows[0]["identifier"] == "doc-declaration"
    assert rows[0]["place"] == "place-moscow"
    assert "id" not in rows[0]


def test_article_links_to_many_records_by_identifier(archivist_client):
    from catalogue.models import Article
    from tests.factories import make_person

    hatoyama = make_person(name="Ichiro Hatoyama", identifier="person-hatoyama")
    bulganin = make_person(name="Nikolai Bulganin", identifier="person-bulganin")
    header = ["identifier", "title", "status", "authors", "about_people", "date_edtf"]
    content = _csv(
        [
            [
                "article-a",
                "On the Declaration",
                "draft",
                "person-hatoyama",
                "person-hatoyama,person-bulganin",
                "1957",
            ]
        ],
        header=header,
    )
    _confirm(
        archivist_client, _preview(archivist_client, content, model="article"), model="article"
    )

    article = Article.objects.get(identifier="article-a")
    assert list(article.authors.all()) == [hatoyama]
    assert set(article.about_people.all()) == {hatoyama, bulganin}

    again = _preview(archivist_client, content, model="article")
    assert "Skipped" in again.content.decode()  # an unchanged row is not saved again


def test_an_unknown_identifier_among_many_links_is_reported_by_row(archivist_client):
    header = ["identifier", "title", "status", "authors"]
    content = _csv([["article-a", "On the Declaration", "draft", "person-nobody"]], header=header)
    html = _preview(archivist_client, content, model="article").content.decode()
    assert "Row 1 (identifier article-a): authors: No people have the identifiers" in html
    assert "person-nobody" in html


def test_a_file_without_an_identifier_column_is_refused_with_a_reason(archivist_client):
    content = _csv([["A title", "letter"]], header=["title", "kind"])
    html = _preview(archivist_client, content).content.decode()
    assert "Nothing was imported" in html
    assert "not present in the file headers: identifier" in html
    assert "Traceback" not in html
    assert not Document.objects.exists()


@pytest.mark.parametrize("rows", [1, 30])
def test_export_query_count_does_not_grow_with_rows(
    archivist_client, django_assert_num_queries, rows
):
    for n in range(rows):
        make_document(description=f"Description {n}", place=make_place(name=f"City {n}"))
    url = reverse("admin:catalogue_document_export")
    form = archivist_client.get(url).context["form"]
    data = {name: "on" for name, field in form.fields.items() if field.initial is True}
    # session, user, permissions (2), the decade filter's years (the export
    # applies the list's filters), the documents with their places.
    with django_assert_num_queries(6):
        response = archivist_client.post(url, {**data, "format": CSV_FORMAT})
    exported = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(exported) == rows
    assert exported[0]["description"] == "Description 0"


def test_a_row_changing_title_and_authors_is_one_version_and_one_history_row(archivist_client):
    from catalogue.models import Article
    from tests.factories import make_article, make_person

    make_person(name="Ichiro Hatoyama", identifier="person-hatoyama")
    article = make_article(identifier="article-a", title="Draft")
    header = ["identifier", "title", "authors", "version"]
    content = _csv([["article-a", "On the Declaration", "person-hatoyama", "1"]], header=header)
    _confirm(
        archivist_client, _preview(archivist_client, content, model="article"), model="article"
    )

    article = Article.objects.get(pk=article.pk)
    assert (article.title, article.version) == ("On the Declaration", 2)
    assert [a.identifier for a in article.authors.all()] == ["person-hatoyama"]
    assert article.history.count() == 2
    assert article.history.latest().history_change_reason == "Imported from documents.csv"
