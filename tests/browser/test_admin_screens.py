"""The archivists' admin in headless Chromium: the document change page, its
history, restoring a version, and a stale save refused. Screenshots are saved
in test-artifacts/ for a person to look at."""

import pytest
from django.conf import settings
from django.urls import path, reverse
from django.views.static import serve

from archive_site.urls import urlpatterns as site_urlpatterns
from catalogue.models import Document, DocumentExcerpt, DocumentImage, DocumentRelation, Status
from tests.admin.scans import gps_exif, image_bytes, upload
from tests.factories import make_agent, make_document, make_organisation, make_person, make_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-password-1956"


def _media(request, path):
    # Scans are served in the test as a web server serves them in production.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [*site_urlpatterns, path("media/<path:path>", _media)]


@pytest.fixture
def admin_page(page, live_server, django_user_model, settings):
    settings.ROOT_URLCONF = __name__
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.base = live_server.url
    return page


@pytest.fixture
def declaration():
    moscow = make_place(name="Moscow")
    document = make_document(
        title="Joint Declaration of the USSR and Japan",
        date_written="October 19, 1956",
        date_edtf="1956-10-19",
        place=moscow,
        status=Status.DRAFT,
        description="Ends the state of war between the two countries.",
    )
    make_agent(document, person=make_person(name="Ichiro Hatoyama"))
    make_agent(document, organisation=make_organisation(name="Government of Japan"))
    DocumentRelation.objects.create(
        source=document,
        target=make_document(title="Protocol on Trade", date_edtf="1956-10-19"),
        kind=DocumentRelation.Kind.ACCOMPANIED_BY,
    )
    DocumentExcerpt.objects.create(
        document=document,
        text="The state of war between the two countries ends on the day this Declaration "
        "enters into force.",
        locator="Article 1",
        provenance="unofficial translation from the Russian",
    )
    DocumentImage.objects.create(
        document=document,
        image=upload("declaration-page-1.jpg", image_bytes(size=(600, 800), exif=gps_exif(1))),
        caption="First page",
        alt_text="The first page of the typed declaration",
    )
    return document


def _change_url(page, document):
    return page.base + reverse("admin:catalogue_document_change", args=[document.pk])


def test_document_change_page_shows_the_record_with_its_inlines(
    admin_page, declaration, screenshot
):
    page = admin_page
    page.goto(_change_url(page, declaration))

    assert page.locator("#content h1").inner_text() == "Change document"
    assert page.locator("#id_title").input_value() == declaration.title
    headings = page.locator(".inline-group h2").all_inner_texts()
    assert [h.strip().lower() for h in headings] == [
        "people and organisations involved",
        "related documents",
        "excerpts (the document's words as other texts quote them)",
        "scans",
    ]
    agents = page.locator("#agents-group").inner_text()
    assert "Ichiro Hatoyama" in agents and "Government of Japan" in agents
    thumbnail = page.locator("img.catalogue-thumbnail")
    assert thumbnail.evaluate("img => img.complete && img.naturalWidth > 0")
    assert "sha256" in page.locator("#images-group").inner_text()
    screenshot(page, "admin-document-change")


def test_history_lists_each_save_with_its_changes_and_restores_an_earlier_one(
    admin_page, declaration, screenshot
):
    page = admin_page
    page.goto(_change_url(page, declaration))
    page.fill("#id_title", "Joint Declaration of the USSR and Japan (corrected)")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    page.goto(page.base + reverse("admin:catalogue_document_history", args=[declaration.pk]))
    rows = page.locator("#change-history tbody tr")
    assert rows.count() == 2
    newest = rows.nth(0).inner_text()
    assert "root" in newest and "Title" in newest
    assert page.locator("#change-history ins").first.inner_text() == (
        "Joint Declaration of the USSR and Japan (corrected)"
    )
    assert "First version" in rows.nth(1).inner_text()
    screenshot(page, "admin-document-history")

    rows.nth(1).get_by_role("link").click()
    assert page.locator("#content h1").inner_text().startswith("Restore an earlier version of")
    assert "Restoring saves them as a new version" in page.locator("#content").inner_text()
    assert page.locator("#id_title").input_value() == "Joint Declaration of the USSR and Japan"
    screenshot(page, "admin-document-restore")
    page.click("input[value='Restore this version']")
    page.wait_for_selector(".messagelist .success")

    restored = Document.objects.get(pk=declaration.pk)
    assert restored.title == "Joint Declaration of the USSR and Japan"
    assert restored.version == 3


def test_a_stale_save_is_refused_on_screen_and_keeps_what_was_typed(
    admin_page, browser, declaration, screenshot
):
    first = admin_page
    second = first.context.new_page()  # the same archivist in a second tab
    second.base = first.base
    for tab in (first, second):
        tab.goto(_change_url(tab, declaration))

    first.fill("#id_title", "Joint Declaration (edited in the first tab)")
    first.click("input[name=_continue]")
    first.wait_for_selector(".messagelist .success")

    second.fill("#id_description", "Signed in Moscow; typed in the second tab.")
    second.click("input[name=_continue]")

    note = second.locator(".errorlist.nonfield")
    assert "changed by someone else since you opened it" in note.inner_text()
    assert second.locator("#id_description").input_value() == (
        "Signed in Moscow; typed in the second tab."
    )
    assert (
        "it is now: Joint Declaration (edited in the first tab)"
        in second.locator(".field-title").inner_text()
    )
    screenshot(second, "admin-stale-save-refused")
    assert Document.objects.get(pk=declaration.pk).description == declaration.description
