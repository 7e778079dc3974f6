"""Targets that count themselves: the records that feed a target instead of typed progress.

Each source gives, for areas under some prefixes and a time frame, one row per counted thing with its area (the
subdistrict) and the day it counted: a subdistrict counts once, on the day its first charter was enacted; a fund or
network counts once, on the day its registration was first made. The roll-up groups these rows as it groups typed
entries, so counted and typed figures go through the same sums and say which they are.
"""

import datetime as dt
from collections.abc import Callable

from django.db.models import F, Min, Q, QuerySet

from .models import CountedBy, RegistrationLaw, StageEvent
from .models.stages import CHARTER_ENACTED_STAGES, REGISTRATION_HELD_STAGES


def _prefix_q(field: str, prefixes: list[str] | None) -> Q:
    if prefixes is None:
        return Q()
    # A prefix lookup cannot follow a foreign key's "_id" column; its target's pk reads the same column.
    lookup = f"{field[:-3]}__pk" if field.endswith("_id") else field
    q = Q(pk__in=[])
    for prefix in prefixes:
        q |= Q(**{f"{lookup}__startswith": prefix})
    return q


def _first_reached(events: QuerySet, owner: str, stages, prefixes, starts_on, ends_on) -> QuerySet:
    """One row per owner's area: {"area_id", "counted_on"}, the first day one of the stages was reached, when it
    falls in the time frame."""
    return (
        events.filter(_prefix_q(f"{owner}__area_id", prefixes), stage__in=list(stages))
        .values(area_id=F(f"{owner}__area_id"))
        .annotate(counted_on=Min("happened_on"))
        .filter(counted_on__gte=starts_on, counted_on__lte=ends_on)
        .order_by()
    )


def charters_enacted(*, prefixes: list[str] | None, starts_on: dt.date, ends_on: dt.date) -> QuerySet:
    """Subdistricts whose first area charter was enacted in the time frame."""
    events = StageEvent.objects.filter(charter__isnull=False)
    return _first_reached(events, "charter", CHARTER_ENACTED_STAGES, prefixes, starts_on, ends_on)


def _registrations(law: str | None):
    def rows(*, prefixes: list[str] | None, starts_on: dt.date, ends_on: dt.date) -> QuerySet:
        events = StageEvent.objects.filter(registration__isnull=False)
        if law:
            events = events.filter(registration__law=law)
        return (
            events.filter(
                _prefix_q("registration__area_id", prefixes), stage__in=list(REGISTRATION_HELD_STAGES)
            )
            .values("registration_id")
            .annotate(counted_on=Min("happened_on"))
            .filter(counted_on__gte=starts_on, counted_on__lte=ends_on)
            .values("registration__area_id", "counted_on")
            .order_by()
        )

    return rows


COUNTERS: dict[str, Callable[..., QuerySet]] = {
    CountedBy.CHARTERS_ENACTED: charters_enacted,
    CountedBy.REGISTRATIONS_COMPLETED: _registrations(None),
    CountedBy.WELFARE_ORGANISATIONS: _registrations(RegistrationLaw.WELFARE_ORGANISATION),
}


def counted_rows(
    counted_by: str, *, prefixes: list[str] | None, starts_on: dt.date, ends_on: dt.date
) -> list:
    """(area code, day) of each counted thing."""
    rows = COUNTERS[counted_by](prefixes=prefixes, starts_on=starts_on, ends_on=ends_on)
    return [(row.get("area_id") or row.get("registration__area_id"), row["counted_on"]) for row in rows]
