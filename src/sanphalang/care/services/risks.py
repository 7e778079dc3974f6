"""Writes of disaster-risk areas (S6): the watch list of villages hit again and again, the incidents that hit
them, and the households of the registry each incident affected."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from sanphalang.accounts.audit import log_access, validated_save
from sanphalang.accounts.models import AccessAction, User
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.versions import expect_version

from ..access import people_q, require_risk_write
from ..errors import CareError
from ..models import AffectedHousehold, Household, Incident, RiskArea

RISK_AREA_LEVELS = {AreaLevel.SUBDISTRICT, AreaLevel.VILLAGE, AreaLevel.COMMUNITY}
RISK_AREA_FIELDS = {
    "hazard",
    "season_starts",
    "season_ends",
    "households_at_risk",
    "note",
    "listed_on",
    "is_active",
}
INCIDENT_FIELDS = {"hazard", "occurred_on", "ended_on", "description"}


def _risk_place(area_code: str) -> Area:
    area = Area.objects.filter(code=(area_code or "").strip()).first()
    if area is None or area.level not in RISK_AREA_LEVELS:
        raise CareError.RISK_AREA_NOT_VILLAGE.error("area")
    return area


def _not_in_future(day: dt.date | None, field: str) -> None:
    if day and day > timezone.localdate():
        raise CareError.DATE_IN_FUTURE.error(field)


def _unknown_fields(fields: dict, allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")


# ---- the watch list


@transaction.atomic
def risk_area_create(
    *,
    by: User,
    area_code: str,
    hazard: str,
    season_starts: int,
    season_ends: int,
    listed_on: dt.date,
    households_at_risk: int | None = None,
    note: str = "",
    is_active: bool = True,
) -> RiskArea:
    """Put a village (or subdistrict) on the watch list for a hazard and its season (which may wrap over the new
    year), and link the incidents of that area and hazard recorded before it was listed."""
    area = _risk_place(area_code)
    require_risk_write(by, area.code)
    _not_in_future(listed_on, "listed_on")
    risk_area = validated_save(
        RiskArea(
            area=area,
            hazard=hazard,
            season_starts=season_starts,
            season_ends=season_ends,
            households_at_risk=households_at_risk,
            note=note,
            listed_on=listed_on,
            is_active=is_active,
        ),
        by,
    )
    Incident.objects.filter(area=area, hazard=hazard, risk_area__isnull=True).update(risk_area=risk_area)
    return risk_area


@transaction.atomic
def risk_area_update(*, by: User, risk_area: RiskArea, version: int | None = None, **fields) -> RiskArea:
    _unknown_fields(fields, RISK_AREA_FIELDS)
    expect_version(risk_area, version)
    require_risk_write(by, risk_area.area_id)
    _not_in_future(fields.get("listed_on"), "listed_on")
    for name, value in fields.items():
        setattr(risk_area, name, value)
    return validated_save(risk_area, by)


@transaction.atomic
def risk_area_delete(*, by: User, risk_area: RiskArea) -> None:
    """Take an entry listed by mistake off the watch list; its incidents stay, unlinked."""
    require_risk_write(by, risk_area.area_id)
    risk_area.delete()


# ---- incidents


def _watch_entry(area_id: str, hazard: str) -> RiskArea | None:
    return RiskArea.objects.filter(area_id=area_id, hazard=hazard).first()


@transaction.atomic
def incident_create(
    *,
    by: User,
    area_code: str,
    hazard: str,
    occurred_on: dt.date,
    description: str,
    ended_on: dt.date | None = None,
) -> Incident:
    """Record an incident, linked to the watch-list entry of its area and hazard when there is one (the page
    offers to list the area when there is none)."""
    area = _risk_place(area_code)
    require_risk_write(by, area.code)
    _not_in_future(occurred_on, "occurred_on")
    _not_in_future(ended_on, "ended_on")
    incident = Incident(
        area=area,
        hazard=hazard,
        occurred_on=occurred_on,
        ended_on=ended_on,
        description=description,
        risk_area=_watch_entry(area.code, hazard),
        recorded_by=by,
    )
    return validated_save(incident, by)


@transaction.atomic
def incident_update(*, by: User, incident: Incident, version: int | None = None, **fields) -> Incident:
    _unknown_fields(fields, INCIDENT_FIELDS)
    expect_version(incident, version)
    require_risk_write(by, incident.area_id)
    for field in ("occurred_on", "ended_on"):
        _not_in_future(fields.get(field), field)
    for name, value in fields.items():
        setattr(incident, name, value)
    if "hazard" in fields:
        incident.risk_area = _watch_entry(incident.area_id, incident.hazard)
    return validated_save(incident, by)


@transaction.atomic
def affected_household_add(
    *, by: User, incident: Incident, household_pk: int, damage: str = ""
) -> AffectedHousehold:
    """Add a household of the registry the incident hit: one the writer sees in full (care/access.py)."""
    require_risk_write(by, incident.area_id)
    try:
        household = Household.objects.filter(people_q(by, "area_id")).get(pk=household_pk)
    except (Household.DoesNotExist, ValueError, TypeError):
        raise CareError.HOUSEHOLD_NOT_SHOWN.error("household") from None
    if AffectedHousehold.objects.filter(incident=incident, household=household).exists():
        raise CareError.HOUSEHOLD_ALREADY_AFFECTED.error("household")
    affected = AffectedHousehold(incident=incident, household=household, damage=damage, added_by=by)
    validated_save(affected, by)
    log_access(by, AccessAction.UPDATE, household, detail=f"affected by incident {incident.pk}")
    return affected


@transaction.atomic
def affected_household_remove(*, by: User, affected: AffectedHousehold) -> None:
    require_risk_write(by, affected.incident.area_id)
    log_access(
        by, AccessAction.UPDATE, affected.household, detail=f"removed from incident {affected.incident_id}"
    )
    affected.delete()
