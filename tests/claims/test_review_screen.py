"""The admin review screen: an article's text with its claims highlighted, a form
per claim and in bulk, new names, permissions and the history of each decision."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from catalogue.models import Decision, Person
from tests.factories import (
    make_article,
    make_candidate,
    make_claim,
    make_document,
    make_place,
)

pytestmark = pytest.mark.django_db
TEXT = "Riga talks\n\nThe Accord was signed in Riga on 3 May 1960. Envoy Karlis Ozols signed it.\n"


def logged_in(django_user_model, username, group=None):
    user = django_user_model.objects.create_user(username, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def archivist_client(django_user_model):
    return logged_in(django_user_model, "ada", "Archivist")


@pytest.fixture
def setting():
    riga = make_place(name="Riga")
    accord = make_document(title="Accord", date_edtf="", status="draft")
    article = make_article(source_text=TEXT, status="draft", parse_warnings=["footnote [3] lost"])
    date = make_claim(
        article, accord, kind="date", value="1960-05", words="3 May 1960", state="proposed"
    )
    place = make_claim(
        article, accord, kind="place", value=riga.identifier, words="Riga", state="proposed"
    )
    candidate = make_candidate(article, "Karlis Ozols", office="Envoy")
    return {
        "article": article,
        "accord": accord,
        "date": date,
        "place": place,
        "riga": riga,
        "candidate": candidate,
    }


def review_url(article):
    return f"/admin/catalogue/article/{article.pk}/review/"


def test_the_screen_shows_the_text_with_each_claim_and_name_highlighted(archivist_client, setting):
    html = archivist_client.get(review_url(setting["article"])).content.decode()
    assert '<mark class="claim-words">3 May 1960</mark>' in html
    assert '<mark class="claim-words">Riga</mark>' in html
    assert '<mark class="candidate-words">Karlis Ozols</mark>' in html
    assert f'id="claim-{setting["date"].pk}"' in html
    assert f'name="value-{setting["date"].pk}" value="1960-05"' in html
    assert "footnote [3] lost" in html


def test_accepting_with_an_edited_value_updates_the_record(archivist_client, setting):
    date = setting["date"]
    response = archivist_client.post(
        review_url(setting["article"]),
        {"accept": date.pk, f"value-{date.pk}": "1960-05-03"},
        follow=True,
    )
    assert "1 claim(s) accepted." in response.content.decode()
    setting["accord"].refresh_from_db()
    assert setting["accord"].date_edtf == "1960-05-03"
    date.refresh_from_db()
    assert (date.state, date.value) == ("accepted", "1960-05-03")
    assert date.decided_by == archivist_client.user


def test_a_bad_value_is_refused_with_a_message_and_changes_nothing(archivist_client, setting):
    date = setting["date"]
    response = archivist_client.post(
        review_url(setting["article"]),
        {"accept": date.pk, f"value-{date.pk}": "sometime"},
        follow=True,
    )
    assert "not a valid EDTF date" in response.content.decode()
    date.refresh_from_db()
    setting["accord"].refresh_from_db()
    assert (date.state, date.value, setting["accord"].date_edtf) == ("proposed", "1960-05", "")


def test_bulk_accept_and_reject(archivist_client, setting):
    url = review_url(setting["article"])
    archivist_client.post(url, {"bulk-reject": "1", "selected": [setting["date"].pk]})
    archivist_client.post(url, {"bulk-accept": "1", "selected": [setting["place"].pk]})
    setting["date"].refresh_from_db()
    setting["place"].refresh_from_db()
    assert (setting["date"].state, setting["place"].state) == ("rejected", "accepted")
    setting["accord"].refresh_from_db()
    assert setting["accord"].place == setting["riga"]


def test_accepting_a_new_name_makes_a_draft_person(archivist_client, setting):
    candidate = setting["candidate"]
    response = archivist_client.post(
        review_url(setting["article"]), {"accept-candidate": candidate.pk}, follow=True
    )
    person = Person.objects.get(name="Karlis Ozols")
    assert person.status == "draft"
    assert f"accepted as the new draft record {person.identifier}" in response.content.decode()
    assert "1 mention(s) linked" in response.content.decode()


def test_each_decision_is_in_the_claims_history_with_who_made_it(archivist_client, setting):
    claim = setting["place"]
    archivist_client.post(review_url(setting["article"]), {"reject": claim.pk})
    html = archivist_client.get(f"/admin/catalogue/claim/{claim.pk}/history/").content.decode()
    assert "ada" in html and "Rejected" in html


def test_only_reviewers_may_decide(django_user_model, setting):
    visitor = logged_in(django_user_model, "visitor")
    assert visitor.get(review_url(setting["article"])).status_code == 403
    response = visitor.post(review_url(setting["article"]), {"reject": setting["date"].pk})
    assert response.status_code == 403
    setting["date"].refresh_from_db()
    assert setting["date"].state == Decision.PROPOSED


def test_editors_review_too_and_accepting_publishes_nothing(django_user_model, setting):
    editor = logged_in(django_user_model, "edith", "Editor")
    editor.post(review_url(setting["article"]), {"accept": setting["place"].pk})
    setting["accord"].refresh_from_db()
    setting["article"].refresh_from_db()
    assert setting["accord"].place == setting["riga"]
    assert (setting["accord"].status, setting["article"].status) == ("draft", "draft")


def test_the_article_form_shows_warnings_and_links_to_the_review(archivist_client, setting):
    article = setting["article"]
    html = archivist_client.get(f"/admin/catalogue/article/{article.pk}/change/").content.decode()
    assert "footnote [3] lost" in html
    assert "Review 2 proposed claim(s) and 1 new name(s)" in html


def test_the_review_page_query_count_does_not_grow_with_claims(
    archivist_client, setting, django_assert_max_num_queries
):
    article, accord = setting["article"], setting["accord"]
    for _ in range(30):
        make_claim(article, accord, kind="date", value="1960", words="1960", state="proposed")
    # Session and user; the article; claims with their records and deciders; candidates.
    with django_assert_max_num_queries(8):
        response = archivist_client.get(review_url(article))
    assert response.content.decode().count('<tr id="claim-') == 32
