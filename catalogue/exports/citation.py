"""CSL-JSON, BibTeX, RIS and a Chicago-style reference for documents and articles,
and for people, organisations and places as catalogue entries.

Linked records are read through the relation (`record.place`), never its id
(`record.place_id`): for a reader who may not see drafts the querysets empty
a link to a draft, and the id would still be set."""

import re

from django.utils.formats import date_format

from ..models import (
    Article,
    Collection,
    Document,
    DocumentAgent,
    Organisation,
    Person,
    Place,
    Repository,
)
from .dates import date_parts

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

CSL_TYPES = {
    Document.Kind.TREATY: "treaty",
    Document.Kind.DECLARATION: "treaty",
    Document.Kind.PROTOCOL: "treaty",
    Document.Kind.NEWSPAPER_TEXT: "article-newspaper",
    Document.Kind.LETTER: "personal_communication",
    Document.Kind.OTHER: "document",
}
RIS_TYPES = {Document.Kind.NEWSPAPER_TEXT: "NEWS", Document.Kind.LETTER: "PCOMM"}


# Cited as entries of the catalogue under their name (a repository too: an institution).
AUTHORITIES = (Person, Organisation, Place, Repository)


def _title(record):
    # An authority record is cited as an entry of the catalogue under its name.
    return str(record) if isinstance(record, AUTHORITIES) else record.title


def _dates(record):
    return getattr(record, "date_edtf", ""), getattr(record, "date_written", "")


def creator_records(record):
    """People and organisations to name as the work's creators, in order."""
    if isinstance(record, AUTHORITIES):
        return []
    if isinstance(record, Article):
        return list(record.authors.all())
    if isinstance(record, Collection):
        # Emptied by visible_to when the creator is a draft the reader may not see.
        creator = record.creator_person or record.creator_organisation
        return [creator] if creator else []
    agents = list(record.agents.all())
    for roles in (
        {DocumentAgent.Role.AUTHOR},
        {DocumentAgent.Role.PARTY},
        {DocumentAgent.Role.SIGNATORY},
    ):
        found = [a.agent for a in agents if a.role in roles]
        if found:
            return found
    return []


def _creators(record):
    return [str(c) for c in creator_records(record)]


def _publisher(record):
    if isinstance(record, AUTHORITIES):
        return ""
    if isinstance(record, Article):
        return record.site_name or (str(record.publisher) if record.publisher else "")
    if isinstance(record, Collection):
        return ""
    for agent in record.agents.all():
        if agent.role == DocumentAgent.Role.PUBLISHER:
            return str(agent.agent)
    return ""


def _csl_name(creator):
    # A person's sort name ("Hatoyama, Ichiro") gives family and given names;
    # organisations and single names stay literal.
    if isinstance(creator, Person) and ", " in creator.sort_name:
        family, given = creator.sort_name.split(", ", 1)
        return {"family": family, "given": given}
    return {"literal": str(creator)}


def csl_json(record, url, accessed=None):
    """One CSL-JSON item (a dict) for a document or article."""
    if isinstance(record, AUTHORITIES):
        csl_type = "entry"
    elif isinstance(record, Collection):
        csl_type = "collection"
    else:
        csl_type = "webpage" if isinstance(record, Article) else CSL_TYPES[record.kind]
    item = {"id": record.identifier, "type": csl_type, "title": _title(record), "URL": url}
    creators = creator_records(record)
    if creators:
        item["author"] = [_csl_name(c) for c in creators]
    edtf, written = _dates(record)
    parts, approximate = date_parts(edtf)
    if parts:
        item["issued"] = {"date-parts": parts}
        if approximate:
            item["issued"]["circa"] = True
    elif written:
        item["issued"] = {"literal": written}
    publisher = _publisher(record)
    if publisher:
        key = "container-title" if item["type"] in {"webpage", "article-newspaper"} else "publisher"
        item[key] = publisher
    if isinstance(record, Collection):
        # CSL's archive fields: who holds it and where in their holdings.
        if record.shown_repository:
            item["archive"] = str(record.shown_repository)
        if record.full_reference_code:
            item["archive_location"] = record.full_reference_code
    if isinstance(record, Document):
        if record.place:
            item["event-place"] = str(record.place)
        if record.description:
            item["abstract"] = record.description
    if accessed:
        item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return item


def _bibtex_escape(value):
    value = str(value)
    for char in "\\{}":
        value = value.replace(char, "")
    for char in "&%$#_":
        value = value.replace(char, "\\" + char)
    return value


def bibtex(record, url, accessed=None):
    """A BibTeX entry; @article for newspaper texts, @misc otherwise."""
    newspaper = isinstance(record, Document) and record.kind == Document.Kind.NEWSPAPER_TEXT
    key = re.sub(r"[^A-Za-z0-9]", "", record.identifier.title())
    fields = [("title", "{" + _bibtex_escape(_title(record)) + "}")]
    creators = _creators(record)
    if creators:
        fields.append(("author", " and ".join("{" + _bibtex_escape(c) + "}" for c in creators)))
    edtf, written = _dates(record)
    parts, _ = date_parts(edtf)
    if parts:
        fields.append(("year", str(parts[0][0])))
        if len(parts[0]) > 1:
            fields.append(("month", MONTHS[parts[0][1] - 1]))
    publisher = _publisher(record)
    if publisher:
        fields.append(("journal" if newspaper else "howpublished", _bibtex_escape(publisher)))
    if written:
        fields.append(("note", "Date as written: " + _bibtex_escape(written)))
    fields.append(("url", url))
    if accessed:
        fields.append(("urldate", accessed.isoformat()))
    body = ",\n".join(
        f"  {name} = {value if name in {'month'} else '{' + value + '}'}" for name, value in fields
    )
    return f"@{'article' if newspaper else 'misc'}{{{key},\n{body}\n}}\n"


def ris(record, url, accessed=None):
    """An RIS record."""
    if isinstance(record, (*AUTHORITIES, Collection)):
        type_ = "GEN"
    else:
        type_ = "ELEC" if isinstance(record, Article) else RIS_TYPES.get(record.kind, "GEN")
    lines = [("TY", type_), ("TI", _title(record))]
    lines += [("AU", c) for c in _creators(record)]
    parts, _ = date_parts(_dates(record)[0])
    if parts:
        # RIS dates are YYYY/MM/DD/ with unknown parts left empty.
        year, month, day = (parts[0] + [None, None])[:3]
        lines.append(("PY", str(year)))
        lines.append(("DA", f"{year}/{month or '':0>2}/{day or '':0>2}/".replace("/00/", "//")))
    publisher = _publisher(record)
    if publisher:
        lines.append(("T2" if type_ in {"NEWS", "ELEC"} else "PB", publisher))
    if isinstance(record, Document) and record.place:
        lines.append(("CY", str(record.place)))
    if isinstance(record, Collection) and record.full_reference_code:
        lines.append(("AN", record.full_reference_code))
    lines.append(("UR", url))
    if accessed:
        lines.append(("Y2", accessed.isoformat()))
    lines.append(("ID", record.identifier))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines)


def chicago(record, url, accessed):
    """A Chicago-style bibliography entry as plain text, with the stable URL and access date."""
    creators = _creators(record)
    parts = []
    if creators:
        parts.append(", ".join(creators) + ".")
    publisher = _publisher(record)
    if isinstance(record, AUTHORITIES):
        parts.append(f"\u201c{record}.\u201d")
        parts.append(f"Catalogue entry ({record._meta.verbose_name}).")
    elif isinstance(record, Article):
        parts.append(f"\u201c{record.title}.\u201d")
        if publisher:
            parts.append(f"{publisher}.")
    elif isinstance(record, Collection):
        # An archival citation: the unit, its dates, then where it is held.
        parts.append(
            f"{record.title}" + (f", {record.date_display}." if record.date_display else ".")
        )
        held = [record.full_reference_code, str(record.shown_repository or "")]
        held = [part for part in held if part]
        if held:
            parts.append(", ".join(held) + ".")
    else:
        parts.append(f"{record.title}.")
        details = [record.get_kind_display()]
        if record.place:
            details.append(str(record.place))
        if record.date_display:
            details.append(record.date_display)
        parts.append(", ".join(details) + ".")
        if publisher and record.kind == Document.Kind.NEWSPAPER_TEXT:
            parts.append(f"{publisher}.")
    if isinstance(record, Article) and record.date_display:
        parts.append(f"{record.date_display}.")
    parts.append(f"Accessed {date_format(accessed, 'F j, Y')}.")
    parts.append(url)
    return " ".join(parts)
