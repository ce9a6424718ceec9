"""The OAI-PMH envelope, errors and argument checks: what every verb shares."""

import datetime
import re

from django.conf import settings
from django.utils import timezone
from lxml import etree

from catalogue.exports.xml import XSI, iso_datetime, qname, sub

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def e(tag):
    return qname(OAI, tag)


class OAIError(Exception):
    """A protocol error: answered as <error code="…"> with status 200, as OAI-PMH says."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


def bad_argument(message):
    return OAIError("badArgument", message)


def envelope(request, base_url, arguments):
    """The <OAI-PMH> root with responseDate and request (echoing `arguments`,
    which are left out when they were not valid)."""
    root = etree.Element(e("OAI-PMH"), nsmap={None: OAI, "xsi": XSI})
    root.set(qname(XSI, "schemaLocation"), f"{OAI} {OAI_SCHEMA}")
    sub(root, e("responseDate"), iso_datetime(timezone.now()))
    sub(root, e("request"), base_url, **arguments)
    return root


def repository_identifier(request):
    """The repository part of every OAI identifier: the setting, else the host."""
    return settings.OAI_REPOSITORY_IDENTIFIER or request.get_host().rsplit(":", 1)[0]


def arguments(query, verb_arguments):
    """{name: value} of the request, or OAIError: `verb_arguments` maps each
    argument the verb takes to whether it is required; a resumptionToken
    excludes every other argument."""
    given = {}
    for name, values in query.lists():
        if name == "verb":
            continue
        if name not in verb_arguments:
            raise bad_argument(f"{name!r} is not an argument of this verb.")
        if len(values) != 1:
            raise bad_argument(f"{name!r} is given more than once.")
        if "\x00" in values[0]:
            # No identifier, set or date holds one, and PostgreSQL refuses it in a query.
            raise bad_argument(f"{name!r} holds a NUL character.")
        given[name] = values[0]
    if "resumptionToken" in given:
        if len(given) > 1:
            raise bad_argument("resumptionToken is exclusive: send it with the verb alone.")
        return given
    missing = [name for name, required in verb_arguments.items() if required and name not in given]
    if missing:
        raise bad_argument(f"Missing required argument: {', '.join(missing)}.")
    return given


def parse_datestamp(value, name):
    """(datetime in UTC, granularity 'day' or 'second') or badArgument."""
    try:
        if DAY.match(value):
            day = datetime.date.fromisoformat(value)
            return datetime.datetime.combine(day, datetime.time(), datetime.UTC), "day"
        if SECOND.match(value):
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            return moment.replace(tzinfo=datetime.UTC), "second"
    except ValueError:
        pass
    raise bad_argument(f"{name}={value!r} is not a date as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.")


def datestamp_window(from_, until):
    """(lowest datestamp, first datestamp past the window) for the from/until
    strings (either may be empty), or badArgument. `until` is inclusive at its
    granularity: until=2026-12-03 takes in the whole of that day."""
    low = high = None
    granularities = set()
    if from_:
        low, granularity = parse_datestamp(from_, "from")
        granularities.add(granularity)
    if until:
        moment, granularity = parse_datestamp(until, "until")
        granularities.add(granularity)
        step = datetime.timedelta(days=1) if granularity == "day" else datetime.timedelta(seconds=1)
        try:
            high = moment + step
        except OverflowError:  # until=9999-12-31: nothing lies past it
            high = None
    if len(granularities) > 1:
        raise bad_argument("from and until must have the same granularity.")
    if low is not None and until and (high is not None and low >= high):
        raise bad_argument("from is later than until.")
    return low, high
