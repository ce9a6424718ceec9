"""The collection tree in the admin: tree order with indentation, moving units
without dragging, and reference codes checked on the form."""

import pytest
from django.urls import reverse

from catalogue.models import Collection, Status
from catalogue.services.records import record_update
from tests.admin.conftest import form_data
from tests.factories import make_collection, make_repository

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:catalogue_collection_changelist"


def _move(client, units, parent, position=""):
    url = reverse("admin:catalogue_collection_move") + "?ids=" + ",".join(str(u.pk) for u in units)
    return client.post(url, {"parent": parent.pk if parent else "", "position": position})


def _positions(parent):
    return [(c.title, c.position) for c in parent.children.order_by("position", "pk")]


def test_the_changelist_lists_units_in_tree_order_indented_by_depth(archivist_client):
    repository = make_repository(code="JP-1")
    fonds = make_collection(repository=repository, reference_code="F1", title="Hatoyama papers")
    later_fonds = make_collection(repository=repository, reference_code="F2", title="Others")
    series = make_collection(parent=fonds, reference_code="S1", title="Correspondence")
    make_collection(parent=series, reference_code="f1", title="Letters from Moscow")

    response = archivist_client.get(reverse(CHANGELIST))

    rows = [c.title for c in response.context["cl"].result_list]
    assert rows == ["Hatoyama papers", "Correspondence", "Letters from Moscow", "Others"]
    html = response.content.decode()
    # Each unit indented by its depth: the fonds 0, the series 1, the file 2.
    assert html.count('class="tree-node tree-depth-0"') == 2
    assert html.count('class="tree-node tree-depth-1"') == 1
    assert html.count('class="tree-node tree-depth-2"') == 1
    assert "JP-1/F1/S1/f1 Letters from Moscow" in html
    assert later_fonds.full_reference_code == "JP-1/F2"


@pytest.mark.parametrize("rows", [1, 50])
def test_holdings_changelists_cost_the_same_queries_for_1_or_50_rows(
    archivist_client, django_assert_num_queries, rows
):
    repository = make_repository()
    parent = None
    for n in range(rows):
        # Half the units under the one before them: the tree has depth.
        parent = make_collection(repository=repository, parent=parent if n % 2 else None)
    # session, user, user permissions, group permissions (4), the repository
    # filter's choices, COUNT of the filtered rows, the rows with their repository (3).
    with django_assert_num_queries(7):
        response = archivist_client.get(reverse(CHANGELIST))
    assert len(response.context["cl"].result_list) == rows
    # session, user, permissions (4), COUNT of the filtered rows, the repositories
    # with their unit counts (2).
    with django_assert_num_queries(6):
        response = archivist_client.get(reverse("admin:catalogue_repository_changelist"))
    assert response.status_code == 200


def test_moving_a_unit_puts_it_at_the_chosen_position_and_renumbers_both_sets_of_siblings(
    archivist_client, archivist
):
    repository = make_repository(code="R")
    first = make_collection(repository=repository, reference_code="A", title="First fonds")
    second = make_collection(repository=repository, reference_code="B", title="Second fonds")
    a1, a2, a3 = (make_collection(parent=first, title=f"a{n}", position=n) for n in range(3))
    b1, b2 = (make_collection(parent=second, title=f"b{n}", position=n) for n in range(2))

    response = _move(archivist_client, [a2], second, position="1")

    assert response.status_code == 302
    a2.refresh_from_db()
    assert a2.parent == second
    assert a2.full_reference_code == f"R/B/{a2.reference_code}"
    assert _positions(second) == [("b0", 0), ("a1", 1), ("b1", 2)]
    assert _positions(first) == [("a0", 0), ("a2", 1)]
    latest = a2.history.latest()
    assert latest.history_user == archivist
    assert latest.history_change_reason == f"Moved under \u201c{second}\u201d, position 1"


def test_moving_a_unit_with_no_position_puts_it_last(archivist_client):
    fonds = make_collection()
    make_collection(parent=fonds, title="kept", position=0)
    loose = make_collection(repository=fonds.repository, title="loose")
    _move(archivist_client, [loose], fonds)
    assert _positions(fonds) == [("kept", 0), ("loose", 1)]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("inside itself", "a unit cannot be moved inside itself"),
        ("another repository", "a unit moves only within its own repository"),
        ("published under a draft", "publish the new parent first"),
    ],
)
def test_a_move_the_tree_forbids_is_refused_with_a_clear_message_and_nothing_changes(
    archivist_client, case, message
):
    fonds = make_collection(title="Fonds")
    series = make_collection(parent=fonds, title="Series")
    targets = {
        "inside itself": series,
        "another repository": make_collection(title="Elsewhere"),
        "published under a draft": make_collection(
            repository=fonds.repository, title="Draft fonds", status=Status.DRAFT
        ),
    }
    before = Collection.objects.get(pk=fonds.pk).version

    response = _move(archivist_client, [fonds], targets[case])

    assert response.status_code == 200
    assert message in response.content.decode()
    fonds.refresh_from_db()
    assert (fonds.parent_id, fonds.version) == (None, before)


def test_the_move_page_offers_no_place_inside_the_unit_itself(archivist_client):
    fonds = make_collection(title="Fonds")
    series = make_collection(parent=fonds, title="Series")
    other = make_collection(repository=fonds.repository, title="Other")
    url = reverse("admin:catalogue_collection_move") + f"?ids={fonds.pk}"
    choices = dict(archivist_client.get(url).context["form"].fields["parent"].choices)
    assert other.pk in choices
    assert fonds.pk not in choices and series.pk not in choices


def test_the_move_action_takes_the_selected_units_to_the_move_page(archivist_client):
    units = [make_collection(), make_collection()]
    response = archivist_client.post(
        reverse(CHANGELIST), {"action": "move_units", "_selected_action": [u.pk for u in units]}
    )
    assert response.status_code == 302
    page = archivist_client.get(response["Location"])
    assert [u.pk for u in page.context["units"]] == [u.pk for u in units]


def test_a_move_that_would_repeat_a_reference_code_is_refused_in_words(archivist_client):
    repository = make_repository(code="R")
    first = make_collection(repository=repository, reference_code="A")
    second = make_collection(repository=repository, reference_code="B")
    make_collection(parent=second, reference_code="S1")
    twin = make_collection(parent=first, reference_code="S1")

    response = _move(archivist_client, [twin], second)

    assert "same reference code as another unit" in response.content.decode()
    twin.refresh_from_db()
    assert (twin.parent, twin.full_reference_code) == (first, "R/A/S1")


def test_the_change_form_shows_the_derived_full_code_read_only_and_a_move_link(archivist_client):
    repository = make_repository(code="JP-1000001")
    fonds = make_collection(repository=repository, reference_code="F12")
    series = make_collection(parent=fonds, reference_code="S3")
    response = archivist_client.get(reverse("admin:catalogue_collection_change", args=[series.pk]))
    form = response.context["adminform"].form
    assert "full_reference_code" not in form.fields and "parent" not in form.fields
    html = response.content.decode()
    assert "JP-1000001/F12/S3" in html
    assert reverse("admin:catalogue_collection_move") + f"?ids={series.pk}" in html


def test_a_reference_code_taken_in_the_repository_is_refused_on_the_form(archivist_client):
    repository = make_repository(code="R")
    make_collection(repository=repository, reference_code="F1", title="Hatoyama papers")
    other = make_collection(repository=repository, reference_code="F2")
    url = reverse("admin:catalogue_collection_change", args=[other.pk])
    data = {**form_data(archivist_client.get(url)), "reference_code": "F1"}

    response = archivist_client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["reference_code"]
    assert errors == [
        "\u201cR/F1\u201d is already the reference code of \u201cHatoyama papers\u201d (fonds) "
        "in this repository; choose another."
    ]
    other.refresh_from_db()
    assert other.reference_code == "F2"


def test_an_archivist_adds_a_series_under_a_fonds_and_it_goes_last(archivist_client):
    fonds = make_collection(reference_code="F1")
    make_collection(parent=fonds, reference_code="S1")
    url = reverse("admin:catalogue_collection_add")
    data = {
        **form_data(archivist_client.get(url)),
        "repository": fonds.repository.pk,
        "parent": fonds.pk,
        "title": "Telegrams",
        "level": "series",
        "reference_code": "S2",
    }
    response = archivist_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    series = Collection.objects.get(title="Telegrams")
    assert (series.position, series.status) == (1, Status.DRAFT)
    assert series.full_reference_code == f"{fonds.full_reference_code}/S2"


@pytest.mark.parametrize("model", ["repository", "collection"])
def test_holdings_pages_render_for_every_role(role_client, model):
    unit = make_collection()
    make_collection(parent=unit)
    record = unit if model == "collection" else unit.repository
    urls = [
        reverse(f"admin:catalogue_{model}_changelist"),
        reverse(f"admin:catalogue_{model}_add"),
        reverse(f"admin:catalogue_{model}_change", args=[record.pk]),
        reverse(f"admin:catalogue_{model}_history", args=[record.pk]),
    ]
    if model == "collection":
        urls.append(reverse("admin:catalogue_collection_move") + f"?ids={unit.pk}")
    for url in urls:
        assert role_client.get(url).status_code == 200, f"{url} as {role_client.role}"


def test_a_stale_save_of_a_unit_is_refused_and_keeps_what_was_typed(archivist_client):
    unit = make_collection(title="Telegrams")
    url = reverse("admin:catalogue_collection_change", args=[unit.pk])
    data = {**form_data(archivist_client.get(url)), "scope_and_content": "Cables, 1956."}
    # Someone else saves the unit while the form is open.
    record_update(record=unit, changes={"title": "Cables"}, expected_version=unit.version)

    response = archivist_client.post(url, data)

    assert response.status_code == 200
    assert "was changed by someone else since you opened it" in response.content.decode()
    unit.refresh_from_db()
    assert (unit.title, unit.scope_and_content) == ("Cables", "")


def test_units_moved_together_go_side_by_side_and_a_chosen_child_goes_with_its_parent(
    archivist_client,
):
    repository = make_repository(code="R")
    target = make_collection(repository=repository, title="Target")
    make_collection(parent=target, title="t0")
    first = make_collection(repository=repository, title="First")
    inside = make_collection(parent=first, title="Inside first")
    second = make_collection(repository=repository, title="Second")

    response = _move(archivist_client, [second, inside, first], target, position="0")

    assert response.status_code == 302
    assert _positions(target) == [("First", 0), ("Second", 1), ("t0", 2)]
    inside.refresh_from_db()
    assert inside.parent == first  # moved with its parent, not on its own
