"""Seed facts are accepted claims with their spans, shown as markers on document pages."""

import pytest

from catalogue.models import Claim, Decision, Document
from tests.claims.spans import supporting_words
from tests.factories import make_article, make_claim

DECLARATION = "/documents/soviet-japanese-joint-declaration-of-1956/"


def test_every_seed_claim_is_supported_by_the_words_it_points_at(seeded):
    claims = list(Claim.objects.select_related("article"))
    assert len(claims) >= 20
    for claim in claims:
        supporting_words(claim)


def test_the_seed_accepts_exactly_the_date_place_and_agents_the_document_shows(seeded):
    document = Document.objects.get(identifier="doc-joint-declaration-1956")
    accepted = document.claims.filter(state=Decision.ACCEPTED)
    assert {c.value for c in accepted.filter(kind="place")} == {document.place.identifier}
    assert document.date_edtf in {c.value for c in accepted.filter(kind="date")}
    agents = {(a.role, a.agent.identifier) for a in document.agents.all()}
    claimed = {(c.kind, c.value) for c in accepted.filter(kind__in=["party", "signatory"])}
    assert claimed == agents


def test_the_date_place_and_signatory_link_to_their_sentences(seeded, client):
    html = client.get(DECLARATION).content.decode()
    place = html[html.index("<dt>Place</dt>") : html.index("<dt>Identifier</dt>")]
    assert '<a href="/articles/soviet-union-and-japan-sign-joint-declaration/#evidence-' in place
    assert 'title="Signed by Japan&#x27;s PM Ichiro Hatoyama in Moscow"' in place
    signatory = html[html.index("Ichiro Hatoyama</a>: signatory") :].split("</li>")[0]
    assert signatory.count('<sup class="evidence">') == 2
    date = html[html.index("<dt>Date</dt>") : html.index("<dt>Place</dt>")]
    assert "#evidence-2200-2402" in date  # "Moscow, October 19. (UP) ... signed here today"


def test_the_marker_leads_to_the_highlighted_sentence_on_the_article_page(seeded, client):
    html = client.get(DECLARATION).content.decode()
    place = html[html.index("<dt>Place</dt>") : html.index("<dt>Identifier</dt>")]
    start = place.index('href="/articles/') + len('href="')
    url = place[start : place.index('"', start)]
    path, anchor = url.split("#")
    article = client.get(path).content.decode()
    passage = article[article.index(f'<li id="{anchor}">') :].split("</li>")[0]
    assert "<mark>Moscow</mark>" in passage or "Moscow" in passage
    assert "Ichiro Hatoyama" in passage


@pytest.mark.django_db
def test_claims_from_a_draft_article_never_show_to_anonymous_readers(client, admin_client):
    from tests.factories import make_document, make_place

    moscow = make_place(name="Moscow")
    document = make_document(title="Accord", place=moscow)
    draft = make_article(status="draft", source_text="Secret\nThe accord was signed in Moscow.")
    make_claim(draft, document, kind="place", value=moscow.identifier, words="Moscow")
    assert 'class="evidence"' not in client.get(document.get_absolute_url()).content.decode()
    assert 'class="evidence"' in admin_client.get(document.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_proposed_or_rejected_claim_is_no_evidence(admin_client):
    from tests.factories import make_document, make_place

    moscow = make_place(name="Moscow")
    document = make_document(title="Accord", place=moscow)
    article = make_article(source_text="Report\nThe accord was signed in Moscow.")
    for state in (Decision.PROPOSED, Decision.REJECTED):
        make_claim(
            article, document, kind="place", value=moscow.identifier, words="Moscow", state=state
        )
    html = admin_client.get(document.get_absolute_url()).content.decode()
    assert 'class="evidence"' not in html
    assert 'id="facts-heading"' not in admin_client.get(article.get_absolute_url()).content.decode()
