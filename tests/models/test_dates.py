import datetime

import pytest
from django.core.exceptions import ValidationError

from catalogue.models import Document
from tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("edtf", "earliest", "latest"),
    [
        ("1956-10-19", datetime.date(1956, 10, 19), datetime.date(1956, 10, 19)),
        ("1956-10", datetime.date(1956, 10, 1), datetime.date(1956, 10, 31)),
        ("1945-08/1956-10", datetime.date(1945, 8, 1), datetime.date(1956, 10, 31)),
        ("1956~", datetime.date(1956, 1, 1), datetime.date(1956, 12, 31)),
    ],
)
def test_earliest_and_latest_dates_are_derived_from_edtf(edtf, earliest, latest):
    document = make_document(date_edtf=edtf)
    document.refresh_from_db()
    assert (document.date_earliest, document.date_latest) == (earliest, latest)


def test_bad_edtf_is_rejected_with_a_message_naming_the_value():
    document = Document(title="Bad date", date_edtf="19566-13-45")
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "date_edtf" in error.value.message_dict
    assert "'19566-13-45' is not a valid EDTF date" in error.value.message_dict["date_edtf"][0]


def test_partial_and_ranged_dates_sort_and_filter_together():
    day = make_document(title="Day", date_edtf="1956-10-19")
    month = make_document(title="Month", date_edtf="1956-10")
    span = make_document(title="Span", date_edtf="1945-08/1956-10")
    later = make_document(title="Later", date_edtf="1960")
    by_start = list(Document.objects.order_by("date_earliest", "title"))
    assert by_start == [span, month, day, later]
    in_october_1956 = Document.objects.filter(
        date_earliest__lte=datetime.date(1956, 10, 31),
        date_latest__gte=datetime.date(1956, 10, 1),
    )
    assert set(in_october_1956) == {day, month, span}


def test_clearing_the_edtf_value_clears_the_derived_dates():
    document = make_document(date_edtf="1956")
    document.date_edtf = ""
    document.save()
    document.refresh_from_db()
    assert document.date_earliest is None and document.date_latest is None
