"""The API docs (Swagger UI and ReDoc, from the sidecar) render the
operations in headless Chromium with every request staying on this machine."""

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture
def requests_seen(page):
    """Every request the browser sends to the network; any for another host is
    refused here, so the page is tested as if this machine had no internet."""
    sent = []

    def route(route):
        sent.append(route.request.url)
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", route)
    return sent


def _leaving(urls):
    """Requests for anything not on this machine (data: and blob: URLs stay in the page)."""
    return [
        u
        for u in urls
        if urlsplit(u).scheme not in {"data", "blob"} and urlsplit(u).hostname not in LOOPBACK
    ]


def test_swagger_ui_renders_the_operations_offline(page, live_server, requests_seen, screenshot):
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/documents/{identifier}/" in paths
    assert "/api/citations/" in paths
    screenshot(page, "api-docs-swagger")
    assert requests_seen and _leaving(requests_seen) == []


def test_redoc_renders_the_operations_offline(page, live_server, requests_seen, screenshot):
    page.goto(f"{live_server.url}/api/redoc/")
    page.locator("h2", has_text="List documents").first.wait_for(timeout=20_000)
    assert page.locator("h2", has_text="List citations").count() == 1
    screenshot(page, "api-docs-redoc")
    assert requests_seen and _leaving(requests_seen) == []
