"""The six OAI-PMH verbs over the harvest entries (models/harvest.py).

A list is read in the order records were first published (the entry's id),
a keyset: each page is a range read after the last entry sent, whatever its
depth, and a record edited during a harvest keeps its place, so a harvest
collects every record exactly once while others are added (at the end) or
edited. `from`/`until` select on the datestamp, which every change of a
record or of its published state moves."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Min, Q
from lxml import etree

from catalogue.exports.xml import iso_datetime, sub
from catalogue.exports.xml_formats import BY_OAI_PREFIX, OAI_BUILD, XML_FORMATS
from catalogue.models import CatalogueRecord, Collection, Document, HarvestEntry

from . import tracking
from .protocol import OAIError, arguments, bad_argument, datestamp_window, e, repository_identifier
from .tokens import BadToken, token_make, token_read

OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
ANONYMOUS = AnonymousUser()


def harvested_types():
    return tracking.harvested_names()


def record_names():
    """Every catalogue record model's name, harvested or not."""
    config = apps.get_app_config("catalogue")
    return [m._meta.model_name for m in config.get_models() if issubclass(m, CatalogueRecord)]


def model_of(name):
    return apps.get_model("catalogue", name)


def oai_identifier(request, record_type, identifier):
    return f"oai:{repository_identifier(request)}:{record_type}/{identifier}"


def entry_for(request, value):
    """The harvest entry an OAI identifier names, or idDoesNotExist."""
    prefix = f"oai:{repository_identifier(request)}:"
    record_type, _, identifier = value.removeprefix(prefix).partition("/")
    entry = None
    if value.startswith(prefix) and record_type in harvested_types():
        entry = HarvestEntry.objects.filter(record_type=record_type, identifier=identifier).first()
    if entry is None:
        raise OAIError("idDoesNotExist", f"No record has the identifier {value!r}.")
    return entry


def metadata_format(prefix):
    if prefix not in BY_OAI_PREFIX:
        raise OAIError(
            "cannotDisseminateFormat", f"No metadata format {prefix!r}: see ListMetadataFormats."
        )
    return BY_OAI_PREFIX[prefix]


# -- Identify, ListMetadataFormats, ListSets ---------------------------------------------------


def identify(request, parent, args):
    earliest = HarvestEntry.objects.aggregate(first=Min("datestamp"))["first"]
    body = sub(parent, e("Identify"))
    sub(body, e("repositoryName"), settings.CATALOGUE_SITE_NAME)
    sub(body, e("baseURL"), request.build_absolute_uri(request.path))
    sub(body, e("protocolVersion"), "2.0")
    sub(body, e("adminEmail"), settings.OAI_ADMIN_EMAIL)
    sub(
        body, e("earliestDatestamp"), iso_datetime(earliest) if earliest else "1970-01-01T00:00:00Z"
    )
    sub(body, e("deletedRecord"), "persistent")
    sub(body, e("granularity"), "YYYY-MM-DDThh:mm:ssZ")
    description = sub(body, e("description"))
    ident = etree.SubElement(
        description, f"{{{OAI_IDENTIFIER}}}oai-identifier", nsmap={None: OAI_IDENTIFIER}
    )
    ident.set(
        "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation",
        f"{OAI_IDENTIFIER} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd",
    )
    for tag, text in (
        ("scheme", "oai"),
        ("repositoryIdentifier", repository_identifier(request)),
        ("delimiter", ":"),
        ("sampleIdentifier", oai_identifier(request, "document", "doc-1a2b3c4d")),
    ):
        sub(ident, f"{{{OAI_IDENTIFIER}}}{tag}", text)


def list_metadata_formats(request, parent, args):
    formats = XML_FORMATS
    if "identifier" in args:
        record_type = entry_for(request, args["identifier"]).record_type
        formats = tuple(f for f in XML_FORMATS if f.applies_to(record_type))
    else:
        formats = tuple(f for f in XML_FORMATS if any(map(f.applies_to, harvested_types())))
    body = sub(parent, e("ListMetadataFormats"))
    for fmt in formats:
        node = sub(body, e("metadataFormat"))
        sub(node, e("metadataPrefix"), fmt.oai_prefix)
        sub(node, e("schema"), fmt.schema)
        sub(node, e("metadataNamespace"), fmt.namespace)


def list_sets(request, parent, args):
    if "resumptionToken" in args:
        # Sets are listed whole, so no token this repository gives names a page of them.
        raise OAIError("badResumptionToken", "ListSets is answered in one response.")
    body = sub(parent, e("ListSets"))

    def add(spec, name):
        node = sub(body, e("set"))
        sub(node, e("setSpec"), spec)
        sub(node, e("setName"), name)

    add("type", "Records by type")
    for name in harvested_types():
        add(f"type:{name}", str(model_of(name)._meta.verbose_name_plural).capitalize())
    if "collection" in harvested_types():
        add("collection", "Holdings, by collection")
        rows = Collection.objects.published().order_by("tree_path")
        for identifier, code, title in rows.values_list(
            "identifier", "full_reference_code", "title"
        ):
            add(f"collection:{identifier}", f"{code} {title}".strip())


# -- ListIdentifiers, ListRecords, GetRecord ---------------------------------------------------


def set_condition(set_spec, types):
    """(record types, extra Q) that the set selects, or badArgument for an unknown set."""
    if not set_spec or set_spec == "type":
        return types, Q()
    kind, _, value = set_spec.partition(":")
    if kind == "type" and value in types:
        return [value], Q()
    if kind == "collection" and "collection" in harvested_types():
        if not value:
            documents = Document.objects.filter(collection__isnull=False).values("pk")
            return types, Q(record_type="collection") | Q(
                record_type="document", record_id__in=documents
            )
        top = Collection.objects.published().filter(identifier=value).first()
        if top is not None:
            units = Collection.objects.subtree(top).values("pk")
            documents = Document.objects.filter(
                collection__tree_path__startswith=top.tree_path
            ).values("pk")
            return types, Q(record_type="collection", record_id__in=units) | Q(
                record_type="document", record_id__in=documents
            )
    raise bad_argument(f"No set {set_spec!r}: see ListSets.")


def _list_state(args):
    """The list's arguments and position, from the request or its resumption token."""
    if "resumptionToken" in args:
        try:
            state = token_read(args["resumptionToken"])
        except BadToken as error:
            raise OAIError("badResumptionToken", str(error)) from None
        return state, True
    state = {
        "m": args["metadataPrefix"],
        "s": args.get("set", ""),
        "f": args.get("from", ""),
        "u": args.get("until", ""),
        "a": 0,
        "c": 0,
        "n": -1,
    }
    return state, False


def _entries(state):
    fmt = metadata_format(state["m"])
    low, high = datestamp_window(state["f"], state["u"])
    types = [name for name in harvested_types() if fmt.applies_to(name)]
    types, condition = set_condition(state["s"], types)
    entries = HarvestEntry.objects.filter(condition)
    if len(types) == 1:
        entries = entries.filter(record_type=types[0])  # a range read of harvest_by_type
    else:
        # Said as the types left out, so that the page stays a range read of the
        # primary key: "type IN (…) ORDER BY id" makes SQLite gather and sort.
        entries = entries.exclude(record_type__in=sorted(set(record_names()) - set(types)))
    if low is not None:
        entries = entries.filter(datestamp__gte=low)
    if high is not None:
        entries = entries.filter(datestamp__lt=high)
    return fmt, entries


def _records(fmt, entries):
    """{(type, pk): record} for the live entries of a page: one read per type
    (with the joins its format needs), published records only, drafts' links emptied."""
    by_type = {}
    for entry in entries:
        if not entry.deleted:
            by_type.setdefault(entry.record_type, []).append(entry.record_id)
    found = {}
    for record_type, ids in by_type.items():
        model = model_of(record_type)
        rows = model.objects.listing_for(ANONYMOUS).for_export(ANONYMOUS)
        rows = fmt.prepare(rows, ANONYMOUS).filter(pk__in=ids)
        found.update({(record_type, row.pk): row for row in rows})
    return found


def _collection_specs(records):
    """{collection pk: identifier} of every published collection above the page's records."""
    wanted = set()
    for record in records:
        path = _tree_path(record)
        wanted.update(int(part) for part in path.split("/") if part)
    if not wanted or "collection" not in harvested_types():
        return {}
    return dict(
        Collection.objects.published().filter(pk__in=wanted).values_list("pk", "identifier")
    )


def _tree_path(record):
    if isinstance(record, Collection):
        return record.tree_path
    collection = getattr(record, "collection", None) if isinstance(record, Document) else None
    return collection.tree_path if collection is not None else ""


def _header(request, parent, entry, record, specs):
    header = sub(parent, e("header"), status="deleted" if record is None else None)
    sub(header, e("identifier"), oai_identifier(request, entry.record_type, entry.identifier))
    sub(header, e("datestamp"), iso_datetime(entry.datestamp))
    sub(header, e("setSpec"), f"type:{entry.record_type}")
    if record is not None:
        for part in _tree_path(record).split("/"):
            if part and int(part) in specs:
                sub(header, e("setSpec"), f"collection:{specs[int(part)]}")
    return header


def _record(request, parent, fmt, entry, record, specs):
    node = sub(parent, e("record"))
    _header(request, node, entry, record, specs)
    if record is not None:
        build = OAI_BUILD.get(fmt.name, fmt.build)
        sub(node, e("metadata")).append(
            build(record, request.build_absolute_uri(record.get_absolute_url()))
        )


def _list(request, parent, args, verb):
    state, resumed = _list_state(args)
    fmt, entries = _entries(state)
    size = settings.OAI_PAGE_SIZE
    page = list(entries.filter(id__gt=state["a"]).order_by("id")[: size + 1])
    more = len(page) > size
    page = page[:size]
    if not page and not resumed:
        raise OAIError("noRecordsMatch", "No records match these arguments.")
    complete = state["n"] if resumed else entries.count()
    records = _records(fmt, page)
    specs = _collection_specs(records.values())
    body = sub(parent, e(verb))
    for entry in page:
        record = records.get((entry.record_type, entry.record_id))
        if verb == "ListRecords":
            _record(request, body, fmt, entry, record, specs)
        else:
            _header(request, body, entry, record, specs)
    if more or resumed:
        cursor = state["c"]
        token, expiry = ("", None)
        if more:
            token, expiry = token_make(
                prefix=state["m"],
                set_spec=state["s"],
                from_=state["f"],
                until=state["u"],
                after=page[-1].id,
                cursor=cursor + len(page),
                complete=complete,
            )
        sub(
            body,
            e("resumptionToken"),
            token,
            completeListSize=str(complete),
            cursor=str(cursor),
            expirationDate=iso_datetime(expiry) if expiry else None,
        )


def list_identifiers(request, parent, args):
    _list(request, parent, args, "ListIdentifiers")


def list_records(request, parent, args):
    _list(request, parent, args, "ListRecords")


def get_record(request, parent, args):
    fmt = metadata_format(args["metadataPrefix"])
    entry = entry_for(request, args["identifier"])
    if not fmt.applies_to(entry.record_type):
        raise OAIError(
            "cannotDisseminateFormat",
            f"{fmt.oai_prefix} is not given for records of type {entry.record_type}.",
        )
    records = _records(fmt, [entry])
    record = records.get((entry.record_type, entry.record_id))
    body = sub(parent, e("GetRecord"))
    _record(request, body, fmt, entry, record, _collection_specs(records.values()))


LIST_ARGUMENTS = {
    "metadataPrefix": True,
    "from": False,
    "until": False,
    "set": False,
    "resumptionToken": False,
}
VERBS = {
    "Identify": (identify, {}),
    "ListMetadataFormats": (list_metadata_formats, {"identifier": False}),
    "ListSets": (list_sets, {"resumptionToken": False}),
    "ListIdentifiers": (list_identifiers, LIST_ARGUMENTS),
    "ListRecords": (list_records, LIST_ARGUMENTS),
    "GetRecord": (get_record, {"identifier": True, "metadataPrefix": True}),
}


def check_arguments(verb, query):
    """The verb's arguments from `query`, or OAIError."""
    return arguments(query, VERBS[verb][1])
