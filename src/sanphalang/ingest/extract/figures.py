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
# ...but these words end in ที่ and are places or duties, not ordinals: "ในพื้นที่ 8 ตำบล" counts tambons.
_NOUNS_ENDING_TI = ("พื้นที่", "สถานที่", "หน้าที่")
_ABOUT_CHARS = 40
# The words of a figure's clause kept as what it counts.
_ABOUT_WORDS = 6


def figures(text: Text, dates: list[tuple[int, int]]) -> list[Figure]:
    plain = text.plain
    found = []
    last_end = 0
    for match in _FIGURE.finditer(plain):
        start = match.start()
        if any(a <= start < b for a, b in dates):
            continue
        before = plain[max(0, start - 8) : start].rstrip()
        if before.endswith(_NOT_AFTER) and not before.endswith(_NOUNS_ENDING_TI):
            continue
        unit_word = match["unit"]
        after = plain[match.end() : match.end() + 1]
        if unit_word == "งาน" and after and after not in " \n":
            continue
        value = int(match["value"].replace(",", ""))
        about = _about(text, match.start(), match.end(), since=last_end)
        found.append(Figure(value, UNITS[unit_word], about, match.span()))
        last_end = match.end()
    return found


def _about(text: Text, start: int, end: int, *, since: int = 0) -> str:
    """The clause the figure stands in: the last few words before it on its line (after the figure before it),
    else those after it. Words are the tokenizer's, since Thai writes a clause without spaces."""
    window_start = max(since, start - _ABOUT_CHARS)
    window = text.original[window_start:start]
    clause_start = window_start + max(window.rfind(mark) + len(mark) for mark in ("\n", ")", "  "))
    words = _words_between(text, clause_start, start)
    if words:
        return "".join(words[-_ABOUT_WORDS:]).strip()
    return " ".join(text.original[end : end + _ABOUT_CHARS].split()[:4])


def _words_between(text: Text, start: int, end: int) -> list[str]:
    """The words wholly within start..end, spaces kept as their own pieces."""
    starts = sorted(offset for offset in text.token_starts if start <= offset <= end)
    pieces = [text.original[a:b] for a, b in zip(starts, starts[1:], strict=False)]
    while pieces and not pieces[0].strip():
        pieces.pop(0)
    return pieces
