"""What a reference says of the work it cites, when that work is catalogued:
its date, authors and publisher, and, in a dateline subtitle, where and when
the texts it prints were signed and that they are a translation."""

import re

from .results import Fact, Mention, ParsedText, Reference, Span
from .template import Template, tok

DATELINE = re.compile(rf"^{tok('L', 'x')}, {tok('T', 't')}\.(?: \({tok('O', 'o')}\))?")
SIGNED_HERE = re.compile(r"\bsigned here(?P<today> today)?\b")
TEXTS_OF = re.compile(r"\btexts? of\b", re.IGNORECASE)
TRANSLATION = re.compile(r"\b(?:(?:un)?official )?translation from the [A-Z]\w+")


def _span(source, item):
    return Span(source[item.start : item.end], item.start, item.end)


def _credited(reference, names):
    """(kind, name) for the authors and the publisher the reference names."""
    credited = []
    for name in names:
        if not reference.start <= name.start < reference.end:
            continue
        if name.kind == "person" and any(a.start == name.start for a in reference.authors):
            credited.append(("author", name))
        elif name.kind == "organisation" and name.surface == reference.publication:
            credited.append(("publisher", name))
    return credited


def reference_facts(parsed: ParsedText, reference: Reference, names: list[Mention]) -> list[Fact]:
    """The Facts one reference states (none when the work it cites is not catalogued)."""
    evidence = Span(reference.text, reference.start, reference.end)
    cited = reference.cited
    if cited is None:
        return []
    facts = []
    if reference.date:
        date = reference.date
        facts.append(
            Fact(cited.key, "date", date.edtf, date.written, evidence, _span(parsed.source, date))
        )
    for kind, name in _credited(reference, names):
        facts.append(Fact(cited.key, kind, name.key, "", evidence, _span(parsed.source, name)))
    subtitle = reference.subtitle
    if subtitle is None:
        return facts
    span = Span(subtitle.text, subtitle.start, subtitle.end)
    template = Template(parsed, subtitle.start, subtitle.end, names)
    dateline = DATELINE.match(template.text)
    if dateline and dateline.group("o") is not None:
        agency = template.item(dateline, "o")
        facts.append(
            Fact(cited.key, "author", agency.key, "credited in the dateline", span,
                 _span(parsed.source, agency))
        )  # fmt: skip
    printed = [d for d in template.of_tag("D") if d.key != cited.key]
    if TEXTS_OF.search(template.text):
        for document in printed:
            facts.append(
                Fact(document.key, "relation", cited.key, "printed-in", span,
                     _span(parsed.source, cited))
            )  # fmt: skip
    here = SIGNED_HERE.search(template.text)
    if dateline and here:
        date, place = template.item(dateline, "t"), template.item(dateline, "x")
        for document in printed:
            facts.append(
                Fact(document.key, "place", place.key, "", span, _span(parsed.source, place))
            )
            if here.group("today") and date.edtf:
                facts.append(
                    Fact(document.key, "date", date.edtf, date.written, span,
                         _span(parsed.source, date))
                )  # fmt: skip
    translation = TRANSLATION.search(subtitle.text)
    if translation:
        start = subtitle.start + translation.start()
        words = Span(translation.group(), start, start + len(translation.group()))
        for document in [cited, *printed]:
            facts.append(Fact(document.key, "translation", translation.group(), "", span, words))
    return facts
