"""Writes of housing works: a household registered in a repair or secure-housing programme (optionally under a
plans project the writer reads), its grant and work, and its moves from planned to completed."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from sanphalang.accounts.audit import log_access, validated_save
from sanphalang.accounts.models import AccessAction, User
from sanphalang.plans.access import project_read_q
from sanphalang.plans.models import Project
from sanphalang.versions import expect_version

from ..access import require_care_write
from ..errors import CareError
from ..models import Household, HousingStatus, HousingWork

WORK_FIELDS = {"programme", "project", "grant", "work", "started_on"}
# The moves a work may make: it may be taken back a step when recorded too early.
MOVES = {
    HousingStatus.PLANNED: {HousingStatus.UNDER_WAY, HousingStatus.COMPLETED, HousingStatus.CANCELLED},
    HousingStatus.UNDER_WAY: {HousingStatus.PLANNED, HousingStatus.COMPLETED, HousingStatus.CANCELLED},
    HousingStatus.COMPLETED: {HousingStatus.UNDER_WAY},
    HousingStatus.CANCELLED: {HousingStatus.PLANNED},
}


def _check(by: User, project: Project | None, grant: Decimal | None) -> None:
    if project is not None and not Project.objects.filter(project_read_q(by), pk=project.pk).exists():
        raise CareError.HOUSING_PROJECT_NOT_SHOWN.error("project")
    if grant is not None and grant < 0:
        raise CareError.GRANT_NEGATIVE.error("grant")


def _not_in_future(day: dt.date | None, field: str) -> None:
    if day and day > timezone.localdate():
        raise CareError.DATE_IN_FUTURE.error(field)


@transaction.atomic
def housing_work_create(
    *,
    by: User,
    household: Household,
    programme: str,
    project: Project | None = None,
    grant: Decimal | None = None,
    work: str = "",
    started_on: dt.date | None = None,
) -> HousingWork:
    """Register a household in a programme: planned until work starts."""
    require_care_write(by, household.area_id)
    _check(by, project, grant)
    _not_in_future(started_on, "started_on")
    housing = validated_save(
        HousingWork(
            household=household,
            area_id=household.area_id,
            programme=programme,
            project=project,
            grant=grant,
            work=work,
            started_on=started_on,
            recorded_by=by,
        ),
        by,
    )
    log_access(by, AccessAction.UPDATE, household, detail=f"housing work {housing.pk}")
    return housing


@transaction.atomic
def housing_work_update(
    *, by: User, housing: HousingWork, version: int | None = None, **fields
) -> HousingWork:
    unknown = set(fields) - WORK_FIELDS
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    expect_version(housing, version)
    require_care_write(by, housing.area_id)
    if "project" in fields and fields["project"] != housing.project:
        _check(by, fields["project"], None)
    _check(by, None, fields.get("grant"))
    _not_in_future(fields.get("started_on"), "started_on")
    for name, value in fields.items():
        setattr(housing, name, value)
    return validated_save(housing, by)


@transaction.atomic
def housing_work_move(
    *,
    by: User,
    housing: HousingWork,
    status: str,
    on: dt.date | None = None,
    version: int | None = None,
) -> HousingWork:
    """Move a work to another status: work under way from `on` (its start, if none yet), completed on `on`
    (today when not given); back from completed drops the completion day."""
    expect_version(housing, version)
    require_care_write(by, housing.area_id)
    current = HousingStatus(housing.status)
    if status not in MOVES[current]:
        raise CareError.HOUSING_STATUS_NOT_ALLOWED.error(
            "status", current=current.label, new=HousingStatus(status).label
        )
    on = on or timezone.localdate()
    _not_in_future(on, "on")
    if status == HousingStatus.UNDER_WAY and housing.started_on is None:
        housing.started_on = on
    housing.completed_on = on if status == HousingStatus.COMPLETED else None
    housing.status = status
    return validated_save(housing, by)
