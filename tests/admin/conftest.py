"""Users of each role, a small linked catalogue, and a helper that reads a
rendered admin form back into the data a browser would post."""

import pytest
from django.contrib.auth.models import Group
from django.db.models.fields.files import FieldFile
from django.test import Client

from catalogue.models import DocumentExcerpt, DocumentRelation, PersonTitle, Statement, Status
from tests.factories import (
    make_agent,
    make_article,
    make_citation,
    make_document,
    make_mention,
    make_organisation,
    make_person,
    make_place,
)

PASSWORD = "a-long-test-password-1956"
ROLES = ["archivist", "editor", "superuser"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The real hasher is slow on purpose; these tests are about roles, not hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _staff(django_user_model, username, group=None):
    user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
    if group:
        # The groups come from the data migration, as on a real install.
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def archivist(django_user_model):
    return _staff(django_user_model, "archie", "Archivist")


@pytest.fixture
def editor(django_user_model):
    return _staff(django_user_model, "edith", "Editor")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", password=PASSWORD)


@pytest.fixture(params=ROLES)
def role_client(request, client):
    """A client logged in as each role in turn; `client.role` names it."""
    client.force_login(request.getfixturevalue(request.param))
    client.role = request.param
    return client


def _logged_in(user):
    # Each role its own client, so that one test can act as two people.
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def archivist_client(archivist):
    return _logged_in(archivist)


@pytest.fixture
def editor_client(editor):
    return _logged_in(editor)


@pytest.fixture
def catalogue():
    """One record of every kind, linked the way the seed data links them."""
    moscow = make_place(name="Moscow")
    ussr = make_organisation(name="Union of Soviet Socialist Republics")
    hatoyama = make_person(name="Ichiro Hatoyama")
    PersonTitle.objects.create(person=hatoyama, title="Prime Minister of Japan", date_edtf="1956")
    declaration = make_document(
        title="Soviet-Japanese Joint Declaration",
        place=moscow,
        transcription="The state of war between the two countries ends.",
    )
    protocol = make_document(title="Trade Protocol", status=Status.DRAFT)
    make_agent(declaration, person=hatoyama)
    make_agent(declaration, organisation=ussr)
    DocumentRelation.objects.create(
        source=declaration, target=protocol, kind=DocumentRelation.Kind.ACCOMPANIED_BY
    )
    article = make_article(
        title="The 1956 Declaration",
        source_text="Ichiro Hatoyama signed the declaration in Moscow.",
        publisher=ussr,
    )
    article.authors.add(hatoyama)
    DocumentExcerpt.objects.create(
        document=declaration, text="The state of war ends.", source_article=article
    )
    make_mention(article, hatoyama, "Ichiro Hatoyama")
    make_mention(article, moscow, "Moscow")
    make_citation(article, declaration, quoted_text="The state of war", locator="Article 1")
    Statement.objects.create(
        document=declaration, topic="war", text="ends the war", article=article, start=0, end=5
    )
    return {
        "document": declaration,
        "draft_document": protocol,
        "article": article,
        "person": hatoyama,
        "organisation": ussr,
        "place": moscow,
        "citation": article.citations.get(),
        "mention": article.mentions.first(),
        "statement": declaration.statements.get(),
    }


def form_data(response):
    """The values of the admin form on `response`, inlines included, as a browser posts them."""
    data = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.forms:
            _add_form(data, form)
    return data


def _add_form(data, form):
    for bound in form:
        value = bound.value()
        if value is None or isinstance(value, FieldFile):
            continue
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)
