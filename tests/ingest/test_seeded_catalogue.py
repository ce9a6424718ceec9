"""The catalogue as `seed` loads it from the committed fixture."""

import datetime

import pytest
from django.core.management import call_command

from catalogue.models import (
    Article,
    Citation,
    Document,
    DocumentRelation,
    Organisation,
    Person,
    Place,
    Statement,
    Status,
)

pytestmark = pytest.mark.usefixtures("seeded")

JD = "doc-joint-declaration-1956"


def document(identifier):
    return Document.objects.get_by_natural_key(identifier)


def test_the_joint_declaration_is_dated_placed_and_signed_as_the_texts_say():
    declaration = document(JD)
    assert declaration.title == "Soviet-Japanese Joint Declaration of 1956"
    assert declaration.kind == Document.Kind.DECLARATION
    assert (declaration.date_written, declaration.date_edtf) == ("October 19 [1956]", "1956-10-19")
    assert declaration.date_earliest == declaration.date_latest == datetime.date(1956, 10, 19)
    assert declaration.place.identifier == "place-moscow"
    agents = [(a.agent.identifier, a.role) for a in declaration.agents.all()]
    assert agents == [
        ("org-japan", "party"),
        ("org-soviet-union", "party"),
        ("person-ichiro-hatoyama", "signatory"),
    ]


def test_the_protocol_the_treaty_and_the_newspaper_text_are_catalogued():
    protocol = document("doc-trade-protocol-1956")
    assert (protocol.kind, protocol.date_edtf, protocol.place.name) == (
        "protocol",
        "1956-10-19",
        "Moscow",
    )
    treaty = document("doc-treaty-of-peace-with-japan-1951")
    # The only sentence dating it is negated ("The Soviet Union did not sign the Treaty
    # of Peace with Japan in 1951"): it proposes a negated claim, never a date.
    assert (treaty.title, treaty.kind, treaty.date_edtf) == (
        "Treaty of Peace with Japan",
        "treaty",
        "",
    )
    [negated] = treaty.claims.all()
    assert (negated.kind, negated.negated, negated.state) == ("party", True, "proposed")
    newspaper = document("doc-nyt-1956-10-20-texts")
    assert (newspaper.kind, newspaper.date_written) == ("newspaper-text", "October 20, 1956")
    assert [(a.agent.name, a.role) for a in newspaper.agents.filter(role="publisher")] == [
        ("The New York Times", "publisher")
    ]


def test_documents_are_related_as_the_texts_state():
    relations = {
        (r.source.identifier, r.kind, r.target.identifier)
        for r in DocumentRelation.objects.select_related("source", "target")
    }
    assert relations == {
        (JD, "accompanied-by", "doc-trade-protocol-1956"),
        (JD, "printed-in", "doc-nyt-1956-10-20-texts"),
        ("doc-trade-protocol-1956", "printed-in", "doc-nyt-1956-10-20-texts"),
    }


def test_the_article_9_quotation_is_known_text_of_the_declaration_with_its_provenance():
    [excerpt] = document(JD).excerpts.all()
    assert excerpt.locator == "Article 9"
    assert excerpt.text.startswith("The U.S.S.R. and Japan have agreed to continue")
    assert excerpt.provenance.startswith("unofficial translation from the Russian")
    assert "New York Times, page 2, October 20, 1956" in excerpt.provenance
    assert excerpt.source_article.identifier == "article-0543db3bfdfe29b7"


def test_the_wiki_article_is_cleaned_and_cites_the_newspaper_on_page_2():
    article = Article.objects.get_by_natural_key("article-0543db3bfdfe29b7")
    assert article.site_name == "The Full Wiki"
    assert article.publisher.identifier == "org-the-full-wiki"
    assert "Your email address" in article.source_text
    assert "Your email address" not in article.body
    footnotes = article.citations.filter(kind=Citation.Kind.REFERENCE)
    assert [(c.footnote_label, c.locator, c.cited_document.identifier) for c in footnotes] == [
        ("1", "page 2", "doc-nyt-1956-10-20-texts"),
        ("1", "page 2", "doc-nyt-1956-10-20-texts"),
    ]
    quotation = article.citations.get(kind=Citation.Kind.QUOTATION, locator="Article 9")
    assert quotation.cited_document.identifier == JD
    assert quotation.quoted_text.endswith("after the conclusion of a peace treaty")
    # The catalogue has no full transcription yet, so there is nothing to check against.
    assert quotation.quote_found is None


def test_the_event_article_has_its_key_points_sections_and_mentions():
    article = Article.objects.get_by_natural_key("article-f5ec84521a8842e8")
    assert article.title == "Soviet Union and Japan Sign Joint Declaration"
    assert [k["text"] for k in article.key_points][1] == (
        "Signed by Japan's PM Ichiro Hatoyama in Moscow"
    )
    assert [s["heading"] for s in article.sections] == ["What Happened?", "Why Does it Matter?"]
    hatoyama = Person.objects.get_by_natural_key("person-ichiro-hatoyama")
    assert article.mentions.filter(person=hatoyama).count() == 3
    assert hatoyama in article.about_people.all()


def test_both_sides_of_each_disagreement_are_kept_with_their_source():
    for topic in ("reparations", "kuril-islands"):
        sources = set(
            Statement.objects.filter(document__identifier=JD, topic=topic).values_list(
                "article__identifier", flat=True
            )
        )
        assert sources == {"article-0543db3bfdfe29b7", "article-f5ec84521a8842e8"}


def test_every_seeded_record_is_published_with_a_first_history_row():
    for model in (Document, Article, Person, Organisation, Place):
        assert not model.objects.exclude(status=Status.PUBLISHED).exists()
        for record in model.objects.all():
            assert record.history.count() == 1


def test_a_seeded_record_saves_like_any_other():
    declaration = document(JD)
    assert declaration.version == 1
    declaration.date_edtf = "1956-10"
    declaration.save()
    declaration.refresh_from_db()
    assert declaration.version == 2
    assert (declaration.date_earliest, declaration.date_latest) == (
        datetime.date(1956, 10, 1),
        datetime.date(1956, 10, 31),
    )
    assert declaration.history.count() == 2
    moscow = Place.objects.get_by_natural_key("place-moscow")
    moscow.save()
    assert (moscow.version, moscow.slug, moscow.sort_name) == (2, "moscow", "Moscow")


def test_seed_leaves_an_edited_catalogue_alone(capsys):
    Place.objects.filter(identifier="place-moscow").update(name="Moskva")
    call_command("seed")
    assert "seed fixtures not loaded" in capsys.readouterr().out
    assert Place.objects.get(identifier="place-moscow").name == "Moskva"


def test_a_transcription_added_later_confirms_the_quotation_despite_spacing_and_dashes():
    declaration = document(JD)
    quotation = Citation.objects.get(cited_document=declaration, kind=Citation.Kind.QUOTATION)
    # The same words with other quotation marks, line breaks and dashes, as a full
    # transcription typed by an archivist might have them.
    declaration.transcription = "Article 9. " + quotation.quoted_text.replace(
        "Japan have agreed", "Japan  have\nagreed"
    ).replace("U.S.S.R.,", "U.S.S.R. \u2014")
    declaration.save()
    quotation.refresh_from_db()
    assert quotation.quote_found is False  # a dash stands where the quote has a comma
    declaration.transcription = (
        "\u201c"
        + quotation.quoted_text.replace("Japan have agreed", "Japan  have\nagreed")
        + "\u201d"
    )
    declaration.save()
    quotation.refresh_from_db()
    assert quotation.quote_found is True


def test_every_seeded_slug_is_the_one_a_save_makes_from_the_title():
    # The fixture build stamps slugs with the model's own slug code, so a
    # record added later through the admin, API or ingest gets the same shape.
    for model in (Document, Article, Person, Organisation, Place):
        for record in model.objects.all():
            seeded = record.slug
            record.slug = ""
            record.fill_identity()
            assert record.slug == seeded, record.identifier
