"""Citation and linked-data exports of catalogue records.

Each function takes a record and its stable public URL and returns a plain
string or dict; pages and the API both call these, so a record cites the
same way wherever it is downloaded from.
"""

from .citation import bibtex, chicago, csl_json, ris
from .jsonld import jsonld

__all__ = ["bibtex", "chicago", "csl_json", "jsonld", "ris"]
