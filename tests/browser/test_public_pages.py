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
    page = viewport_page
    response = page.goto(seeded_server.url + PAGES[name])
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
