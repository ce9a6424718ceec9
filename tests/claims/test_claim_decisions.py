"""An archivist accepts, edits or rejects a claim; accepting changes the record
through the same write service as every other edit, with its history."""

import pytest
from django.core.exceptions import PermissionDenied

from catalogue.models import Decision, DocumentAgent
from catalogue.services.claims import ClaimError, claim_accept, claim_reject, claims_decide
from tests.factories import (
    make_article,
    make_candidate,
    make_claim,
    make_document,
    make_organisation,
    make_place,
)

pytestmark = pytest.mark.django_db
TEXT = "Accord\n\nThe Accord of Riga was signed in Riga on 3 May 1960 by Latvia (the Riga Pact)."


@pytest.fixture
def accord():
    return make_document(title="Accord of Riga", date_edtf="", status="draft")


@pytest.fixture
def article():
    return make_article(source_text=TEXT, status="draft")


def test_accepting_a_date_sets_it_on_the_document_with_a_new_version(accord, article, archivist):
    claim = make_claim(
        article, accord, kind="date", value="1960-05-03", words="3 May 1960", state="proposed"
    )
    claim_accept(claim=claim, user=archivist, expected_version=accord.version)
    accord.refresh_from_db()
    assert (accord.date_edtf, accord.date_written) == ("1960-05-03", "3 May 1960")
    assert accord.version == 2
    assert accord.history.first().history_change_reason.startswith("Accepted claim: date")
    claim.refresh_from_db()
    assert (claim.state, claim.decided_by) == (Decision.ACCEPTED, archivist)
    decision = claim.history.first()
    assert (decision.state, decision.history_user) == (Decision.ACCEPTED, archivist)


def test_an_edited_value_is_what_gets_applied(accord, article, archivist):
    claim = make_claim(
        article, accord, kind="date", value="1960-05", words="3 May 1960", state="proposed"
    )
    claim_accept(claim=claim, user=archivist, value="1960-05-03")
    accord.refresh_from_db()
    assert accord.date_edtf == "1960-05-03"


def test_a_bad_edit_is_refused_and_changes_nothing(accord, article, archivist):
    claim = make_claim(
        article, accord, kind="date", value="1960-05-03", words="3 May 1960", state="proposed"
    )
    with pytest.raises(ClaimError, match="not a valid EDTF date"):
        claim_accept(claim=claim, user=archivist, value="May the third")
    accord.refresh_from_db()
    claim.refresh_from_db()
    assert (accord.date_edtf, accord.version, claim.state) == ("", 1, Decision.PROPOSED)


def test_a_stale_version_is_refused(accord, article, archivist):
    claim = make_claim(
        article, accord, kind="other-title", value="Riga Pact", words="Riga Pact", state="proposed"
    )
    with pytest.raises(Exception, match="changed by someone else"):
        claim_accept(claim=claim, user=archivist, expected_version=accord.version + 1)
    accord.refresh_from_db()
    assert accord.other_titles == []


def test_accepting_place_party_and_other_title_updates_the_document(accord, article, archivist):
    riga, latvia = make_place(name="Riga"), make_organisation(name="Latvia")
    claims = [
        make_claim(article, accord, kind="place", value=riga.identifier, words="Riga"),
        make_claim(article, accord, kind="party", value=latvia.identifier, words="Latvia"),
        make_claim(article, accord, kind="other-title", value="Riga Pact", words="Riga Pact"),
    ]
    for claim in claims:
        claim.state = Decision.PROPOSED
    decided, refused = claims_decide(claims=claims, state=Decision.ACCEPTED, user=archivist)
    assert (decided, refused) == (3, [])
    accord.refresh_from_db()
    assert accord.place == riga and accord.other_titles == ["Riga Pact"]
    agent = DocumentAgent.objects.get(document=accord)
    assert (agent.organisation, agent.role) == (latvia, "party")


def test_a_claim_on_a_candidate_waits_for_the_candidate(article, archivist, accord):
    candidate = make_candidate(article, "Riga Pact", kind="document")
    claim = make_claim(
        article, None, kind="date", value="1960-05-03", words="3 May 1960", state="proposed"
    )
    claim.candidate = candidate
    claim.save()
    decided, refused = claims_decide(claims=[claim], state=Decision.ACCEPTED, user=archivist)
    assert decided == 0
    assert "accept the candidate first" in refused[0][1]
    claim.refresh_from_db()
    assert claim.state == Decision.PROPOSED


def test_rejecting_leaves_the_record_alone_and_records_who(accord, article, archivist):
    claim = make_claim(article, accord, kind="date", value="1960-05-03", words="3 May 1960")
    claim_reject(claim=claim, user=archivist)
    accord.refresh_from_db()
    claim.refresh_from_db()
    assert (accord.date_edtf, accord.version) == ("", 1)
    assert (claim.state, claim.decided_by) == (Decision.REJECTED, archivist)


def test_only_reviewers_decide(accord, article, django_user_model):
    visitor = django_user_model.objects.create_user("visitor", is_staff=True)
    claim = make_claim(article, accord, kind="date", value="1960-05-03", words="3 May 1960")
    with pytest.raises(PermissionDenied):
        claim_accept(claim=claim, user=visitor)
    with pytest.raises(PermissionDenied):
        claim_reject(claim=claim, user=visitor)


def test_accepting_does_not_publish(accord, article, archivist):
    claim = make_claim(article, accord, kind="date", value="1960-05-03", words="3 May 1960")
    claim_accept(claim=claim, user=archivist)
    accord.refresh_from_db()
    article.refresh_from_db()
    assert (accord.status, article.status) == ("draft", "draft")


def test_accepting_a_negated_claim_changes_nothing_on_the_record(accord, article, archivist):
    latvia = make_organisation(name="Latvia")
    claim = make_claim(
        article, accord, kind="party", value=latvia.identifier, words="Latvia", negated=True
    )
    claim.state = Decision.PROPOSED
    message = claim_accept(claim=claim, user=archivist)
    assert "did not happen" in message
    assert not DocumentAgent.objects.exists()
    claim.refresh_from_db()
    assert claim.state == Decision.ACCEPTED


def test_accepting_twice_applies_once(accord, article, archivist):
    claim = make_claim(article, accord, kind="other-title", value="Riga Pact", words="Riga Pact")
    claim.state = Decision.PROPOSED
    claim_accept(claim=claim, user=archivist)
    claim_accept(claim=claim, user=archivist)
    accord.refresh_from_db()
    assert (accord.other_titles, accord.version) == (["Riga Pact"], 2)
