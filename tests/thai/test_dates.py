import datetime as dt

import pytest

from sanphalang.thai.dates import ThaiDateError, fiscal_year_be, format_be_date, parse_thai_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("๒๐ ก.ค. ๒๕๕๘", dt.date(2015, 7, 20)),
        ("๒๐ กรกฎาคม ๒๕๕๘", dt.date(2015, 7, 20)),
        ("20/7/2558", dt.date(2015, 7, 20)),
        ("20/07/2015", dt.date(2015, 7, 20)),
        ("2015-07-20", dt.date(2015, 7, 20)),
        ("2558-07-20", dt.date(2015, 7, 20)),
        ("26 ส.ค. 62", dt.date(2019, 8, 26)),
        ("27มกราคม2565", dt.date(2022, 1, 27)),
        ("14 พฤษภาคม 2562", dt.date(2019, 5, 14)),
        ("วันที่ 1 ตุลาคม พ.ศ. 2557", dt.date(2014, 10, 1)),
    ],
)
def test_it_reads_dates_as_thai_reports_write_them(text, expected):
    assert parse_thai_date(text) == expected


@pytest.mark.parametrize("text", ["", "31/2/2558", "yesterday", "20 Foo 2558", "2558-13-01"])
def test_it_refuses_what_is_not_a_date(text):
    with pytest.raises(ThaiDateError):
        parse_thai_date(text)


def test_it_shows_dates_in_the_buddhist_era():
    day = dt.date(2015, 7, 20)
    assert format_be_date(day) == "20 กรกฎาคม 2558"
    assert format_be_date(day, style="short") == "20 ก.ค. 2558"
    assert format_be_date(day, thai_digits=True) == "๒๐ กรกฎาคม ๒๕๕๘"
    assert format_be_date(day, style="numeric") == "20/07/2558"


def test_the_fiscal_year_is_named_by_its_ending_be_year():
    assert fiscal_year_be(dt.date(2019, 9, 30)) == 2562
    assert fiscal_year_be(dt.date(2019, 10, 1)) == 2563
