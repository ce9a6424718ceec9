"""The holdings' admin pages in headless Chromium at desktop and phone widths:
the collection tree, a unit's page with its documents, the move page and the
"Move to collection" page. axe-core finds no serious or critical violation and
the Content-Security-Policy blocks nothing. Screenshots go to test-artifacts/."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE
from tests.factories import make_collection, make_document, make_repository

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-password-1956"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def holdings():
    repository = make_repository(name="Diplomatic Archives", code="JP-1000001")
    fonds = make_collection(
        repository=repository, reference_code="F12", title="Moscow negotiations, 1955\u20131956"
    )
    series = make_collection(parent=fonds, reference_code="S3", title="Telegrams from Moscow")
    document = make_document(
        title="Joint Declaration of the USSR and Japan", collection=series, reference_code="7"
    )
    return {"fonds": fonds, "series": series, "document": document}


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def admin_page(request, browser, live_server, django_user_model):
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    context = browser.new_context(viewport=request.param)
    page = context.new_page()
    page.csp_errors = []
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and page.csp_errors.append(m.text),
    )
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.base = live_server.url
    page.width_name = "desktop" if request.param is DESKTOP else "phone"
    yield page
    context.close()


def _pages(holdings):
    return {
        "tree": reverse("admin:catalogue_collection_changelist"),
        "unit": reverse("admin:catalogue_collection_change", args=[holdings["series"].pk]),
        "move": reverse("admin:catalogue_collection_move") + f"?ids={holdings['series'].pk}",
        "file": reverse("admin:catalogue_document_move") + f"?ids={holdings['document'].pk}",
    }


@pytest.mark.parametrize("name", ["tree", "unit", "move", "file"])
def test_holdings_admin_page_has_no_serious_axe_violation(admin_page, holdings, name):
    page = admin_page
    response = page.goto(page.base + _pages(holdings)[name])
    assert response.status == 200
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
    assert page.csp_errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"holdings-{name}-{page.width_name}.png"), full_page=True)


def test_the_tree_shows_units_indented_under_their_parents(admin_page, holdings):
    page = admin_page
    page.goto(page.base + _pages(holdings)["tree"])
    cells = page.locator("#result_list tbody tr td.field-tree_title a")
    assert cells.all_inner_texts()[0].startswith("JP-1000001/F12 Moscow negotiations")
    assert cells.all_inner_texts()[1].startswith("JP-1000001/F12/S3 Telegrams")
    fonds_x, series_x = (cells.nth(n).bounding_box()["x"] for n in range(2))
    assert series_x > fonds_x + 10  # the series is indented under its fonds


def test_an_autocomplete_built_after_the_page_loaded_is_still_named_by_its_label(
    admin_page, holdings
):
    """select2 may build its combobox after the window's load event (jQuery 3 runs
    ready handlers asynchronously); a screen reader must still hear the field's label."""
    page = admin_page
    page.goto(page.base + _pages(holdings)["unit"])
    page.evaluate(
        """() => {
            const select = django.jQuery("#id_creator_person");
            select.select2("destroy");
            select.djangoAdminSelect2();
        }"""
    )
    assert page.get_by_role("combobox", name="Creator (person):").count() == 1
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
