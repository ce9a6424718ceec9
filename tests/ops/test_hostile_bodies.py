"""Hostile write bodies: deep nesting is a JSON 400, an oversized body a JSON
413, and nothing is written either way."""

import pytest
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from catalogue.api.parsers import MAX_JSON_DEPTH
from catalogue.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("edith", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def _post(client, body, content_type="application/json"):
    return client.generic("POST", "/api/documents/", body, content_type=content_type)


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5_000, 100_000])
def test_json_nested_too_deeply_is_a_json_400(editor, depth):
    body = '{"title": "x", "other_titles": ' + "[" * depth + "]" * depth + "}"
    response = _post(editor, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "nested more than 32 levels" in response.json()["detail"]
    assert not Document.objects.exists()


def test_json_within_the_depth_limit_is_read_as_usual(editor):
    response = _post(editor, '{"title": "Shallow", "other_titles": ["A", "B"]}')
    assert response.status_code == 201, response.content
    assert Document.objects.get().other_titles == ["A", "B"]


def test_an_oversized_json_body_is_a_json_413(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = _post(editor, '{"title": "' + "x" * 2000 + '"}')
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "larger than" in response.json()["detail"]
    assert not Document.objects.exists()


def test_an_oversized_form_body_is_a_json_413_not_an_html_400(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = _post(editor, "title=" + "x" * 2000, "application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert not Document.objects.exists()


def test_an_unknown_api_address_is_a_json_404(editor):
    response = editor.get("/api/no-such-resource/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
