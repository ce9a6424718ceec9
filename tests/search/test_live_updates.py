"""An edit shows in search at once: no rebuild, no delay."""

import pytest

from catalogue.models import DocumentExcerpt, Status
from catalogue.search import search
from catalogue.services.records import record_set_status, record_update
from tests.factories import make_document, make_organisation
from tests.search.conftest import records

pytestmark = pytest.mark.django_db


def test_a_saved_edit_is_found_by_its_new_words_and_not_its_old_ones(corpus):
    record_update(
        record=corpus.protocol,
        changes={"description": "Sets out most-favoured-nation terms for Kamchatka fisheries."},
        expected_version=corpus.protocol.version,
    )
    assert records(search("Kamchatka")) == [corpus.protocol]
    assert corpus.protocol not in records(search("USSR"))


def test_a_deleted_record_is_no_longer_found(corpus):
    corpus.event.delete()
    assert corpus.event not in records(search("Hatoyama"))
    assert search("Hatoyama").counts_by_type["article"] == 0


def test_an_unpublished_record_disappears_for_anonymous_readers(corpus, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", password="x")
    record_set_status(record=corpus.habomai, status=Status.DRAFT, user=editor)
    assert corpus.habomai not in records(search("Habomai"))
    record_set_status(record=corpus.habomai, status=Status.PUBLISHED, user=editor)
    assert records(search("Habomai"))[0] == corpus.habomai


def test_a_status_change_made_without_save_is_respected_too(corpus):
    # Visibility is read from the record at search time, not copied into the index.
    type(corpus.wiki).objects.filter(pk=corpus.wiki.pk).update(status=Status.DRAFT)
    assert corpus.wiki not in records(search("reparations"))


def test_a_new_excerpt_makes_its_document_findable_by_its_words(db):
    document = make_document(title="Protocol on fisheries")
    assert search("Etorofu").total == 0
    excerpt = DocumentExcerpt.objects.create(document=document, text="The waters off Etorofu.")
    assert records(search("Etorofu")) == [document]
    excerpt.delete()
    assert search("Etorofu").total == 0


def test_a_new_name_variant_widens_searches_at_once(corpus):
    assert search("Sovetsky Soyuz").total == 0
    corpus.soviet_union.variants = [*corpus.soviet_union.variants, "Sovetsky Soyuz"]
    corpus.soviet_union.save()
    found = records(search("Sovetsky Soyuz"))
    assert found[0] == corpus.soviet_union
    assert corpus.event in found  # its text says "Soviet Union"


def test_a_new_authority_is_found_by_every_one_of_its_names(db):
    make_organisation(name="United Nations", variants=["UN", "U.N."])
    document = make_document(title="Admission", description="Japan joins the U.N. in December.")
    assert records(search("United Nations"))[1:] == [document]
