"""An EDTF interval that ends before it starts is refused, with a message
naming the value; nothing is saved. (The API and admin: tests/api, tests/admin.)"""

import pytest
from django.core.exceptions import ValidationError

from catalogue.models import Document, Person
from tests.factories import make_document

pytestmark = pytest.mark.django_db

REVERSED = ["1956/1945", "1956-10/1956-09", "1956-10-19/1956-10-18"]


@pytest.mark.parametrize("value", REVERSED)
def test_a_reversed_interval_is_refused_naming_the_value(value):
    with pytest.raises(ValidationError) as error:
        Document(title="Backwards", date_edtf=value).full_clean()
    assert f"{value!r} ends before it starts" in error.value.message_dict["date_edtf"][0]


def test_a_reversed_interval_is_never_saved():
    with pytest.raises(ValidationError):
        make_document(date_edtf="1956/1945")
    assert not Document.objects.exists()


def test_reversed_life_dates_are_refused():
    with pytest.raises(ValidationError) as error:
        Person(name="Ichiro Hatoyama", life_dates_edtf="1959-03-07/1883-01-01").full_clean()
    assert "ends before it starts" in error.value.message_dict["life_dates_edtf"][0]


@pytest.mark.parametrize("value", ["1945-08/1956-10", "1956-10/1956", "1956-10-19/1956-10-19"])
def test_forward_and_one_day_intervals_are_accepted(value):
    Document(title="Forwards", date_edtf=value, identifier="doc-forwards", slug="f").full_clean()
