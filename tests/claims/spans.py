"""'Nothing invented': the words a claim points at, sliced from its article's stored
text, must give the claim's value."""

import re

from catalogue.models import Candidate, Document, Organisation, Person, Place

NAMED = {"party", "signatory", "author", "publisher", "place", "relation"}


def _names(identifier, article):
    if identifier.startswith("candidate:"):
        # A new name: as first written, or any of the forms it occurs in (short forms).
        candidate = Candidate.objects.get(article=article, key=identifier)
        return [candidate.name, *(article.source_text[s:e] for s, e in candidate.spans)]
    for model in (Person, Organisation, Place):
        record = model.objects.filter(identifier=identifier).first()
        if record is not None:
            return record.all_names
    document = Document.objects.get(identifier=identifier)
    return [document.title, *document.other_titles]


def _folded(text):
    return re.sub(r"[\u2010-\u2015\u2212]", "-", re.sub(r"\s+", " ", text)).casefold()


def supporting_words(claim):
    """Why the claim's span supports its value, or raise AssertionError saying why not."""
    text = claim.article.source_text
    words = text[claim.start : claim.end]
    assert claim.evidence_start <= claim.start <= claim.end <= claim.evidence_end
    assert text[claim.evidence_start : claim.evidence_end] == claim.evidence
    if claim.kind == "relation" and claim.note == "printed-in":
        # "the texts of ... signed here today" in a reference's subtitle: the work that
        # prints them is the one the reference entry (from its "^") names.
        words = text[text.rfind("^", 0, claim.start) : claim.end]
    if claim.kind in NAMED:
        names = _names(claim.value, claim.article)
        assert any(_folded(name) in _folded(words) for name in names), (claim, words, names)
    elif claim.kind in ("date", "in-force", "event"):
        written = re.sub(r"\s*\[\d{3,4}\]$", "", claim.value_label)  # a supplied year
        assert _folded(written) in _folded(words), (claim, words)
    else:
        assert _folded(claim.value) in _folded(words), (claim, words)
    return words
