"""Periods: "20 พ.ค. – 15 มิ.ย. 62", "1–15 มกราคม 2565", "ตั้งแต่วันที่ 1 ... ถึง 30 ..."."""

import datetime as dt
import re

from ..draft import Period
from .dates import _MONTH, _MONTH_NUMBER, _YEAR, DateMention, date_mentions
from .text import Text

_JOIN = re.compile(r"\s*(?:[-–—~]|จนถึง|ถึง)\s*(?:วันที่)?\s*")
_DAY_RANGE = re.compile(
    rf"(?<!\d)(?P<first>\d{{1,2}})\s*[-–—]\s*(?P<day>\d{{1,2}})\s*(?P<month>{_MONTH}){_YEAR}"
)
_ABOUT_WORDS = 6


def periods(text: Text, mentions: list[DateMention] | None = None) -> list[Period]:
    mentions = date_mentions(text) if mentions is None else mentions
    found = []
    for first, second in zip(mentions, mentions[1:], strict=False):
        between = text.plain[first.span[1] : second.span[0]]
        if len(between) > 16 or not _JOIN.fullmatch(between):
            continue
        if not second.year:
            continue
        year = first.year or second.year
        start, end = first.date(year), second.date(second.year)
        if start and end and start > end and not first.year:
            start = first.date(year - 1)
        if start and end and start <= end:
            span = (first.span[0], second.span[1])
            found.append(Period(start.isoformat(), end.isoformat(), _about(text, span[0]), span))
    for match in _DAY_RANGE.finditer(text.plain):
        month = _MONTH_NUMBER[match["month"]]
        end_mention = next((m for m in mentions if m.span[1] == match.end()), None)
        if end_mention is None or not end_mention.year:
            continue
        try:
            start = dt.date(end_mention.year, month, int(match["first"]))
        except ValueError:
            continue
        end = end_mention.date()
        if start <= end:
            found.append(
                Period(start.isoformat(), end.isoformat(), _about(text, match.start()), match.span())
            )
    return sorted(found, key=lambda period: period.span)


def _about(text: Text, start: int) -> str:
    """The words just before the period, up to the line's or sentence's start."""
    before = text.original[max(0, start - 120) : start]
    before = re.split(r"[\n.]|\s{2,}", before)[-1]
    before = re.sub(r"(ในระหว่าง|ระหว่าง|ตั้งแต่)?\s*(วันที่)?\s*$", "", before).strip()
    words = before.split()
    return " ".join(words[-_ABOUT_WORDS:])
