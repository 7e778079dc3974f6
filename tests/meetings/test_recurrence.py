import datetime as dt

import pytest

from sanphalang.meetings.recurrence import next_occurrence, occurrence_due

D = dt.date


@pytest.mark.parametrize(
    "first_due, every, sequence, expected",
    [
        (D(2015, 10, 20), 3, 2, D(2016, 1, 20)),  # across the calendar year
        (D(2015, 8, 31), 3, 2, D(2015, 11, 30)),  # month end clamped
        (D(2015, 8, 31), 3, 3, D(2016, 2, 29)),  # into a leap February
        (D(2015, 8, 31), 3, 4, D(2016, 5, 31)),  # and back to the 31st: no drift
        (D(2019, 9, 30), 3, 2, D(2019, 12, 30)),  # across the fiscal-year boundary (1 October)
        (D(2016, 2, 29), 12, 2, D(2017, 2, 28)),  # a leap day, a year later
        (D(2015, 1, 31), 1, 2, D(2015, 2, 28)),
        (D(2015, 1, 31), 1, 3, D(2015, 3, 31)),
    ],
)
def test_occurrences_follow_the_first_due_date(first_due, every, sequence, expected):
    assert occurrence_due(first_due, every, sequence) == expected


def test_a_series_ends_at_its_end_date():
    assert next_occurrence(D(2015, 10, 20), 3, 1, until=D(2016, 1, 20)) == (2, D(2016, 1, 20))
    assert next_occurrence(D(2015, 10, 20), 3, 2, until=D(2016, 1, 20)) is None


def test_a_series_without_an_end_goes_on():
    assert next_occurrence(D(2015, 10, 20), 3, 40, until=None) == (41, D(2025, 10, 20))
