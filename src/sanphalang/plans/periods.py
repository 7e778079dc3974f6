"""The time frames of plans and targets: a Buddhist Era calendar year or a government fiscal year (1 October to 30
September, named by its ending BE year), cut into quarters, halves, months or kept whole.

A period is named by its first day; its label counts it within the year: the first quarter of fiscal year 2565 is
1 October to 31 December 2564 (ไตรมาส 1/2565).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.thai.dates import BE_OFFSET, be_year, fiscal_year_be, format_be_date


class YearKind(models.TextChoices):
    FISCAL = "fiscal", gettext_lazy("Fiscal year (October to September)")
    CALENDAR = "calendar", gettext_lazy("Calendar year (January to December)")


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", gettext_lazy("Quarter")
    HALF = "half", gettext_lazy("Half year")
    MONTH = "month", gettext_lazy("Month")
    YEAR = "year", gettext_lazy("Whole year")


MONTHS_IN = {PeriodKind.QUARTER: 3, PeriodKind.HALF: 6, PeriodKind.MONTH: 1, PeriodKind.YEAR: 12}


@dataclass(frozen=True)
class Period:
    kind: str
    number: int  # 1-based, within the year
    year_be: int
    starts_on: dt.date
    ends_on: dt.date

    @property
    def key(self) -> str:
        """The period as written in forms, files and the API: its first day, ISO."""
        return self.starts_on.isoformat()

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.QUARTER:
            return _("Quarter %(number)s/%(year)s") % {"number": self.number, "year": self.year_be}
        if self.kind == PeriodKind.HALF:
            return _("Half %(number)s/%(year)s") % {"number": self.number, "year": self.year_be}
        if self.kind == PeriodKind.MONTH:
            return format_be_date(self.starts_on, style="month")
        return _("Year %(year)s") % {"year": self.year_be}

    @property
    def span(self) -> str:
        return (
            f"{format_be_date(self.starts_on, style='short')} – {format_be_date(self.ends_on, style='short')}"
        )


def year_of(year_kind: str, day: dt.date) -> int:
    """The BE year of this kind that holds the day."""
    return fiscal_year_be(day) if year_kind == YearKind.FISCAL else be_year(day)


def year_bounds(year_kind: str, year_be: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a BE year of this kind."""
    year_ce = year_be - BE_OFFSET
    if year_kind == YearKind.FISCAL:
        return dt.date(year_ce - 1, 10, 1), dt.date(year_ce, 9, 30)
    return dt.date(year_ce, 1, 1), dt.date(year_ce, 12, 31)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    return dt.date(day.year + index // 12, index % 12 + 1, 1)


def periods_of(kind: str, year_kind: str, year_be: int) -> list[Period]:
    """The periods of a year, in order."""
    start, end = year_bounds(year_kind, year_be)
    step = MONTHS_IN[PeriodKind(kind)]
    periods = []
    first = start
    number = 1
    while first <= end:
        following = _add_months(first, step)
        periods.append(Period(kind, number, year_be, first, following - dt.timedelta(days=1)))
        first = following
        number += 1
    return periods


def period_at(kind: str, year_kind: str, year_be: int, starts_on: dt.date) -> Period | None:
    """The period of the year that starts on this day, or None."""
    return next((p for p in periods_of(kind, year_kind, year_be) if p.starts_on == starts_on), None)


def period_containing(kind: str, year_kind: str, year_be: int, day: dt.date) -> Period | None:
    return next((p for p in periods_of(kind, year_kind, year_be) if p.starts_on <= day <= p.ends_on), None)


def elapsed_share(starts_on: dt.date, ends_on: dt.date, today: dt.date) -> float:
    """How much of a time frame has passed on a day, from 0 to 1."""
    if today < starts_on:
        return 0.0
    if today >= ends_on:
        return 1.0
    return ((today - starts_on).days + 1) / ((ends_on - starts_on).days + 1)
