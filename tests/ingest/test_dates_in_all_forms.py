"""Dates as English texts write them, each with the EDTF value a catalogue stores."""

import pytest

from catalogue.ingest.dates import find_dates, is_calendar_date


@pytest.mark.parametrize(
    ("text", "written", "edtf"),
    [
        ("signed on 19 October 1956 in Moscow", "19 October 1956", "1956-10-19"),
        ("signed on October 19, 1956.", "October 19, 1956", "1956-10-19"),
        ("dated Oct. 19, 1956.", "Oct. 19, 1956", "1956-10-19"),
        ("on the 19th of October 1956", "19th of October 1956", "1956-10-19"),
        ("stamped 1956-10-19 at the top", "1956-10-19", "1956-10-19"),
        ("issued in Oct. 1956", "Oct. 1956", "1956-10"),
        ("in the autumn of 1956", "the autumn of 1956", "1956-23"),
        ("written c. 1956", "c. 1956", "1956~"),
        ("the war of 1945\u20131956", "1945\u20131956", "1945/1956"),
        ("negotiated between 1950 and 1952", "between 1950 and 1952", "1950/1952"),
        ("held from March to May 1951", "from March to May 1951", "1951-03/1951-05"),
        ("met from 18 to 24 April 1955", "from 18 to 24 April 1955", "1955-04-18/1955-04-24"),
        ("met April 18\u201324, 1955", "April 18\u201324, 1955", "1955-04-18/1955-04-24"),
        ("in the 1950s", "1950s", "195X"),
    ],
)
def test_each_common_form_gives_its_edtf_value_and_exact_words(text, written, edtf):
    [date] = find_dates(text)
    assert (date.text, date.edtf) == (written, edtf)
    assert text[date.start : date.end] == written


def test_two_years_joined_by_and_are_two_dates_not_a_range():
    assert [d.edtf for d in find_dates("in 1951 and 1952")] == ["1951", "1952"]


def test_a_range_that_runs_backwards_is_read_as_two_years_not_an_interval():
    assert [d.edtf for d in find_dates("between 1960 and 1950")] == ["1960", "1950"]


def test_a_page_range_is_not_taken_for_years():
    assert find_dates("pages 12-19 and pp. 45\u201367") == []


def test_only_plain_calendar_dates_count_as_precise():
    assert is_calendar_date("1956-10-19") and is_calendar_date("1956")
    assert not any(map(is_calendar_date, ["1956-23", "1956~", "1950/1952", "195X"]))
