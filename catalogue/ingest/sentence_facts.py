"""What one sentence states: the facts its verbs carry.

Each verb of signing, entering into force, ratifying, negotiating, chairing,
meeting, joining, leaving or visiting is read with what stands around it in
its clause: the document it concerns (the one after the verb, the one before
it, or "the treaty" / "it" for the document the text is about), the date
after it ("on 8 September 1951") or fronted before it ("In October 1956 ..."),
the place ("in Tokyo", "at the Presidio"), the people who signed ("by Prime
Minister X and Foreign Minister Y", "X signed") and the parties ("Japan and
the Soviet Union signed", "on behalf of Japan"). A denied verb ("did not
sign", "refused to sign") gives only negated facts; a hedged one
("reportedly", "is said to have") gives none.
"""

import re

from .cues import clause_end, clause_start, polarity
from .names import DOCUMENT_NOUN
from .offices import office_before
from .results import Fact, Mention, ParsedText, Span
from .template import Template, tok

VERBS = {
    "sign": r"\b(?:signed|signs|sign|signing|concluded|adopted|issued|published)\b",
    "in-force": r"\b(?:came|comes|come|coming|entered|enters|enter|entering|went) into "
    r"(?:force|effect)\b|\bentry into force\b|\b(?:took|takes|take|taking) effect\b"
    r"|\bbecame effective\b",
    "ratified": r"\b(?:ratified|ratifies|ratify|ratifying|ratification|approved|approves)\b",
    "negotiated": r"\b(?:negotiated|negotiates|negotiate|negotiating)\b",
    "chaired": r"\b(?:chaired|chairs|presided over)\b",
    "joined": r"\b(?:joined|joins|join|joining|admitted to|became a member of|acceded to)"
    r"(?= (?:the )?⟦O)",
    "left": r"\b(?:withdrew from|withdraws from|withdraw from|left|leaves|leave)(?= (?:the )?⟦O)",
    "met": r"\b(?:met|meets|convened|convenes|(?:was|were) held)\b(?! ⟦P)",
    "visited": r"\b(?:visited|visits|visit|visiting)(?= (?:the )?⟦[LO])"
    r"|\b(?:state|official) visit to\b|\bmade (?:a|an|the) (?:\w+ )?visit(?: to)?\b",
}
_VERB = re.compile(
    "|".join(f"(?P<{re.sub('-', '_', k)}>{v})" for k, v in VERBS.items()), re.IGNORECASE
)
# Words that start a new predicate: what follows them is not said of the verb before.
_PREDICATE = re.compile(
    r"\b(?:was|were|is|are|has|had|have|represented|marked|helped|became|remained|showed"
    r"|opened|led|set|ended|began)\b"
)
# "the treaty", "both treaties", "it": the document the text is about.
_ANAPHORA = re.compile(rf"^(?:(?:[Tt]he|[Bb]oth) (?:\w+ )?{DOCUMENT_NOUN}|It|it)$")
_DOCUMENT_NOUN = re.compile(rf"{DOCUMENT_NOUN}$")
_DETERMINER = re.compile(r" (?:the|a|an|this|that|its|his|her|their|any|both|some) ")
# "signed the same afternoon": a time, not the object of the verb.
_WHEN = re.compile(
    r" (?:the|that|this) (?:same |following |next |previous )?"
    r"(?:morning|afternoon|evening|night|day|week|month|year)\b"
)
_NO_DATE_BEFORE = re.compile(r"\b(?:since|until|till|before|after|by)\s*$", re.IGNORECASE)
_SIGNATORY = re.compile(
    rf"(?P<note>[^⟦;]{{0,60}}?(?:⟦O\d+⟧(?:'s|\u2019s) [^⟦;]{{0,30}}?)?){tok('P', 'p')}"
)
_NEXT_SIGNATORY = re.compile(r"(?:,|,? and) ")
_PARTIES_BEFORE = re.compile(
    rf"{tok('O', 'a')}(?: and (?:the )?{tok('O', 'b')})? (?:(?:also|jointly|formally|\w+ly) )?"
    r"(?:(?:did not|did n't|refused to|declined to|failed to|would not|could not) )?$"
)
_SUBJECT_PARTY = re.compile(rf"^(?:The |the )?{tok('O', 'a')}")
_ON_BEHALF = re.compile(rf"\bon behalf of (?:the )?{tok('O', 'o')}")
_PLACE = re.compile(rf"\b(?P<prep>in|at|to)(?: the)? {tok('L', 'x')}(?:(?:,|,? and) ⟦L\d+⟧)*")
# "X signed", "X and Premier Y had signed": the people before the verb.
_ACTIVE_PERSON = re.compile(
    rf"(?:{tok('P', 'q')} and (?:[A-Z][\w-]*(?: [A-Z][\w-]*)* )?)?{tok('P', 'p')},? "
    r"(?:(?:had|has|have|also|jointly|personally|\w+ly) )*$"
)


class _Sentence:
    """One sentence as a template, with the facts found in it so far."""

    def __init__(self, parsed, sentence, names, subject):
        self.parsed, self.span, self.subject = parsed, sentence, subject
        self.t = Template(parsed, sentence.start, sentence.end, names)
        self.text = self.t.text
        self.facts = []

    def add(self, subject, kind, value, item=None, note="", negated=False, value_span=None):
        if value_span is None and item is not None:
            value_span = Span(self.parsed.source[item.start : item.end], item.start, item.end)
        self.facts.append(Fact(subject, kind, value, note, self.span, value_span, negated))

    def add_date(self, subject, kind, date):
        self.add(subject, kind, date.edtf, date, date.written)

    def first_date(self, start, end):
        for position, item in self.t.tokens("T", start, end):
            if item.edtf and not _NO_DATE_BEFORE.search(self.text[max(0, position - 8) : position]):
                return item
        return None

    def fronted_date(self, start, verb_start):
        """A date before the verb in its clause, introduced by "on" or "in"."""
        dates = [
            item
            for position, item in self.t.tokens("T", start, verb_start)
            if item.edtf and re.search(r"\b(?:[Oo]n|[Ii]n|[Ff]rom)\s*$", self.text[:position])
        ]
        return dates[-1] if dates else None

    def target(self, verb, window_end):
        """The document the verb at `verb` (a match) concerns, or None: the document
        right after it; none when its object is something else ("his resignation");
        the last one before it; the first one after it; "the treaty" or "it" for the
        text's subject; for signing and entry into force, the subject when the sentence
        names no document and the verb is not said of another noun."""
        after = self.text[verb.end() : window_end]
        direct = re.match(rf"(?: of)?(?: the| a| an| this| its)? {tok('D', 'd')}", after)
        if direct:
            return self.t.items[int(direct.group("d"))].key
        if _DETERMINER.match(after) and not _WHEN.match(after):
            words = re.match(rf" ((?:\w+ ){{0,2}}?{DOCUMENT_NOUN})\b", after)
            if words and _ANAPHORA.search(words.group(1).strip()):
                return self.subject
            return None  # "signed his resignation", "concluded a separate peace"
        hard = clause_start(self.text, verb.start(), hard=True)
        before = self.t.tokens("D", hard, verb.start())
        if before:
            return before[-1][1].key
        later = self.t.tokens("D", verb.end(), window_end)
        if later:
            return later[0][1].key
        lead = self.text[clause_start(self.text, verb.start()) : verb.start()]
        if re.search(rf"(?:^|[.,] ?)(?:[Tt]he (?:\w+ )?{DOCUMENT_NOUN}|It|it)\b", lead):
            return self.subject
        own = re.search(r"\b[Tt]he (\w+) (?:\w+ )?$", lead)
        if own and not _DOCUMENT_NOUN.match(own.group(1)):
            return None  # "the withdrawal took effect": the verb is said of something else
        if verb.lastgroup in ("sign", "in_force") and not self.t.of_tag("D"):
            return self.subject
        return None


def _signatories(s, window_start, window_end):
    """(person, note) signing "by" someone in the window: "by Prime Minister X and Y",
    "by X in Tokyo and by Y in Washington"."""
    found = []
    for by in re.finditer(r"\bby ", s.text[window_start:window_end]):
        position = window_start + by.end()
        while True:
            match = _SIGNATORY.match(s.text, position, window_end)
            # The note may hold a state ("Japan's PM") but no other name or date.
            if not match or "⟦" in match.group("note").replace("⟦O", ""):
                break
            note = re.sub(r"^(?:the|a|an) ", "", s.t.words(match.group("note")))
            found.append((s.t.item(match, "p"), note))
            more = _NEXT_SIGNATORY.match(s.text, match.end(), window_end)
            if not more:
                break
            position = more.end()
    return found


def _sign(s, verb, window_end, doc, mood):
    lead_start = clause_start(s.text, verb.start())
    before = s.text[: verb.start()]
    negated = mood == "negated"
    parties = []
    adjacent = _PARTIES_BEFORE.search(before)
    if adjacent:
        parties += [s.t.item(adjacent, g) for g in ("a", "b") if adjacent.group(g)]
    subject = _SUBJECT_PARTY.match(s.text)
    if subject and not s.t.tokens("OP", subject.end(), verb.start()):
        parties.append(s.t.item(subject, "a"))
    active = _ACTIVE_PERSON.search(before, lead_start)
    people = []
    for group in ("q", "p"):
        if active and active.group(group):
            person = s.t.item(active, group)
            people.append((person, _office_note(s, person)))
    if not negated:
        people += _signatories(s, verb.end(), window_end)
        parties += [s.t.item(m, "o") for m in _ON_BEHALF.finditer(s.text, verb.end(), window_end)]
    for item in dict.fromkeys(parties):
        s.add(doc, "party", item.key, item, negated=negated)
    for item, note in people:
        s.add(doc, "signatory", item.key, item, note, negated=negated)
    if negated:
        return
    date = s.first_date(verb.end(), window_end) or s.fronted_date(lead_start, verb.start())
    if date:
        s.add_date(doc, "date", date)
    places = [
        (m.group("prep"), item)
        for m in _PLACE.finditer(s.text, verb.end(), window_end)
        for _, item in s.t.tokens("L", m.start(), m.end())
    ]
    chosen = [p for prep, p in places if prep == "in"] or [p for _, p in places]
    for item in chosen:
        s.add(doc, "place", item.key, item)


def _office_note(s, item):
    match = office_before(s.parsed.source, item.start, s.span.start)
    return match.group().strip() if match else ""


def _actor(s, verb, tags):
    """The nearest record of `tags` before the verb in its clause (its grammatical subject)."""
    found = s.t.tokens(tags, clause_start(s.text, verb.start(), hard=True), verb.start())
    return found[-1][1] if found else None


def _event_note(s, verb, window_end):
    """The verb with its object as written: "joined the United Nations", "ratified"."""
    after = re.match(r"(?: the| a| an)? ⟦[LOD]\d+⟧", s.text[verb.end() : window_end])
    end = verb.end() + (after.end() if after else 0)
    return s.t.words(s.text[verb.start() : end])


def sentence_facts(
    parsed: ParsedText, sentence: Span, names: list[Mention], subject: str | None
) -> tuple[list[Fact], Template]:
    """The Facts the verbs of one sentence state (see the module docstring)."""
    s = _Sentence(parsed, sentence, names, subject)
    verbs = list(_VERB.finditer(s.text))
    for index, verb in enumerate(verbs):
        mood = polarity(s.text, verb.start())
        if mood == "hedged":
            continue
        window_end = clause_end(s.text, verb.end())
        predicate = _PREDICATE.search(s.text, verb.end(), window_end)
        if predicate:
            window_end = predicate.start()
        if index + 1 < len(verbs):
            window_end = min(window_end, verbs[index + 1].start())
        group = verb.lastgroup
        lead_start = clause_start(s.text, verb.start())
        date = s.first_date(verb.end(), window_end) or s.fronted_date(lead_start, verb.start())
        note = _event_note(s, verb, window_end)
        if group == "sign":
            doc = s.target(verb, window_end)
            if doc:
                _sign(s, verb, window_end, doc, mood)
        elif group == "in_force" and not mood:
            doc = s.target(verb, window_end)
            if doc and date:
                s.add_date(doc, "in-force", date)
        elif group in ("ratified", "negotiated", "chaired"):
            doc = s.target(verb, window_end)
            if doc and date:
                s.add(doc, "event", date.edtf, date, note, mood == "negated")
        elif group in ("joined", "left", "visited"):
            actor = _actor(s, verb, "OP")
            if actor and date:
                s.add(actor.key, "event", date.edtf, date, note, mood == "negated")
        elif group == "met" and not mood:
            actor = _actor(s, verb, "O")
            if actor and date:
                s.add(actor.key, "event", date.edtf, date, note)
            for match in _PLACE.finditer(s.text, verb.end(), window_end):
                if actor and match.group("prep") == "in":
                    s.add(actor.key, "place", s.t.key(match, "x"), s.t.item(match, "x"))
    return s.facts, s.t
