"""Every admin page an archivist uses renders for every role."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODELS = [
    "document",
    "article",
    "person",
    "organisation",
    "place",
    "citation",
    "mention",
    "statement",
]


@pytest.mark.parametrize("model", MODELS)
def test_changelist_add_change_and_history_pages_render_for_every_role(
    role_client, catalogue, model
):
    record = catalogue[model]
    pages = {
        "changelist": reverse(f"admin:catalogue_{model}_changelist"),
        "add": reverse(f"admin:catalogue_{model}_add"),
        "change": reverse(f"admin:catalogue_{model}_change", args=[record.pk]),
        "history": reverse(f"admin:catalogue_{model}_history", args=[record.pk]),
    }
    for page, url in pages.items():
        response = role_client.get(url)
        assert response.status_code == 200, f"{page} page of {model} as {role_client.role}"
    changelist = role_client.get(pages["changelist"]).content.decode()
    assert f'href="{pages["change"]}' in changelist


def test_admin_index_lists_every_catalogue_model_for_an_archivist(archivist_client):
    html = archivist_client.get(reverse("admin:index")).content.decode()
    for name in ["Documents", "Articles", "People", "Organisations", "Places", "Citations"]:
        assert name in html


@pytest.mark.parametrize(
    ("model", "field", "term", "expected"),
    [
        ("document", "place", "Mosc", "Moscow"),
        ("documentrelation", "target", "Trade", "Trade Protocol"),
        ("article", "authors", "Hatoy", "Ichiro Hatoyama"),
        ("documentagent", "organisation", "Soviet", "Union of Soviet Socialist Republics"),
    ],
)
def test_links_are_chosen_by_name_through_autocomplete(
    archivist_client, catalogue, model, field, term, expected
):
    response = archivist_client.get(
        reverse("admin:autocomplete"),
        {"term": term, "app_label": "catalogue", "model_name": model, "field_name": field},
    )
    assert response.status_code == 200
    assert expected in [result["text"] for result in response.json()["results"]]


def test_view_on_site_leads_to_the_public_page_of_the_record(archivist_client, catalogue):
    document = catalogue["document"]
    html = archivist_client.get(
        reverse("admin:catalogue_document_change", args=[document.pk])
    ).content.decode()
    assert "View on site" in html
    response = archivist_client.get(
        reverse("admin:view_on_site", args=[_content_type_id(document), document.pk])
    )
    assert response.status_code == 302
    assert response["Location"].endswith(document.get_absolute_url())


def _content_type_id(record):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(record).pk
