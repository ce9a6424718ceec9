"""Where a clause ends, and whether it denies or hedges what its verb says.

"India did not sign in 1951" states no signing; "Kishi reportedly signed"
and "it is said to have concluded" state none the catalogue should take as
fact. A cue counts from the start of its clause up to the verb: a clause
ends at ";", ":", "but", "although", "while", "whereas" and at the start of
a relative or temporal clause (", which", ", who", ", when", ", after").
"""

import re

NEGATION = re.compile(
    r"\b(?:not|never|neither|nor|no longer|refused to|failed to|declined to|without)\b|n't\b",
    re.IGNORECASE,
)
HEDGE = re.compile(
    r"\b(?:(?:is|are|was|were) (?:said|thought|believed|reported|rumou?red|alleged|claimed) to"
    r"|it is said|reportedly|allegedly|supposedly|purportedly|apparently|possibly|perhaps"
    r"|probably|(?:may|might|could) (?:have|well)"
    r"|(?:some|other) (?:accounts|sources|historians|observers) (?:say|claim|suggest|believe)"
    r"|according to some)\b",
    re.IGNORECASE,
)
# A clause boundary; the first two kinds also end the search for a verb's subject.
HARD_BOUNDARY = re.compile(r";|:(?!\d)")
SOFT_BOUNDARY = re.compile(
    r";|:(?!\d)|,? \bbut\b|,? \balthough\b|, (?:while|whereas|which|who|whom|where|when|after)\b"
)


def clause_start(text: str, index: int, hard: bool = False) -> int:
    """The template offset where the clause holding `index` starts."""
    pattern = HARD_BOUNDARY if hard else SOFT_BOUNDARY
    starts = [m.end() for m in pattern.finditer(text, 0, index)]
    return starts[-1] if starts else 0


def clause_end(text: str, index: int) -> int:
    """The template offset where the clause holding `index` ends."""
    match = SOFT_BOUNDARY.search(text, index)
    return match.start() if match else len(text)


def polarity(text: str, verb_start: int) -> str:
    """ "negated", "hedged" or "" for the verb at `verb_start` of the template `text`."""
    before = text[clause_start(text, verb_start) : verb_start]
    if HEDGE.search(before):
        return "hedged"
    if NEGATION.search(before):
        return "negated"
    return ""
