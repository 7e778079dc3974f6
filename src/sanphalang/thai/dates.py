"""Buddhist Era dates: parse what Thai users and reports write, and display dates in BE."""

import datetime as dt
import re

from pythainlp.util import thai_strftime, thai_strptime

from .digits import to_arabic_digits, to_thai_digits

BE_OFFSET = 543

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_THAI_LETTER_DIGIT_BOUNDARY = re.compile(r"(?<=\d)(?=[\u0E00-\u0E7F])|(?<=[\u0E00-\u0E7F])(?=\d)")
_BE_MARKER = re.compile(r"\s*(พ\.ศ\.|พ\.ศ|พศ\.?)\s*")
_THAI_WORD_FORMATS = ("%d %B %Y", "%d %b %Y")


class ThaiDateError(ValueError):
    """The text is not a date this module can read."""


def be_year_to_ce(year: int) -> int:
    """A 2-digit year is BE in the 2500s ("62" is 2562); a 4-digit year above 2400 is BE; else CE."""
    if year < 100:
        return 2500 + year - BE_OFFSET
    if year > 2400:
        return year - BE_OFFSET
    return year


def parse_thai_date(text: str) -> dt.date:
    """Read a date as Thai people write it.

    Accepts "๒๐ ก.ค. ๒๕๕๘", "20 กรกฎาคม 2558", "27มกราคม2565", "26 ส.ค. 62", "20/7/2558", "20/07/15"
    (CE when 4 digits are below 2400) and ISO "2015-07-20". Raises ThaiDateError otherwise.
    """
    if text is None:
        raise ThaiDateError("empty")
    cleaned = to_arabic_digits(str(text)).strip()
    cleaned = _BE_MARKER.sub(" ", cleaned).strip()
    cleaned = re.sub(r"^วันที่\s*", "", cleaned)
    if not cleaned:
        raise ThaiDateError("empty")
    try:
        if match := _ISO.match(cleaned):
            year, month, day = (int(part) for part in match.groups())
            return dt.date(be_year_to_ce(year), month, day)
        if match := _NUMERIC.match(cleaned):
            day, month, year = (int(part) for part in match.groups())
            return dt.date(be_year_to_ce(year), month, day)
    except ValueError as exc:
        raise ThaiDateError(str(exc)) from exc
    spaced = _THAI_LETTER_DIGIT_BOUNDARY.sub(" ", cleaned)
    spaced = re.sub(r"\s+", " ", spaced)
    parts = spaced.split(" ")
    if len(parts) == 3 and parts[2].isdigit() and len(parts[2]) == 2:
        # thai_strptime reads a 2-digit year as CE; reports write "62" for 2562 BE.
        parts[2] = str(2500 + int(parts[2]))
        spaced = " ".join(parts)
    for fmt in _THAI_WORD_FORMATS:
        try:
            parsed = thai_strptime(spaced, fmt)
        except (ValueError, KeyError, IndexError):
            continue
        return dt.date(parsed.year, parsed.month, parsed.day)
    raise ThaiDateError(f"not a date: {text!r}")


def format_be_date(
    value: dt.date | dt.datetime | None, *, style: str = "long", thai_digits: bool = False
) -> str:
    """Show a date in the Buddhist Era: long "20 กรกฎาคม 2558", short "20 ก.ค. 2558", numeric "20/07/2558" or
    month "กรกฎาคม 2558"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if style == "numeric":
        text = f"{value.day:02d}/{value.month:02d}/{value.year + BE_OFFSET}"
    else:
        pattern = {"long": "%-d %B %Y", "month": "%B %Y"}.get(style, "%-d %b %Y")
        text = thai_strftime(dt.datetime(value.year, value.month, value.day), pattern)
    return to_thai_digits(text) if thai_digits else text


def be_year(value: dt.date) -> int:
    return value.year + BE_OFFSET


def fiscal_year_be(value: dt.date) -> int:
    """The Thai government fiscal year runs 1 October – 30 September and is named by its ending BE year."""
    return value.year + BE_OFFSET + (1 if value.month >= 10 else 0)
