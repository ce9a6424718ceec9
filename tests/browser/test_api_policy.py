"""The API's HTML pages (Swagger UI, ReDoc, the browsable API) work under the
Content-Security-Policy the API sends them: the browser refuses nothing of
this site's (scripts, styles, workers); only what other sites would serve."""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


LOOPBACK = {"127.0.0.1", "localhost", "::1"}
URL = re.compile(r"'(https?://[^']+)'")


def _off_site(text):
    # ReDoc asks its CDN for a logo; the policy refuses it on purpose.
    found = URL.search(text)
    return bool(found) and urlsplit(found.group(1)).hostname not in LOOPBACK


@pytest.fixture
def refusals(page):
    """What the browser refused of this site's own page under the policy."""
    seen = []

    def console(message):
        if "Content Security Policy" in message.text and not _off_site(message.text):
            seen.append(message.text)

    page.on("console", console)
    return seen


def test_swagger_ui_runs_under_the_policy(page, live_server, refusals):
    response = page.goto(f"{live_server.url}/api/docs/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    assert refusals == []


def test_redoc_runs_under_the_policy(page, live_server, refusals):
    page.goto(f"{live_server.url}/api/redoc/")
    page.locator("h2", has_text="List documents").first.wait_for(timeout=20_000)
    assert refusals == []


def test_the_browsable_api_runs_under_the_policy(page, live_server, refusals):
    response = page.goto(f"{live_server.url}/api/documents/")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    # prettify.js colours the JSON once the page's scripts have run.
    page.wait_for_selector("pre.prettyprint span", timeout=20_000)
    assert refusals == []
