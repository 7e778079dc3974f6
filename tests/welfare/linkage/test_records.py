"""Reading a source's row: the status words offices write, and the rows that cannot be kept."""

import pytest

from sanphalang.welfare.linkage.records import parse_status, row_problems


@pytest.mark.parametrize(
    "text,status",
    [
        ("ดำเนินการ", "active"),
        ("ดำเนินงานปกติ", "active"),
        ("เปิด", "active"),
        ("Active", "active"),
        ("หยุดดำเนินการ", "paused"),
        ("ไม่ได้ดำเนินการ", "paused"),
        ("ชะลอ", "paused"),
        ("inactive", "paused"),
        ("ยุบเลิก", "dissolved"),
        ("ปิดกองทุน", "dissolved"),
        ("closed", "dissolved"),
        ("ไม่ทราบ", "unknown"),
        ("", None),
    ],
)
def test_a_status_is_read_by_its_most_telling_word(text, status):
    assert parse_status(text) == status


def test_a_row_without_a_name_or_with_unreadable_values_has_a_problem_at_each():
    problems = dict(row_problems({"fund_name": " ", "members": "หกร้อย", "founded": "เมื่อนานมาแล้ว"}))
    assert set(problems) == {"fund_name", "members", "founded"}
    assert (
        row_problems({"fund_name": "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "members": "๑,๒๐๐", "founded": "๒๐/๗/๒๕๕๘"})
        == []
    )
