"""A stretch of text with its names and dates replaced by tokens.

"Japan and the Soviet Union issued a joint declaration in October 1956"
reads as "⟦O0⟧ and the ⟦O1⟧ issued a ⟦D2⟧ in ⟦T3⟧", so that sentence patterns
are written once for every name. Authority mentions and candidates both
become tokens (a candidate is a record the archivist may create); quoted
words become blanks, because what a document says is not what the text
says about it.
"""

import re
from bisect import bisect_left

from .results import Mention, ParsedText

TAGS = {"person": "P", "organisation": "O", "place": "L", "document": "D", "date": "T"}
TOKEN = re.compile(r"⟦([POLDT])(\d+)⟧")


def tok(tag: str, name: str) -> str:
    """A pattern for one token of `tag` ("P", "O", "L", "D", "T" or "[OL]"), its index named."""
    return rf"⟦{tag}(?P<{name}>\d+)⟧"


def within(items, start, end):
    """The items (sorted by start) that start between `start` and `end`."""
    starts = [item.start for item in items]
    return items[bisect_left(starts, start) : bisect_left(starts, end)]


def named_items(parsed: ParsedText) -> list[Mention]:
    """Every authority mention and candidate span of `parsed`, as Mentions."""
    items = list(parsed.mentions)
    for candidate in parsed.candidates:
        items += [
            Mention(candidate.key, candidate.kind, s.text, s.start, s.end) for s in candidate.spans
        ]
    return sorted(items, key=lambda m: m.start)


class Template:
    """The text from `start` to `end` with its names and dates as tokens."""

    def __init__(self, parsed, start, end, names=None):
        names = named_items(parsed) if names is None else names
        items = [m for m in within(names, start, end) if m.end <= end]
        taken = [(m.start, m.end) for m in items]
        items += [
            d
            for d in parsed.dates
            if start <= d.start
            and d.end <= end
            and not any(d.start < b and a < d.end for a, b in taken)
        ]
        quotes = [
            (q.start, q.end)
            for q in parsed.quotations
            if q.context == "body" and start <= q.start and q.end <= end
        ]
        self.items = sorted(items, key=lambda i: i.start)
        self.source = parsed.source
        pieces, position = [], start
        for index, item in enumerate(self.items):
            pieces.append(self._blank(position, item.start, quotes))
            tag = TAGS[getattr(item, "kind", "date")]
            pieces.append(f"⟦{tag}{index}⟧")
            position = item.end
        pieces.append(self._blank(position, end, quotes))
        self.text = "".join(pieces)

    def _blank(self, a, b, quotes):
        """Source text from a to b, with quoted words replaced by underscores."""
        text = list(self.source[a:b])
        for q_start, q_end in quotes:
            for i in range(max(a, q_start), min(b, q_end)):
                text[i - a] = "_"
        return "".join(text)

    def item(self, match, group):
        return self.items[int(match.group(group))]

    def key(self, match, group):
        return self.item(match, group).key

    def tokens(self, tags, start=0, end=None):
        """(template offset, item) of the tokens of `tags` between two template offsets."""
        end = len(self.text) if end is None else end
        return [
            (m.start(), self.items[int(m.group(2))])
            for m in TOKEN.finditer(self.text, start, end)
            if m.group(1) in tags
        ]

    def words(self, text):
        """`text` (a part of the template) with the tokens put back as written."""
        return TOKEN.sub(lambda m: _surface(self.items[int(m.group(2))]), text).strip()

    def of_tag(self, tag):
        return [i for i in self.items if TAGS[getattr(i, "kind", "date")] == tag]


def _surface(item):
    return getattr(item, "surface", None) or item.text
