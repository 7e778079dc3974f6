"""Targets that count themselves: the records that feed a target instead of typed progress.

Each source gives, for areas under some prefixes and a time frame, one row per counted thing with its area and the
day it counted (selectors/stages.py reads them): a subdistrict counts once, on the day its first charter was
enacted; a fund or network counts once, on the day its registration was first made; a household counts once, on the
day its first housing work was completed (care/selectors/housing.py). A target of a project counts what was done
under that project only, where its source knows projects (housing works do). The roll-up groups these rows as it
groups typed entries, so counted and typed figures go through the same sums and say which they are.
"""

import datetime as dt
from collections.abc import Callable

from sanphalang.care.selectors.housing import housing_completed_rows

from .models import CountedBy, RegistrationLaw
from .selectors.stages import charters_enacted_rows, registrations_completed_rows


def _subdistricts_once(rows) -> list[tuple[str, dt.date]]:
    """A subdistrict with two charters counts once, on the day the first was enacted."""
    first: dict[str, dt.date] = {}
    for row in rows:
        code, day = row["area_id"], row["happened_on"]
        if code not in first or day < first[code]:
            first[code] = day
    return sorted(first.items())


def _pairs(rows) -> list[tuple[str, dt.date]]:
    return [(row["area_id"], row["happened_on"]) for row in rows]


COUNTERS: dict[str, Callable[..., list[tuple[str, dt.date]]]] = {
    CountedBy.CHARTERS_ENACTED: lambda **frame: _subdistricts_once(charters_enacted_rows(**frame)),
    CountedBy.REGISTRATIONS_COMPLETED: lambda **frame: _pairs(registrations_completed_rows(**frame)),
    CountedBy.WELFARE_ORGANISATIONS: lambda **frame: _pairs(
        registrations_completed_rows(law=RegistrationLaw.WELFARE_ORGANISATION, **frame)
    ),
}
# Sources whose records name the project they were done under: these take the target's project.
PROJECT_COUNTERS: dict[str, Callable[..., list[tuple[str, dt.date]]]] = {
    CountedBy.HOUSING_COMPLETED: lambda **frame: _pairs(housing_completed_rows(**frame)),
}


def counts_by_project(counted_by: str) -> bool:
    """Whether a target of a project counts only what was done under its project."""
    return counted_by in PROJECT_COUNTERS


def counted_rows(
    counted_by: str,
    *,
    prefixes: list[str] | None,
    starts_on: dt.date,
    ends_on: dt.date,
    project_id: int | None = None,
) -> list:
    """(area code, day) of each counted thing (done under project_id, for a source that knows projects)."""
    frame = {"area_prefixes": prefixes, "starts_on": starts_on, "ends_on": ends_on}
    if counted_by in PROJECT_COUNTERS:
        return PROJECT_COUNTERS[counted_by](project_id=project_id, **frame)
    return COUNTERS[counted_by](**frame)
