"""New names: a candidate becomes a draft record or a variant, and every text
already ingested gains the link without being ingested again."""

import pytest
from django.core.management import call_command

from catalogue.models import Claim, Decision, Mention, Person
from catalogue.services.candidates import candidate_accept, candidate_reject
from catalogue.services.claims import ClaimError
from tests.factories import make_article, make_candidate, make_claim, make_document, make_person

pytestmark = pytest.mark.django_db
FIRST = "Talks in Moscow\n\nForeign Minister Mamoru Shigemitsu arrived. Shigemitsu met Bulganin.\n"
EARLIER = "London talks\n\nIn London, Mamoru Shigemitsu spoke first.\n"
VARIANT = "Visit\n\nHatoyama Ichiro flew to Moscow.\n"


def test_accepting_a_candidate_makes_a_draft_person_and_links_every_text(archivist):
    earlier = make_article(source_text=EARLIER, status="draft")
    article = make_article(source_text=FIRST, status="draft")
    candidate = make_candidate(article, "Mamoru Shigemitsu", office="Foreign Minister")
    accord = make_document(title="Accord")
    claim = make_claim(
        article, accord, kind="signatory", value=candidate.key, words="Mamoru Shigemitsu"
    )

    person, added = candidate_accept(candidate=candidate, user=archivist)

    assert (person.name, person.status) == ("Mamoru Shigemitsu", "draft")
    candidate.refresh_from_db()
    assert (candidate.state, candidate.person, candidate.decided_by) == (
        Decision.ACCEPTED,
        person,
        archivist,
    )
    # The claim that named the candidate now names the record.
    claim.refresh_from_db()
    assert claim.value == person.identifier
    # Both texts gained the link, the earlier one without being ingested again.
    assert added == 2
    for text in (article, earlier):
        mention = Mention.objects.get(article=text, person=person)
        assert text.source_text[mention.start : mention.end] == "Mamoru Shigemitsu"
        assert person in text.about_people.all()


def test_claims_about_a_candidate_move_to_the_new_record(archivist):
    article = make_article(source_text=FIRST, status="draft")
    candidate = make_candidate(article, "Mamoru Shigemitsu")
    claim = make_claim(
        article, None, kind="office", value="Foreign Minister", words="Foreign Minister"
    )
    Claim.objects.filter(pk=claim.pk).update(candidate=candidate)
    person, _added = candidate_accept(candidate=candidate, user=archivist)
    claim.refresh_from_db()
    assert (claim.person, claim.candidate) == (person, None)


def test_the_same_name_proposed_by_another_text_is_resolved_too(archivist):
    first = make_candidate(make_article(source_text=FIRST), "Mamoru Shigemitsu")
    second = make_candidate(make_article(source_text=EARLIER), "Mamoru Shigemitsu")
    person, _added = candidate_accept(candidate=first, user=archivist)
    second.refresh_from_db()
    assert (second.state, second.person) == (Decision.ACCEPTED, person)


def test_a_spelling_variant_is_added_to_the_known_person_and_linked(archivist):
    hatoyama = make_person(name="Ichiro Hatoyama")
    older = make_article(source_text=VARIANT, status="draft")
    candidate = make_candidate(older, "Hatoyama Ichiro", variant_of=hatoyama.identifier)
    person, added = candidate_accept(
        candidate=candidate, user=archivist, variant_of=candidate.variant_of
    )
    assert person == hatoyama and Person.objects.count() == 1
    hatoyama.refresh_from_db()
    assert hatoyama.variants == ["Hatoyama Ichiro"] and hatoyama.version == 2
    assert added == 1
    assert Mention.objects.get(article=older).surface == "Hatoyama Ichiro"


def test_a_rejected_candidate_is_kept_and_cannot_be_accepted_later(archivist):
    candidate = make_candidate(make_article(source_text=FIRST), "Mamoru Shigemitsu")
    candidate_reject(candidate=candidate, user=archivist)
    candidate.refresh_from_db()
    assert candidate.state == Decision.REJECTED
    with pytest.raises(ClaimError, match="already rejected"):
        candidate_accept(candidate=candidate, user=archivist)
    assert not Person.objects.exists()


def test_a_variant_saved_by_hand_is_linked_in_earlier_texts_at_once():
    hatoyama = make_person(name="Ichiro Hatoyama")
    older = make_article(source_text=VARIANT)
    assert not Mention.objects.filter(article=older).exists()
    hatoyama.variants = ["Hatoyama Ichiro"]
    hatoyama.save()
    assert Mention.objects.get(article=older, person=hatoyama).surface == "Hatoyama Ichiro"


def test_a_new_record_is_linked_in_earlier_texts_at_once():
    older = make_article(source_text=EARLIER)
    person = make_person(name="Mamoru Shigemitsu")
    assert Mention.objects.get(article=older, person=person).surface == "Mamoru Shigemitsu"


def test_the_relink_command_links_names_changed_without_a_save(capsys):
    hatoyama = make_person(name="Ichiro Hatoyama")
    older = make_article(source_text=VARIANT)
    # A bulk update sends no signal: the command is for such changes.
    Person.objects.filter(pk=hatoyama.pk).update(variants=["Hatoyama Ichiro"])
    assert not Mention.objects.filter(article=older).exists()
    call_command("relink")
    assert Mention.objects.get(article=older, person=hatoyama).surface == "Hatoyama Ichiro"
    assert "Relinked: 1 mention(s) added." in capsys.readouterr().out
    call_command("relink", identifier=[hatoyama.identifier])
    assert Mention.objects.filter(article=older).count() == 1  # nothing twice
    assert "Relinked: 0 mention(s) added." in capsys.readouterr().out


def test_a_longer_name_replaces_the_short_one_inside_it():
    older = make_article(source_text=VARIANT)
    hatoyama = make_person(name="Ichiro Hatoyama", variants=["Hatoyama"])
    assert Mention.objects.get(article=older).surface == "Hatoyama"
    hatoyama.variants = ["Hatoyama", "Hatoyama Ichiro"]
    hatoyama.save()
    assert list(Mention.objects.filter(article=older).values_list("surface", flat=True)) == [
        "Hatoyama Ichiro"
    ]
