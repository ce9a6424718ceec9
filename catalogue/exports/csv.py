"""Spreadsheet-safe CSV cells: every CSV the catalogue writes (admin export,
bulk downloads) passes its cells through `escape_formula`, so a value such as
=HYPERLINK("http://x","y") opens as text, not as a formula (OWASP, "CSV
Injection"). Imports undo it with `unescape_formula`, so a file exported and
imported again keeps every value exactly as the archivist typed it.
"""

# A spreadsheet reads a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_formula(text):
    # Leading quotes count too: "'=1" is escaped again ("''=1"), so that
    # unescaping one quote gives back exactly "'=1".
    return text.lstrip("'").startswith(FORMULA_STARTS)


def escape_formula(value):
    """`value` with a ' in front when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and _is_formula(value):
        return "'" + value
    return value


def unescape_formula(value):
    """The value `escape_formula` was given: one leading ' goes, only when what
    follows would be a formula."""
    if isinstance(value, str) and value.startswith("'") and _is_formula(value[1:]):
        return value[1:]
    return value


def safe_row(values):
    """A row of cells ready for csv.writer.writerow."""
    return [escape_formula(value) for value in values]
