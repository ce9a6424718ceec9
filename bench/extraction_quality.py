"""Precision and recall of the parser's facts and candidates against gold files.

Each text in tests/ingest/texts/ has beside it a gold file (NAME.gold.json)
written by hand: the facts a careful cataloguer would record (subject,
kind, value, the exact evidence words, "negated" when the text denies it),
the candidates (key, name, variant_of) and the sentences that deny or hedge.

A gold fact is found when some extracted fact has its subject, kind, value
and negation and a value_span inside the gold evidence words (recall).
Precision is over distinct (subject, kind, value, negated): one is right
when the gold has it, wherever the text states it (a text may say a thing
twice). Candidates are compared by key. Plain Python,
no Django; tests/ingest/test_extraction_quality.py asserts on the figures.

    .venv/bin/python bench/extraction_quality.py            # a table per text
    .venv/bin/python bench/extraction_quality.py --misses   # with what was missed or wrong
"""

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.ingest import load_authority_file, parse_text  # noqa: E402
from catalogue.ingest.candidates import fold  # noqa: E402
from catalogue.ingest.citations import natural_order  # noqa: E402
from catalogue.ingest.dates import find_dates  # noqa: E402
from catalogue.ingest.facts import extract_facts  # noqa: E402

# Kinds whose value is a date, a record, or words copied from the text.
DATED = ("date", "in-force", "event")
WORDS = ("other-title", "office", "translation", "quotation")

TEXTS = ROOT / "tests" / "ingest" / "texts"


@dataclass
class Score:
    name: str
    gold_facts: int = 0
    found_facts: int = 0  # gold facts found
    predicted: int = 0  # distinct (subject, kind, value, negated) extracted
    right: int = 0  # of those, the ones matching a gold fact
    gold_candidates: int = 0
    found_candidates: int = 0
    predicted_candidates: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self):
        return self.found_facts / self.gold_facts if self.gold_facts else 1.0

    @property
    def precision(self):
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def candidate_recall(self):
        return self.found_candidates / self.gold_candidates if self.gold_candidates else 1.0

    @property
    def candidate_precision(self):
        if not self.predicted_candidates:
            return 1.0
        return self.found_candidates / self.predicted_candidates


def texts(folder=TEXTS):
    """(text path, gold dict) for each test text that has a gold file."""
    for path in sorted(folder.glob("*.txt")):
        gold = path.with_suffix(".gold.json")
        if gold.exists():
            yield path, json.loads(gold.read_text(encoding="utf-8"))


def parse(path, folder=TEXTS):
    vocabulary = load_authority_file(folder / "authorities.yaml")
    return parse_text(path.read_text(encoding="utf-8"), vocabulary)


def _matches(fact, gold, text):
    if (fact.subject, fact.kind, fact.value, fact.negated) != (
        gold["subject"],
        gold["kind"],
        gold["value"],
        gold.get("negated", False),
    ):
        return False
    start = text.find(gold["evidence"])
    span = fact.value_span
    return span is not None and start <= span.start and span.end <= start + len(gold["evidence"])


def score(path, gold, folder=TEXTS):
    """The Score of one text against its gold file."""
    parsed = parse(path, folder)
    facts = extract_facts(parsed)
    text = parsed.source
    result = Score(path.name, gold_facts=len(gold["facts"]))
    for item in gold["facts"]:
        if any(_matches(f, item, text) for f in facts):
            result.found_facts += 1
        else:
            result.missed.append(f"{item['subject']} {item['kind']} {item['value']!r}")
    distinct = {}
    for fact in facts:
        distinct.setdefault((fact.subject, fact.kind, fact.value, fact.negated), []).append(fact)
    result.predicted = len(distinct)
    expected = {
        (g["subject"], g["kind"], g["value"], g.get("negated", False)) for g in gold["facts"]
    }
    for key in distinct:
        if key in expected:
            result.right += 1
        else:
            result.wrong.append(" ".join(str(part) for part in key))
    expected = {c["key"] for c in gold["candidates"]}
    got = {c.key for c in parsed.candidates}
    result.gold_candidates, result.predicted_candidates = len(expected), len(got)
    result.found_candidates = len(expected & got)
    result.missed += [f"candidate {key}" for key in sorted(expected - got)]
    result.wrong += [f"candidate {key}" for key in sorted(got - expected)]
    return result


def _names_of(key, parsed, vocabulary):
    """Every way the text may write the record `key`: its vocabulary names, the other
    titles the text gives it, a cited author's name in natural order."""
    names = set()
    if key in vocabulary:
        names |= {fold(n) for n in vocabulary[key].names}
    names |= {fold(a.name.text) for a in parsed.aliases if a.key == key}
    return names


def unsupported(parsed, facts, vocabulary):
    """The facts whose value the words at their value_span do not give: each as a line."""
    source, problems = parsed.source, []
    spans = {(m.key, m.start, m.end) for m in parsed.mentions}
    spans |= {(c.key, s.start, s.end) for c in parsed.candidates for s in c.spans}
    candidates = {c.key for c in parsed.candidates}
    for fact in facts:
        span = fact.value_span
        words = source[span.start : span.end] if span else ""
        if fact.kind in DATED:
            year = int(fact.value[:4]) if "[" in fact.note else None
            ok = any(d.edtf == fact.value for d in find_dates(words, 0, year))
        elif fact.kind in WORDS:
            ok = words == fact.value
        elif fact.value in candidates:
            ok = (fact.value, span.start, span.end) in spans
        else:
            ok = (fact.value, span.start, span.end) in spans and (
                fold(words) in _names_of(fact.value, parsed, vocabulary)
                or fold(natural_order(words)) in _names_of(fact.value, parsed, vocabulary)
            )
        if fact.subject not in candidates and fact.subject not in vocabulary:
            ok = False
        if not ok:
            problems.append(f"{fact.subject} {fact.kind} {fact.value!r} from {words!r}")
    return problems


def measure(folder=TEXTS):
    """Scores for every text in `folder`, and their sum as a last Score named "all"."""
    scores = [score(path, gold, folder) for path, gold in texts(folder)]
    total = Score("all")
    for each in scores:
        for name in (
            "gold_facts",
            "found_facts",
            "predicted",
            "right",
            "gold_candidates",
            "found_candidates",
            "predicted_candidates",
        ):
            setattr(total, name, getattr(total, name) + getattr(each, name))
    return [*scores, total]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list missed and wrong items")
    args = parser.parse_args(argv)
    print(f"{'text':34} {'facts':>6} {'recall':>7} {'precision':>9} {'cand.':>6} {'recall':>7} "
          f"{'precision':>9}")  # fmt: skip
    for each in measure():
        print(
            f"{each.name:34} {each.gold_facts:6} {each.recall:7.2f} {each.precision:9.2f} "
            f"{each.gold_candidates:6} {each.candidate_recall:7.2f} {each.candidate_precision:9.2f}"
        )
        if args.misses:
            for line in each.missed:
                print(f"    missed: {line}")
            for line in each.wrong:
                print(f"    wrong:  {line}")


if __name__ == "__main__":
    main()
