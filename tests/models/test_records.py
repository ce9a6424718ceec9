import hashlib

import pytest
from django.core.exceptions import ValidationError

from catalogue.models import Article, Document, Person, Status
from tests.factories import make_article, make_document, make_person

pytestmark = pytest.mark.django_db


def test_published_hides_drafts_and_default_manager_keeps_them():
    published = make_document(status=Status.PUBLISHED)
    draft = make_document(status=Status.DRAFT)
    assert list(Document.objects.published()) == [published]
    assert set(Document.objects.all()) == {published, draft}


def test_staff_see_drafts_and_anonymous_users_do_not(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    draft = make_person(status=Status.DRAFT)
    staff = django_user_model.objects.create_user("staff", is_staff=True)
    assert draft in Person.objects.visible_to(staff)
    assert draft not in Person.objects.visible_to(AnonymousUser())


def test_identifier_and_slug_are_made_once_and_kept_when_title_changes():
    document = make_document(title="Joint Declaration")
    identifier, slug = document.identifier, document.slug
    assert identifier.startswith("doc-") and slug == "joint-declaration"
    document.title = "Joint Declaration (revised title)"
    document.save()
    document.refresh_from_db()
    assert (document.identifier, document.slug) == (identifier, slug)


def test_slugs_of_records_with_the_same_title_do_not_collide():
    first = make_document(title="Protocol")
    second = make_document(title="Protocol")
    assert first.slug == "protocol" and second.slug == "protocol-2"


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2013", "\u2014", "\u2212"])
def test_every_kind_of_dash_separates_words_in_a_slug(dash):
    # "Soviet\u2013Japanese" was "sovietjapanese" through the admin, API and
    # ingest, but "soviet-japanese" in the seed.
    document = make_document(title=f"Soviet{dash}Japanese Joint Declaration")
    assert document.slug == "soviet-japanese-joint-declaration"


def test_version_rises_on_every_save():
    person = make_person()
    assert person.version == 1
    person.biography = "Prime Minister."
    person.save()
    person.save()
    person.refresh_from_db()
    assert person.version == 3


def test_a_malformed_identifier_is_rejected():
    person = Person(name="Someone", identifier="Not An Id!")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "identifier" in error.value.message_dict


def test_person_sort_name_is_surname_first():
    assert make_person(name="Ichiro Hatoyama").sort_name == "Hatoyama, Ichiro"


def test_article_keeps_the_sha256_of_its_verbatim_source():
    article = make_article(source_text="Caf\u00e9\n")
    # The checksum of the UTF-8 bytes, as `sha256sum` reports it for the file.
    expected = hashlib.sha256("Caf\u00e9\n".encode()).hexdigest()
    assert Article.objects.get(pk=article.pk).source_sha256 == expected
