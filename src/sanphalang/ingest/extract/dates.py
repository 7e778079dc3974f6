"""Dates in any Thai form: "๒๐ กรกฎาคม ๒๕๕๘", "26 ส.ค. 62", "27มกราคม2565", "1 เดือนตุลาคม พ.ศ. 2557"."""

import datetime as dt
import re
from dataclasses import dataclass

from pythainlp.util.date import thai_abbr_months, thai_full_months

from sanphalang.thai.dates import ThaiDateError, be_year_to_ce, parse_thai_date

from ..draft import Found
from .text import Text

FULL_MONTHS = tuple(thai_full_months)
SHORT_MONTHS = tuple(thai_abbr_months)
_MONTH_NUMBER = {name: number for number, name in enumerate(FULL_MONTHS, 1)} | {
    name: number for number, name in enumerate(SHORT_MONTHS, 1)
}
_MONTH_NUMBER |= {name.rstrip("."): number for name, number in list(_MONTH_NUMBER.items()) if "." in name}
_MONTH = "|".join(re.escape(name) for name in sorted(_MONTH_NUMBER, key=len, reverse=True))
_YEAR = r"(?:\s*(?:พ\.\s?ศ\.|ค\.\s?ศ\.)?\s*(?P<year>\d{4}|\d{2})(?!\d))"
DAY_MONTH = rf"(?P<day>\d{{1,2}})\s*(?:เดือน\s*)?(?P<month>{_MONTH})"
DATE = re.compile(rf"(?<!\d){DAY_MONTH}{_YEAR}?")


@dataclass(frozen=True)
class DateMention:
    day: int
    month: int
    year: int | None  # CE, None when the text gives no year
    span: tuple[int, int]

    def date(self, year: int | None = None) -> dt.date | None:
        try:
            return dt.date(year or self.year, self.month, self.day) if (year or self.year) else None
        except ValueError:
            return None


def date_mentions(text: Text) -> list[DateMention]:
    found = []
    for match in DATE.finditer(text.plain):
        year = None
        if match["year"]:
            year = _ce_year(match)
            if year is None:
                continue
        mention = DateMention(int(match["day"]), _MONTH_NUMBER[match["month"]], year, match.span())
        if mention.date(year or 2000) is not None:
            found.append(mention)
    return found


def _ce_year(match: re.Match) -> int | None:
    """The year in CE, read with thai_strptime through the BE date parser (2-digit years are BE)."""
    month = FULL_MONTHS[_MONTH_NUMBER[match["month"]] - 1]
    try:
        return parse_thai_date(f"{match['day']} {month} {match['year']}").year
    except ThaiDateError:
        year = int(match["year"])
        return be_year_to_ce(year) if year < 100 or year > 2400 else None


def event_date(text: Text, mentions: list[DateMention], taken: list[tuple[int, int]]) -> Found | None:
    """The report's date: its first full date that does not begin or end a period."""
    for mention in mentions:
        if mention.year and not any(start <= mention.span[0] < end for start, end in taken):
            return Found(mention.date().isoformat(), mention.span)
    return None
