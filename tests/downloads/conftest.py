"""A small catalogue with a draft behind every kind of link, and its snapshot."""

import pytest

from catalogue.downloads.snapshot import snapshot_build
from catalogue.models import DocumentRelation, Status
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

DRAFT_WORDS = ("Secret Draft", "draft-secret")


@pytest.fixture
def catalogue(db):
    draft = {"status": Status.DRAFT}
    moscow = make_place(name="Moscow", identifier="place-moscow", variants=["Moskva"])
    hidden_place = make_place(name="Secret Draft Place", identifier="place-draft-secret", **draft)
    hatoyama = make_person(name="Ichiro Hatoyama", identifier="person-hatoyama")
    hidden_person = make_person(
        name="Secret Draft Person", identifier="person-draft-secret", **draft
    )
    ussr = make_organisation(name="Soviet Union", identifier="org-ussr")
    declaration = make_document(
        title="Joint Declaration",
        identifier="doc-declaration",
        place=moscow,
        other_titles=["Moscow Declaration", '=HYPERLINK("x")'],
        transcription="The state of war between the two states ends.",
    )
    # A published document whose place is a draft: the link is written empty.
    protocol = make_document(title="Trade Protocol", identifier="doc-protocol", place=hidden_place)
    hidden = make_document(title="Secret Draft Treaty", identifier="doc-draft-secret", **draft)
    make_agent(declaration, person=hatoyama)
    make_agent(declaration, organisation=ussr)
    make_agent(declaration, person=hidden_person)
    DocumentRelation.objects.create(source=declaration, target=protocol, kind="accompanied-by")
    DocumentRelation.objects.create(source=declaration, target=hidden, kind="accompanied-by")
    article = make_article(
        title="On the declaration",
        identifier="article-on",
        source_text="Hatoyama went to Moscow. Secret Draft Person stayed.",
    )
    article.authors.add(hatoyama, hidden_person)
    hidden_article = make_article(
        title="Secret Draft Article", identifier="article-draft-secret", **draft
    )
    make_mention(article, hatoyama, "Hatoyama")
    make_mention(article, moscow, "Moscow")
    make_mention(article, hidden_person, "Secret Draft Person")
    make_citation(article, declaration)
    make_citation(article, hidden)
    make_citation(hidden_article, declaration)
    return {"declaration": declaration, "protocol": protocol}


@pytest.fixture
def snapshot(catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return snapshot_build()
