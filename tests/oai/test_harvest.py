"""A real harvester (Sickle, from PyPI) walks the whole repository over HTTP
through resumption tokens while records are added and edited between pages,
and collects every published record exactly once and no draft; then an
unpublished record comes back as deleted on an incremental harvest."""

import datetime

import pytest
from django.db.models import F
from sickle import Sickle
from sickle.iterator import OAIResponseIterator

from catalogue.models import Collection, Document, HarvestEntry, Person, Status
from catalogue.services.records import record_set_status, record_update
from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("holdings")]
OAI = "{http://www.openarchives.org/OAI/2.0/}"


def published_identifiers():
    identifiers = set()
    for model in (Document, Person, Collection):
        for identifier in model.objects.published().values_list("identifier", flat=True):
            identifiers.add(f"{model._meta.model_name}/{identifier}")
    for model_name in ("article", "organisation", "place", "repository"):
        from django.apps import apps

        model = apps.get_model("catalogue", model_name)
        for identifier in model.objects.published().values_list("identifier", flat=True):
            identifiers.add(f"{model_name}/{identifier}")
    return identifiers


def harvest(live_server, between_pages=None, **params):
    """[(identifier, deleted)] of every header, in order, and the first responseDate;
    `between_pages(n)` runs after page n is read."""
    client = Sickle(f"{live_server.url}/oai/", iterator=OAIResponseIterator, max_retries=0)
    headers, response_date, pages = [], None, 0
    for response in client.ListIdentifiers(metadataPrefix="oai_dc", **params):
        pages += 1
        response_date = response_date or response.xml.find(f"{OAI}responseDate").text
        for header in response.xml.iter(f"{OAI}header"):
            identifier = header.find(f"{OAI}identifier").text.split(":", 2)[2]
            headers.append((identifier, header.get("status") == "deleted"))
        if between_pages:
            between_pages(pages)
    return headers, response_date, pages


def test_a_harvest_collects_every_published_record_once_while_records_change(live_server):
    fonds = factories.make_collection()
    series = factories.make_collection(parent=fonds)
    documents = [
        factories.make_document(status=Status.PUBLISHED, collection=series) for _ in range(5)
    ]
    people = [factories.make_person(status=Status.PUBLISHED) for _ in range(2)]
    drafts = [
        factories.make_document(status=Status.DRAFT),
        factories.make_person(status=Status.DRAFT),
    ]

    def between_pages(page):
        if page == 1:
            # An edit to a record already sent, one not yet sent, and a new record.
            for record in (documents[0], documents[-1]):
                record_update(record=record, changes={"title": "Edited"}, expected_version=None)
            factories.make_document(status=Status.PUBLISHED)
        if page == 2:
            factories.make_person(status=Status.PUBLISHED)
            record_update(record=people[0], changes={"name": "Renamed"}, expected_version=None)
            drafts.append(factories.make_document(status=Status.DRAFT))

    # Made an hour ago, as far as harvesters know, so that "since the harvest
    # began" below does not depend on the second the test runs in.
    HarvestEntry.objects.update(datestamp=F("datestamp") - datetime.timedelta(hours=1))
    headers, since, pages = harvest(live_server, between_pages)

    assert pages >= 3
    live = [identifier for identifier, deleted in headers if not deleted]
    assert len(live) == len(set(live)), "a record was harvested twice"
    assert set(live) == published_identifiers()
    for draft in drafts:
        assert all(draft.identifier not in identifier for identifier in live)

    # Unpublished after the harvest: the next harvest from then says it went.
    record_set_status(record=documents[2], status=Status.DRAFT)
    headers, _, _ = harvest(live_server, **{"from": since})
    assert (f"document/{documents[2].identifier}", True) in headers
    # Records untouched since the first harvest began are not sent again.
    assert f"document/{documents[1].identifier}" not in {i for i, _ in headers}


def test_a_set_harvest_walks_a_collection_subtree(live_server):
    fonds = factories.make_collection()
    series = factories.make_collection(parent=fonds)
    inside = factories.make_document(status=Status.PUBLISHED, collection=series)
    outside = factories.make_document(status=Status.PUBLISHED)
    headers, _, _ = harvest(live_server, set=f"collection:{fonds.identifier}")
    got = {identifier for identifier, _ in headers}
    assert got == {
        f"collection/{fonds.identifier}",
        f"collection/{series.identifier}",
        f"document/{inside.identifier}",
    }
    assert f"document/{outside.identifier}" not in got
