"""The Articles list's "Ingest texts" page: uploads become draft articles in a job."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.models import Article, Job, Mention, Status
from tests.ingest.conftest import EVENT, WIKI

pytestmark = pytest.mark.django_db(databases=["default", "jobs"])

INGEST_URL = "admin:catalogue_article_ingest"


def staff_with(django_user_model, username, *codenames):
    # Rights given directly: transactional tests elsewhere flush the role groups.
    user = django_user_model.objects.create_user(username, is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="catalogue", codename__in=codenames)
    )
    return user


@pytest.fixture
def archivist(django_user_model):
    return staff_with(django_user_model, "archie", "view_article", "add_article", "change_article")


@pytest.fixture
def archivist_client(client, archivist):
    client.force_login(archivist)
    return client


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="text/plain")


def sources():
    return [upload(path.name, path.read_bytes()) for path in (WIKI, EVENT)]


def ingest(client, files):
    return client.post(reverse(INGEST_URL), {"texts": files})


def test_two_uploaded_texts_become_draft_articles_through_a_job(archivist_client):
    response = ingest(archivist_client, sources())

    job = Job.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:catalogue_job_change", args=[job.pk])
    assert job.kind == Job.Kind.INGEST and job.started_by == "archie"
    assert job.state == Job.State.SUCCEEDED, job.error
    assert (job.done, job.total) == (2, 2)
    assert job.input_text == ""  # the files were kept only for the worker
    drafts = Article.objects.order_by("identifier")
    assert [a.identifier for a in drafts] == [
        "article-0543db3bfdfe29b7",
        "article-f5ec84521a8842e8",
    ]
    assert {a.status for a in drafts} == {Status.DRAFT}
    assert [a.source_filename for a in drafts] == [WIKI.name, EVENT.name]
    assert job.result.startswith("2 new draft articles: article-0543db3bfdfe29b7 \u201c")
    page = archivist_client.get(response.url).content.decode()
    assert "2 new draft articles" in page


def test_texts_already_in_the_catalogue_are_reported_unchanged(archivist_client):
    ingest(archivist_client, sources())
    ingest(archivist_client, sources())

    again = Job.objects.order_by("pk").last()
    assert again.state == Job.State.SUCCEEDED, again.error
    assert again.result == (
        f"2 unchanged, already in the catalogue: {WIKI.name} (article-0543db3bfdfe29b7), "
        f"{EVENT.name} (article-f5ec84521a8842e8)."
    )
    assert Article.objects.count() == 2


def test_one_bad_text_fails_the_job_and_nothing_is_written(archivist_client):
    bad = upload("latin1.txt", "Caf\xe9 des Nations\n\nA page".encode("latin-1"))

    response = ingest(archivist_client, [*sources(), bad])

    job = Job.objects.get()
    assert job.state == Job.State.FAILED
    assert job.error.startswith("Nothing was ingested, because latin1.txt: ")
    assert "UTF-8" in job.error
    assert (Article.objects.count(), Mention.objects.count()) == (0, 0)
    message = archivist_client.get(response.url).content.decode()
    assert "Nothing was ingested, because latin1.txt" in message


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ([upload("scan.pdf", b"%PDF-1.4")], "scan.pdf: only .txt files are ingested."),
        ([upload("a.txt", b"One"), upload("a.txt", b"Two")], "a.txt: given twice."),
        ([], "This field is required."),
    ],
)
def test_files_the_form_refuses_start_no_job(archivist_client, files, problem):
    response = ingest(archivist_client, files)

    assert response.status_code == 200
    assert problem in response.content.decode()
    assert not Job.objects.exists()


def test_a_text_over_the_size_limit_is_refused(archivist_client, monkeypatch):
    monkeypatch.setattr("catalogue.admin.ingest.MAX_FILE_BYTES", 10)

    response = ingest(archivist_client, [upload("long.txt", b"x" * 11)])

    assert "long.txt: larger than" in response.content.decode()
    assert not Job.objects.exists()


def test_an_upload_over_the_total_limit_is_refused(archivist_client, monkeypatch):
    monkeypatch.setattr("catalogue.admin.ingest.MAX_TOTAL_BYTES", 15)

    response = ingest(archivist_client, [upload("a.txt", b"x" * 8), upload("b.txt", b"y" * 8)])

    assert "at a time; ingest the rest next." in response.content.decode()
    assert not Job.objects.exists()


def test_the_articles_list_offers_ingest_to_those_who_may_add_articles(
    client, archivist_client, django_user_model
):
    changelist = reverse("admin:catalogue_article_changelist")
    assert reverse(INGEST_URL) in archivist_client.get(changelist).content.decode()

    client.force_login(staff_with(django_user_model, "viewer", "view_article"))
    assert reverse(INGEST_URL) not in client.get(changelist).content.decode()
    assert client.get(reverse(INGEST_URL)).status_code == 403
    assert ingest(client, sources()).status_code == 403
    assert not Job.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = ingest(client, sources())
    assert response.status_code == 302 and "/login/" in response.url
    assert not Job.objects.exists() and not Article.objects.exists()
