"""A small catalogue made of the words of the two source texts (until the
seed fixtures land): the records a reader expects to find first."""

from types import SimpleNamespace

import pytest

from catalogue.models import DocumentExcerpt, Organisation, Place, Status
from tests.factories import (
    make_article,
    make_document,
    make_organisation,
    make_person,
    make_place,
)

ARTICLE_9 = (
    "The U.S.S.R. and Japan have agreed to continue, after the establishment of normal "
    "diplomatic relations between them, negotiations for the conclusion of a peace treaty. "
    "Hereby, the U.S.S.R., in response to the desires of Japan and taking into consideration "
    "the interest of the Japanese state, agrees to hand over to Japan the Habomai and the "
    "Shikotan Islands, provided that the actual changing over to Japan of these islands will "
    "be carried out after the conclusion of a peace treaty."
)

WIKI_BODY = (
    "Japan and the Soviet Union issued a joint declaration in October 1956 providing for the "
    "end of the state of war, which still technically existed between the two countries since "
    "the end of World War II, and for restoration of diplomatic relations between USSR and "
    "Japan. The two parties also agreed to continue negotiations for a peace treaty, including "
    "territorial issues. In addition, the Soviet Union pledged to support Japan for UN "
    "membership and waive all World War II reparations claims. The joint declaration was "
    "accompanied by a trade protocol that granted reciprocal most-favored-nation treatment and "
    "provided for the development of trade.\n\n"
    "The Joint Declaration did not settle the Kuril Islands territorial dispute between Japan "
    "and the Soviet Union, whose resolution was postponed until the conclusion of a permanent "
    f'peace treaty. However, Article 9 of the Joint Declaration stated: "{ARTICLE_9}"'
)

EVENT_BODY = (
    "The Soviet Union and Japan signed a Joint Declaration in 1956, officially ending the state "
    "of war that had persisted since August 1945. It was signed during a visit to Moscow by "
    "Japanese Prime Minister Ichiro Hatoyama, who aimed to improve diplomatic ties.\n\n"
    "Japanese Prime Minister Ichiro Hatoyama's visit to Moscow in October 1956 was a "
    "significant diplomatic effort that aimed to thaw relations with the Soviet Union. The "
    "declaration further encouraged discussions about reparations and economic cooperation "
    "between the two nations, and set the stage for future negotiations over the Kuril Islands."
)


@pytest.fixture
def corpus(db):
    soviet_union = make_organisation(
        name="Soviet Union", variants=["USSR", "U.S.S.R."], kind=Organisation.Kind.STATE
    )
    japan = make_organisation(name="Japan", kind=Organisation.Kind.STATE)
    hatoyama = make_person(name="Ichiro Hatoyama", variants=["Hatoyama Ichirō"])
    habomai = make_place(name="Habomai", variants=["Habomai Islands"], kind=Place.Kind.ISLAND_GROUP)
    moscow = make_place(name="Moscow")
    declaration = make_document(
        title="Soviet-Japanese Joint Declaration of 1956",
        other_titles=["Joint Declaration by the U.S.S.R. and Japan"],
        description="Ends the state of war and restores diplomatic relations.",
        place=moscow,
    )
    DocumentExcerpt.objects.create(document=declaration, text=ARTICLE_9, locator="Article 9")
    protocol = make_document(
        title="Trade protocol",
        description="Grants reciprocal most-favored-nation treatment in trade with the USSR.",
    )
    wiki = make_article(title="Soviet-Japanese Joint Declaration of 1956: Wikis", body=WIKI_BODY)
    event = make_article(title="Soviet Union and Japan Sign Joint Declaration", body=EVENT_BODY)
    draft = make_document(
        title="Draft memorandum on the Habomai and reparations",
        description="Not yet checked: Hatoyama, U.S.S.R.",
        status=Status.DRAFT,
    )
    return SimpleNamespace(
        soviet_union=soviet_union,
        japan=japan,
        hatoyama=hatoyama,
        habomai=habomai,
        moscow=moscow,
        declaration=declaration,
        protocol=protocol,
        wiki=wiki,
        event=event,
        draft=draft,
    )


def records(results):
    return [hit.record for hit in results.hits]
