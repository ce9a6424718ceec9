"""Drafts never reach anonymous searchers; staff preview them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from catalogue.models import Document
from catalogue.search import matching_pks, search
from tests.search.conftest import records

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["Habomai", "reparations", "Hatoyama", "U.S.S.R.", "memorandum"])
def test_a_draft_is_never_found_by_an_anonymous_search(corpus, query):
    for user in (None, AnonymousUser()):
        results = search(query, user=user)
        assert corpus.draft not in records(results)
        assert results.counts_by_type["document"] == len(
            [r for r in records(results) if isinstance(r, Document)]
        )


def test_staff_find_drafts_too(corpus, django_user_model):
    staff = django_user_model.objects.create_user("editor", is_staff=True)
    assert corpus.draft in records(search("memorandum", user=staff))
    assert corpus.draft.pk in matching_pks("Habomai", model=Document, user=staff)


def test_a_logged_in_reader_who_is_not_staff_sees_published_records_only(corpus, django_user_model):
    reader = django_user_model.objects.create_user("reader")
    assert search("memorandum", user=reader).total == 0


def test_matching_pks_lists_published_documents_best_first(corpus):
    assert matching_pks("Habomai", model=Document) == [corpus.declaration.pk]
    assert matching_pks("U.S.S.R.", model=Document) == [corpus.declaration.pk, corpus.protocol.pk]
    assert matching_pks("", model=Document) == []
