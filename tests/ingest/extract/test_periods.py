from sanphalang.ingest.extract import extract


def test_a_period_of_short_dates_takes_its_year_from_the_end():
    draft = extract("กำหนดกิจกรรมติดตามสอบทานกองทุนในระหว่างวันที่ 20 พ.ค. – 15 มิ.ย. 62 เพื่อสนับสนุน")
    assert [(p.start, p.end) for p in draft.periods] == [("2019-05-20", "2019-06-15")]
    assert "ติดตามสอบทานกองทุน" in draft.periods[0].about


def test_a_period_across_the_new_year_starts_in_the_year_before():
    draft = extract("ลงพื้นที่ระหว่างวันที่ ๒๕ ธ.ค. – ๑๐ ม.ค. ๖๓ ทุกอำเภอ")
    assert [(p.start, p.end) for p in draft.periods] == [("2019-12-25", "2020-01-10")]


def test_a_range_of_days_in_one_month():
    draft = extract("จัดอบรมวันที่ 1-15 มกราคม 2565 ณ วัดศรีสุพรรณ")
    assert [(p.start, p.end) for p in draft.periods] == [("2022-01-01", "2022-01-15")]


def test_the_dates_of_a_period_are_not_the_event_date():
    draft = extract("ติดตามสอบทานระหว่างวันที่ 20 พ.ค. – 15 มิ.ย. 62 ของเครือข่าย")
    assert draft.event_date is None
