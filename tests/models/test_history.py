import pytest

from catalogue.models import Document, Person
from tests.factories import make_document, make_person

pytestmark = pytest.mark.django_db


def test_each_save_writes_a_history_row_with_the_values_of_that_time():
    document = make_document(title="First title")
    document.title = "Second title"
    document.save()
    titles = list(document.history.order_by("history_date").values_list("title", flat=True))
    assert titles == ["First title", "Second title"]


def test_history_records_the_user_who_made_the_change(django_user_model):
    user = django_user_model.objects.create_user("archivist")
    person = make_person(name="Ichiro Hatoyama")
    person._history_user = user
    person.biography = "Prime Minister of Japan."
    person.save()
    assert person.history.latest().history_user == user


def test_a_deleted_record_leaves_a_deletion_row_and_can_be_restored():
    document = make_document(title="Trade Protocol")
    pk = document.pk
    document.delete()
    last = Document.history.filter(id=pk).latest()
    assert last.history_type == "-"
    last.instance.save()
    assert Document.objects.get(pk=pk).title == "Trade Protocol"


def test_restoring_an_earlier_version_brings_its_values_back():
    person = make_person(name="Ichiro Hatoyama", biography="Original.")
    person.biography = "Overwritten."
    person.save()
    earliest = person.history.earliest()
    earliest.instance.save()
    restored = Person.objects.get(pk=person.pk)
    assert restored.biography == "Original."
    # Restoring is a new change: the version keeps rising, so a form opened
    # on version 2 is still recognised as stale.
    assert restored.version == 3
