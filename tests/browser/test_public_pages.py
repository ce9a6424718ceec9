"""The public pages in headless Chromium at desktop and phone widths: axe-core
finds no WCAG 2.2 AA violation, the Content-Security-Policy blocks nothing the
page needs, and nothing is wider than the screen. Screenshots go to
/tmp/public-pages/ for a person to look at."""

from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path("/tmp/public-pages")
PAGES = {
    "home": "/",
    "documents": "/documents/?kind=declaration&kind=protocol",
    "document": "/documents/soviet-japanese-joint-declaration-of-1956/",
    "article": "/articles/soviet-union-and-japan-sign-joint-declaration/",
    "search": "/search/?q=Habomai",
    "timeline": "/timeline/",
}
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WCAG_AA = {"runOnly": {"type": "tag", "values": WCAG_22_AA}}


@pytest.fixture
def seeded_server(live_server):
    call_command("seed", stdout=StringIO())
    return live_server


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def viewport_page(request, browser):
    context = browser.new_context(viewport=request.param)
    page = context.new_page()
    page.csp_errors = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_errors.append(message.text)
        ),
    )
    page.width_name = "desktop" if request.param is DESKTOP else "phone"
    yield page
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_public_page_passes_axe_and_fits_the_screen(seeded_server, viewport_page, name):
    _check(viewport_page, seeded_server.url + PAGES[name], name)


def _check(page, url, name):
    """axe finds nothing at WCAG 2.2 AA, the CSP blocks nothing, nothing overflows."""
    response = page.goto(url)
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]

    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    assert page.csp_errors == []
    # The stylesheet loaded (served by whitenoise, allowed by the CSP).
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Georgia")
    # Nothing makes the page scroll sideways on a phone.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0

    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{page.width_name}.png"), full_page=True)


# The seed names no holdings (its sources name none): these pages get theirs
# from the factories, with the seeded declaration filed in a series.
HOLDINGS_PAGES = {
    "repositories": "/repositories/",
    "repository": "/repositories/diplomatic-archives-of-the-ministry/",
    "collections": "/collections/?level=series",
    "collection": "/collections/joint-declaration-negotiations-moscow-1956/?per_page=2",
    "held-document": "/documents/soviet-japanese-joint-declaration-of-1956/",
    "documents-by-collection": "/documents/?collection=coll-fonds-1",
}


@pytest.fixture
def holdings_server(seeded_server):
    from catalogue.models import Document
    from tests.factories import make_collection, make_document, make_repository

    repository = make_repository(
        name="Diplomatic Archives of the Ministry",
        code="JP-1000001",
        address="1-5-3 Azabudai, Minato-ku, Tokyo",
        url="https://archives.example.jp/",
        email="reading-room@example.jp",
    )
    fonds = make_collection(
        repository=repository,
        identifier="coll-fonds-1",
        title="Records of the Ministry of Foreign Affairs concerning the Soviet Union",
        reference_code="F12",
        scope_and_content="Negotiations, treaties and correspondence, 1945-1960.",
        access_conditions="Open.",
        rights_uri="http://rightsstatements.org/vocab/InC/1.0/",
        rights_label="In Copyright",
    )
    series = make_collection(
        parent=fonds, title="Joint declaration negotiations, Moscow, 1956", reference_code="S3"
    )
    for position in range(3):
        make_collection(parent=series, title=f"File {position + 1}", position=position)
    declaration = Document.objects.get(slug="soviet-japanese-joint-declaration-of-1956")
    declaration.collection, declaration.reference_code = series, "7"
    declaration.extent_and_medium = "4 leaves; typescript"
    declaration.save()
    for position in range(3):
        make_document(collection=series, collection_position=position + 1)
    return seeded_server


@pytest.mark.parametrize("name", HOLDINGS_PAGES)
def test_holdings_page_passes_axe_and_fits_the_screen(holdings_server, viewport_page, name):
    _check(viewport_page, holdings_server.url + HOLDINGS_PAGES[name], name)


def test_skip_link_is_first_and_moves_focus_to_the_main_content(seeded_server, viewport_page):
    page = viewport_page
    page.goto(seeded_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_copy_citation_button_appears_only_with_javascript(seeded_server, browser):
    url = seeded_server.url + PAGES["document"]
    with_js = browser.new_context(viewport=DESKTOP)
    without_js = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = with_js.new_page()
        page.goto(url)
        assert page.locator("button.copy-citation").is_visible()
        page = without_js.new_page()
        page.goto(url)
        assert not page.locator("button.copy-citation").is_visible()
        # Everything else is there without JavaScript: the cite block and its downloads.
        assert page.locator("#chicago-citation").is_visible()
        assert page.locator("a[href$='cite.bib']").is_visible()
    finally:
        with_js.close()
        without_js.close()
