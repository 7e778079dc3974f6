"""Figures: a number and the unit that follows it ("618 ครัวเรือน" → 618 households), with the words they count."""

import re

from ..draft import Figure
from .text import Text

# Thai unit words, longest first, and the unit each counts.
UNITS = {
    "หลังคาเรือน": "households",
    "ครัวเรือน": "households",
    "ประเด็นงาน": "issues",
    "ประเด็น": "issues",
    "งานหลัก": "works",
    "โครงการ": "projects",
    "กองทุน": "funds",
    "ตำบล": "tambons",
    "แขวง": "tambons",
    "อำเภอ": "districts",
    "เขต": "districts",
    "จังหวัด": "provinces",
    "คน": "people",
    "ราย": "people",
    "ท่าน": "people",
    "เดือน": "months",
    "ปี": "years",
    "บาท": "baht",
    "ฐาน": "sources",
    "แหล่ง": "sources",
    "งาน": "works",
    "หมู่บ้าน": "other",
    "ชุมชน": "other",
    "องค์กร": "other",
    "เครือข่าย": "other",
    "กลุ่ม": "other",
    "หลัง": "other",
    "ครั้ง": "other",
    "เมือง": "other",
}
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_FIGURE = re.compile(rf"(?<![\d/.])(?P<value>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\d/.)])[ \t]?(?P<unit>{_UNIT})")
# words that make the number something else: a time of day, an ordinal, a list item
_NOT_AFTER = ("ที่", "ข้อ", "ม.", "ปี", "พ.ศ.", "ค.ศ.")
_ABOUT_CHARS = 40


def figures(text: Text, dates: list[tuple[int, int]]) -> list[Figure]:
    plain = text.plain
    found = []
    for match in _FIGURE.finditer(plain):
        start = match.start()
        if any(a <= start < b for a, b in dates):
            continue
        before = plain[max(0, start - 8) : start].rstrip()
        if before.endswith(_NOT_AFTER):
            continue
        unit_word = match["unit"]
        after = plain[match.end() : match.end() + 1]
        if unit_word == "งาน" and after and after not in " \n":
            continue
        value = int(match["value"].replace(",", ""))
        found.append(Figure(value, UNITS[unit_word], _about(text, match.start(), match.end()), match.span()))
    return found


def _about(text: Text, start: int, end: int) -> str:
    """The clause the figure stands in: the words before it on its line, else those after it."""
    window = text.original[max(0, start - _ABOUT_CHARS) : start]
    words = re.split(r"[\n)]|\s{2,}", window)[-1].split()
    if words and start > _ABOUT_CHARS and len(words) == len(window.split()):
        words = words[1:]  # the first word is cut by the window
    if words:
        return " ".join(words[-4:])
    return " ".join(text.original[end : end + _ABOUT_CHARS].split()[:4])
