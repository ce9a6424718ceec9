"""The parser on texts it was not written for (tests/ingest/texts/, with gold files):
it finds what a careful cataloguer would record, invents nothing, and takes no
denied or hedged sentence for a statement."""

import pytest

from bench.extraction_quality import TEXTS, measure, parse, texts, unsupported
from catalogue.ingest import load_authority_file
from catalogue.ingest.facts import extract_facts

ALL_TEXTS = list(texts())
# Kinds a denying sentence could wrongly state; an office or another title before a
# name ("President Eisenhower did not visit") is still so.
STATED_BY_VERBS = ("date", "in-force", "place", "party", "signatory", "event", "relation")


def test_there_are_at_least_six_texts_of_both_shapes_each_with_a_gold_file():
    names = [path.name for path, _ in ALL_TEXTS]
    assert len(names) >= 6
    assert any("wiki" in name for name in names) and any("event" in name for name in names)


def test_nine_in_ten_of_the_gold_facts_are_found_with_the_right_words():
    total = measure()[-1]
    assert total.gold_facts >= 100
    assert total.recall >= 0.90, total.recall
    assert total.precision >= 0.90, total.precision


def test_nine_in_ten_of_the_new_names_become_candidates():
    total = measure()[-1]
    assert total.candidate_recall >= 0.90 and total.candidate_precision >= 0.90


@pytest.mark.parametrize(("path", "gold"), ALL_TEXTS, ids=[p.name for p, _ in ALL_TEXTS])
def test_nothing_is_invented_each_value_is_in_the_words_it_points_to(path, gold):
    parsed = parse(path)
    vocabulary = load_authority_file(TEXTS / "authorities.yaml")
    facts = extract_facts(parsed)
    assert facts
    assert unsupported(parsed, facts, vocabulary) == []
    for fact in facts:
        evidence = fact.evidence
        assert parsed.source[evidence.start : evidence.end] == evidence.text
        assert evidence.start <= fact.value_span.start and fact.value_span.end <= evidence.end


@pytest.mark.parametrize(("path", "gold"), ALL_TEXTS, ids=[p.name for p, _ in ALL_TEXTS])
def test_a_denied_or_hedged_sentence_states_nothing_positive(path, gold):
    parsed = parse(path)
    facts = extract_facts(parsed)
    assert gold["negated_sentences"]
    for words in gold["negated_sentences"]:
        start = parsed.source.index(words)
        end = start + len(words)
        positive = [
            f
            for f in facts
            if f.kind in STATED_BY_VERBS and not f.negated and start <= f.value_span.start < end
        ]
        assert positive == [], words


@pytest.mark.parametrize(("path", "gold"), ALL_TEXTS, ids=[p.name for p, _ in ALL_TEXTS])
def test_every_candidate_span_gives_its_name_or_a_short_form(path, gold):
    parsed = parse(path)
    for candidate in parsed.candidates:
        assert candidate.key.startswith(f"candidate:{candidate.kind}:")
        first = candidate.spans[0]
        assert parsed.source[first.start : first.end] == candidate.name
        for span in candidate.spans:
            assert parsed.source[span.start : span.end] == span.text
