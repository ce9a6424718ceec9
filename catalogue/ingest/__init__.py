"""Source text -> structured records. Plain Python: no Django, no ORM.

`parse_text(text, vocabulary)` returns a ParsedText (dataclasses, every part
with its character span in the text as received); `decode_source(bytes)`
refuses what is not a readable UTF-8 text; `load_authority_file(path)` reads
the curated vocabulary. `catalogue.services.ingest` maps the results to records.
"""

from .authority import Entry, Vocabulary, load_authority_file
from .parser import parse_text
from .results import FACT_KINDS, Candidate, Fact, ParsedText, ParseError
from .source import decode_source

__all__ = [
    "FACT_KINDS",
    "Candidate",
    "Entry",
    "Fact",
    "ParseError",
    "ParsedText",
    "Vocabulary",
    "decode_source",
    "load_authority_file",
    "parse_text",
]
