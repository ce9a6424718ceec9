"""`manage.py create_demo_users` makes the first accounts, never with a default
password in production."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

STRONG = {
    "superuser_password": "correct horse battery staple",
    "archivist_password": "archivist reads old treaties",
    "editor_password": "editor publishes in october",
}


def _run(**options):
    out = io.StringIO()
    call_command("create_demo_users", stdout=out, **options)
    return out.getvalue()


def test_production_refuses_to_use_a_default_password(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Default passwords are only used with DJANGO_DEBUG on"):
        _run()
    assert not get_user_model().objects.exists()


def test_production_accepts_passwords_from_options(settings, client):
    settings.DEBUG = False
    out = _run(**STRONG)
    assert "3 accounts ready" in out
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    archivist = User.objects.get(username="archivist")
    assert list(archivist.groups.values_list("name", flat=True)) == ["Archivist"]
    assert client.login(username="editor", password=STRONG["editor_password"])
    assert client.get(reverse("admin:catalogue_document_changelist")).status_code == 200


def test_passwords_can_come_from_the_environment(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_SUPERUSER_PASSWORD", STRONG["superuser_password"])
    monkeypatch.setenv("DEMO_ARCHIVIST_PASSWORD", STRONG["archivist_password"])
    monkeypatch.setenv("DEMO_EDITOR_PASSWORD", STRONG["editor_password"])
    _run()
    assert (
        get_user_model()
        .objects.get(username="archivist")
        .check_password(STRONG["archivist_password"])
    )


def test_a_weak_password_is_refused(settings):
    with pytest.raises(CommandError, match="too weak"):
        _run(**{**STRONG, "editor_password": "12345"})
    assert not get_user_model().objects.exists()


def test_a_local_install_gets_default_passwords_it_is_told_about(settings):
    settings.DEBUG = True
    out = _run()
    assert "Archivist 'archivist' created; password 'archivist-local-only' (local default)." in out
    assert get_user_model().objects.get(username="editor").check_password("editor-local-only")


def test_running_again_keeps_passwords_that_were_not_given(settings):
    settings.DEBUG = True
    _run(**STRONG)
    out = _run()
    assert "Editor 'editor' already existed; password unchanged." in out
    assert get_user_model().objects.get(username="editor").check_password(STRONG["editor_password"])
