"""The deep-zoom viewer on a document page: OpenSeadragon opens the scan's
IIIF tiles under the site's Content-Security-Policy, zooms in, and the page
keeps to WCAG with the viewer in it. Screenshots go to test-artifacts/."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.urls import path
from django.views.static import serve

from archive_site.urls import urlpatterns as site_urlpatterns
from tests.factories import make_document, make_scan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _media(request, path):
    # Thumbnails and display copies, as the web server serves them in production.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


# OpenSeadragon 6.1.1 adds one inline <style> (a touch-screen focus rule, by this
# hash); the site's CSP refuses it, as it should, and site.css carries the rule.
# Anything else refused would be a real breakage.
OSD_MOBILE_STYLE = "EwVVjIvqWAgmZgqFqpEE="

urlpatterns = [*site_urlpatterns, path("media/<path:path>", _media)]


@pytest.fixture
def document_page(page, live_server, settings):
    settings.ROOT_URLCONF = __name__
    document = make_document(title="Joint Declaration")
    make_scan(document, size=(2000, 1400), alt_text="First page of the declaration")
    page.csp_errors = []
    page.tiles = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_errors.append(message.text)
        ),
    )
    page.on("response", lambda r: "/iiif/image/" in r.url and page.tiles.append(r))
    page.goto(live_server.url + document.get_absolute_url())
    return page


def _zoom(page):
    return page.evaluate("document.getElementById('scan-viewer').viewer.viewport.getZoom()")


def test_the_viewer_opens_the_scan_and_zooms_in(document_page, screenshot):
    page = document_page
    page.wait_for_selector("#scan-viewer canvas", timeout=15000)
    page.wait_for_function(
        "() => { const v = document.getElementById('scan-viewer').viewer;"
        " return v && v.world.getItemCount() === 1 && v.world.getItemAt(0).getFullyLoaded(); }",
        timeout=15000,
    )
    before = _zoom(page)
    page.evaluate(
        "(() => { const v = document.getElementById('scan-viewer').viewer;"
        " v.viewport.zoomBy(4); v.viewport.applyConstraints(true); })()"
    )
    page.wait_for_function(
        "() => document.getElementById('scan-viewer').viewer.world.getItemAt(0).getFullyLoaded()",
        timeout=15000,
    )
    assert _zoom(page) > before * 3
    # Zoomed in, the viewer asked for full-resolution tiles (scale factor 1).
    requested = [r.url for r in page.tiles]
    assert any("/512,512/0/default.jpg" in url for url in requested), requested
    assert all(r.status == 200 for r in page.tiles), [(r.url, r.status) for r in page.tiles]
    assert [e for e in page.csp_errors if OSD_MOBILE_STYLE not in e] == []
    screenshot(page, "viewer-zoomed")


def test_the_page_with_the_viewer_has_no_serious_axe_violation(document_page):
    page = document_page
    page.wait_for_selector("#scan-viewer canvas", timeout=15000)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
