import json

import pytest
from django.core import serializers
from django.core.management import call_command

from catalogue.models import Document, DocumentAgent, Person
from tests.factories import make_agent, make_document, make_person, make_place

pytestmark = pytest.mark.django_db


def test_records_round_trip_through_dumpdata_and_loaddata_by_natural_key(tmp_path):
    place = make_place(name="Moscow", identifier="place-moscow")
    person = make_person(name="Ichiro Hatoyama", identifier="person-hatoyama")
    document = make_document(title="Joint Declaration", identifier="doc-jd", place=place)
    make_agent(document, person=person)
    dump = tmp_path / "dump.json"
    call_command(
        "dumpdata",
        "catalogue.place",
        "catalogue.person",
        "catalogue.document",
        "catalogue.documentagent",
        natural_foreign=True,
        natural_primary=True,
        output=str(dump),
    )
    rows = json.loads(dump.read_text())
    document_row = next(r for r in rows if r["model"] == "catalogue.document")
    # Links are written as identifiers, not database ids.
    assert document_row["fields"]["place"] == ["place-moscow"]
    assert "pk" not in document_row

    DocumentAgent.objects.all().delete()
    Document.objects.all().delete()
    Person.objects.all().delete()
    call_command("loaddata", str(dump), verbosity=0)

    restored = Document.objects.get_by_natural_key("doc-jd")
    assert restored.place.name == "Moscow"
    assert [a.person.name for a in restored.agents.all()] == ["Ichiro Hatoyama"]


def test_natural_key_is_the_stable_identifier():
    person = make_person(identifier="person-hatoyama")
    assert person.natural_key() == ("person-hatoyama",)
    data = serializers.serialize("json", [person], use_natural_primary_keys=True)
    assert '"pk"' not in data
