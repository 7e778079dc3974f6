from sanphalang.ingest.extract import extract
from sanphalang.ingest.extract.dates import date_mentions
from sanphalang.ingest.extract.text import Text


def dates_in(text):
    return [(m.year, m.month, m.day) for m in date_mentions(Text(text))]


def test_it_reads_thai_digits_and_full_months():
    assert dates_in("เมื่อวันที่ ๒๐ กรกฎาคม ๒๕๕๘ ที่ผ่านมา") == [(2015, 7, 20)]


def test_it_reads_short_months_and_two_digit_years():
    assert dates_in("วันนี้ (26 ส.ค. 62) ผู้ว่าฯ") == [(2019, 8, 26)]


def test_it_reads_dates_written_without_spaces():
    assert dates_in("วันที่27มกราคม2565 นาย") == [(2022, 1, 27)]


def test_it_reads_the_era_marker_and_the_word_month():
    assert dates_in("เมื่อวันที่ 1 เดือนตุลาคม พ.ศ. 2557 ภายใต้") == [(2014, 10, 1)]


def test_a_day_and_month_without_a_year_has_no_year():
    assert dates_in("เมื่อวันที่ 18 ธ.ค. ที่ผ่านมา") == [(None, 12, 18)]


def test_an_impossible_day_is_no_date():
    assert dates_in("วันที่ 31 กุมภาพันธ์ 2562") == []


def test_the_event_date_is_the_first_full_date_and_carries_its_span():
    text = "ประชุมเมื่อ 18 ธ.ค. และวันที่ 14 พฤษภาคม 2562 ณ ศาลากลางจังหวัดเชียงราย"
    found = extract(text).event_date
    assert found.value == "2019-05-14"
    assert text[found.span[0] : found.span[1]] == "14 พฤษภาคม 2562"
