"""EAC-CPF 2010 for people, organisations and repositories: names and their
variants, dates of existence, the history, relations to the organisations
they held titles in (cpfRelation) and to the documents and collections they
made or took part in (resourceRelation), and the articles naming them
(control/sources). Drafts are never named: every relation is read through
`links(model, user)`."""

from django.conf import settings
from django.db.models import Prefetch
from lxml import etree

from ..models import (
    Article,
    Collection,
    DocumentAgent,
    Organisation,
    Person,
    PersonTitle,
    Repository,
    links,
)
from .xml import XLINK, XSI, iso_datetime, qname, sub, xml_text

EAC = "urn:isbn:1-931666-33-4"
EAC_SCHEMA = "https://eac.staatsbibliothek-berlin.de/schema/cpf.xsd"
MODELS = (Person, Organisation, Repository)


def _e(tag):
    return qname(EAC, tag)


def for_eac(queryset, user):
    """`queryset` of people, organisations or repositories with what the
    export reads beyond the record (a fixed number of queries for any count)."""
    model = queryset.model
    prefetches = [
        Prefetch(
            "created_collections" if model is not Repository else "collections",
            queryset=links(Collection, user).order_by("tree_path"),
            to_attr="eac_collections",
        )
    ]
    if model is not Repository:
        prefetches += [
            Prefetch(
                "document_roles",
                queryset=links(DocumentAgent, user)
                .select_related("document")
                .order_by("document__date_earliest", "document__title", "pk"),
                to_attr="eac_roles",
            ),
            Prefetch(
                "articles_about",
                queryset=links(Article, user).defer("body", "source_text").order_by("title"),
                to_attr="eac_sources",
            ),
        ]
    if model is Person:
        prefetches.append(
            Prefetch(
                "titles",
                queryset=links(PersonTitle, user).select_related("organisation"),
                to_attr="eac_titles",
            )
        )
    return queryset.prefetch_related(*prefetches)


def _name_entry(identity, name, form):
    entry = sub(identity, _e("nameEntry"))
    sub(entry, _e("part"), name)
    sub(entry, _e(form), "local")


def _control(root, record, url):
    control = sub(root, _e("control"))
    sub(control, _e("recordId"), record.identifier)
    for kind, value in (("wikidata", record.wikidata), ("viaf", getattr(record, "viaf", ""))):
        if value:
            sub(control, _e("otherRecordId"), value, localType=kind)
    sub(control, _e("maintenanceStatus"), "revised" if record.version > 1 else "new")
    agency = sub(control, _e("maintenanceAgency"))
    sub(agency, _e("agencyName"), settings.CATALOGUE_SITE_NAME)
    history = sub(control, _e("maintenanceHistory"))
    for kind, when in (("created", record.created), ("revised", record.modified)):
        event = sub(history, _e("maintenanceEvent"))
        sub(event, _e("eventType"), kind)
        sub(event, _e("eventDateTime"), iso_datetime(when), standardDateTime=iso_datetime(when))
        sub(event, _e("agentType"), "machine")
        sub(event, _e("agent"), settings.CATALOGUE_SITE_NAME)
    articles = getattr(record, "eac_sources", [])
    if articles:
        sources = sub(control, _e("sources"))
        for article in articles:
            source = sub(sources, _e("source"), **{qname(XLINK, "href"): _absolute(url, article)})
            sub(source, _e("sourceEntry"), article.title)
    return control


def _absolute(url, record):
    return "/".join(url.split("/", 3)[:3]) + record.get_absolute_url()


def _description(cpf, record):
    description = sub(cpf, _e("description"))
    if isinstance(record, Person) and record.life_dates_edtf:
        dates = sub(description, _e("existDates"))
        earliest, latest = _edtf_range(record.life_dates_edtf)
        if earliest:
            span = sub(dates, _e("dateRange"))
            sub(span, _e("fromDate"), earliest.isoformat(), standardDate=earliest.isoformat())
            sub(span, _e("toDate"), latest.isoformat(), standardDate=latest.isoformat())
        else:
            sub(dates, _e("date"), record.life_dates_edtf)
    if isinstance(record, Repository) and record.address:
        place = sub(description, _e("place"))
        sub(place, _e("placeEntry"), record.address)
    for title in getattr(record, "eac_titles", []):
        function = sub(description, _e("function"))
        sub(function, _e("term"), title.title)
        if title.date_display:
            sub(function, _e("date"), title.date_display)
    texts = [record.description, getattr(record, "biography", "")]
    if any(texts):
        history = sub(description, _e("biogHist"))
        for text in texts:
            if text:
                sub(history, _e("p"), text)
    if len(description) == 0:
        cpf.remove(description)


def _edtf_range(value):
    from ..models import parse_edtf_range

    try:
        return parse_edtf_range(value)
    except Exception:  # a stored value is validated; an old one may not be
        return None, None


def _relations(cpf, record, url):
    relations = etree.Element(_e("relations"))
    for title in getattr(record, "eac_titles", []):
        if title.organisation:  # emptied when the organisation is a draft
            relation = sub(
                relations,
                _e("cpfRelation"),
                cpfRelationType="associative",
                **{qname(XLINK, "href"): _absolute(url, title.organisation)},
            )
            sub(relation, _e("relationEntry"), str(title.organisation))
            sub(relation, _e("descriptiveNote")).append(_p(title.title))
    for role in getattr(record, "eac_roles", []):
        kind = "creatorOf" if role.role == DocumentAgent.Role.AUTHOR else "other"
        relation = sub(
            relations,
            _e("resourceRelation"),
            resourceRelationType=kind,
            **{qname(XLINK, "href"): _absolute(url, role.document)},
        )
        sub(relation, _e("relationEntry"), role.document.title)
        sub(relation, _e("descriptiveNote")).append(_p(role.get_role_display()))
    for collection in getattr(record, "eac_collections", []):
        kind = "other" if isinstance(record, Repository) else "creatorOf"
        relation = sub(
            relations,
            _e("resourceRelation"),
            resourceRelationType=kind,
            **{qname(XLINK, "href"): _absolute(url, collection)},
        )
        sub(relation, _e("relationEntry"), str(collection))
    if len(relations):
        cpf.append(relations)


def _p(text):
    paragraph = etree.Element(_e("p"))
    paragraph.text = xml_text(text)
    return paragraph


def eac_cpf(record, url):
    """`record` (a person, organisation or repository) as an `eac-cpf` element (lxml)."""
    root = etree.Element(_e("eac-cpf"), nsmap={None: EAC, "xlink": XLINK, "xsi": XSI})
    root.set(qname(XSI, "schemaLocation"), f"{EAC} {EAC_SCHEMA}")
    _control(root, record, url)
    cpf = sub(root, _e("cpfDescription"))
    identity = sub(cpf, _e("identity"))
    sub(identity, _e("entityId"), url)
    sub(identity, _e("entityType"), "person" if isinstance(record, Person) else "corporateBody")
    _name_entry(identity, record.name, "authorizedForm")
    for variant in record.variants:
        if variant and variant != record.name:
            _name_entry(identity, variant, "alternativeForm")
    _description(cpf, record)
    _relations(cpf, record, url)
    return root
