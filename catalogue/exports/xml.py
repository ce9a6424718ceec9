"""Building the XML exports (Dublin Core, EAC-CPF, EAD3, OAI-PMH) with lxml:
elements and attributes only, never strings pasted together, so every value
is escaped by the serialiser."""

import datetime
import re

from lxml import etree

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XLINK = "http://www.w3.org/1999/xlink"

# Characters XML 1.0 cannot carry at all, even escaped (C0 controls other
# than tab, newline and return; lone surrogates; U+FFFE/U+FFFF): a value
# holding one is exported with U+FFFD in its place instead of failing.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def xml_text(value):
    """`value` as text XML can carry (see NOT_XML)."""
    return NOT_XML.sub(REPLACEMENT, str(value))


def qname(namespace, tag):
    return f"{{{namespace}}}{tag}"


def sub(parent, tag, text=None, **attributes):
    """A child `tag` of `parent` (a Clark-notation name) with `text` and attributes;
    attributes whose value is None or empty are left out."""
    child = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        if value not in (None, ""):
            child.set(name, xml_text(value))
    if text not in (None, ""):
        child.text = xml_text(text)
    return child


def serialise(element):
    """`element` as a UTF-8 XML document (bytes), with its declaration."""
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def iso_datetime(value):
    """A datetime as UTC to the second, as OAI-PMH and EAC-CPF write it: 2026-12-03T09:11:11Z."""
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
