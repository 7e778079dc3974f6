"""Reads of housing works: the works of the user's areas (per project or area) with their totals, a work's page,
and the rows a plans target counts completed works from (plans/counting.py)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Min, Q, QuerySet, Sum
from django.http import Http404

from sanphalang.accounts.audit import log_access
from sanphalang.accounts.models import AccessAction, User

from ..access import counts_q, people_q, require_care_write
from ..models import Household, HousingStatus, HousingWork

SATANG = Decimal("0.01")


def _filtered(works, *, project_id, area_code, status, programme):
    if project_id:
        works = works.filter(project_id=project_id)
    if area_code:
        works = works.filter(area__pk__startswith=area_code)
    if status:
        works = works.filter(status=status)
    if programme:
        works = works.filter(programme=programme)
    return works


def housing_list(
    *,
    user: User,
    project_id: int | None = None,
    area_code: str | None = None,
    status: str | None = None,
    programme: str | None = None,
) -> QuerySet[HousingWork]:
    """The housing works of households the user sees, newest first."""
    works = HousingWork.objects.filter(people_q(user, "area_id"))
    works = _filtered(works, project_id=project_id, area_code=area_code, status=status, programme=programme)
    return works.select_related("household", "area__parent", "project").order_by("-pk")


@dataclass(frozen=True)
class HousingTotals:
    households: int
    grants: Decimal
    completed: int


def housing_totals(
    *,
    user: User,
    project_id: int | None = None,
    area_code: str | None = None,
    status: str | None = None,
    programme: str | None = None,
) -> HousingTotals:
    """Households in the programmes, their grants and the completed works, of the user's areas (counts alone:
    viewers and partners see them too), in one grouped query."""
    works = _filtered(
        HousingWork.objects.filter(counts_q(user, "area_id")),
        project_id=project_id,
        area_code=area_code,
        status=status,
        programme=programme,
    )
    totals = works.exclude(status=HousingStatus.CANCELLED).aggregate(
        households=Count("household", distinct=True),
        grants=Sum("grant"),
        completed=Count("pk", filter=Q(status=HousingStatus.COMPLETED)),
    )
    return HousingTotals(
        households=totals["households"] or 0,
        grants=(totals["grants"] or Decimal(0)).quantize(SATANG),
        completed=totals["completed"] or 0,
    )


def housing_get(*, user: User, pk: int, channel: str = "web") -> HousingWork:
    try:
        housing = (
            HousingWork.objects.filter(people_q(user, "area_id"))
            .select_related("household", "area__parent", "project")
            .get(pk=pk)
        )
    except (HousingWork.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    log_access(user, AccessAction.READ, housing.household, channel=channel, detail=f"housing work {pk}")
    return housing


def housing_get_for_change(*, user: User, pk: int, channel: str = "web") -> HousingWork:
    housing = housing_get(user=user, pk=pk, channel=channel)
    require_care_write(user, housing.area_id)
    return housing


def household_for_housing(*, user: User, pk: int) -> Household:
    """A household to register in a programme: one the user may change."""
    try:
        household = Household.objects.filter(people_q(user, "area_id")).get(pk=pk)
    except (Household.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_care_write(user, household.area_id)
    return household


# ---- the rows a counted target reads: aggregate counts, for no one user


def housing_completed_rows(
    *,
    area_prefixes: list[str] | None,
    starts_on: dt.date,
    ends_on: dt.date,
    project_id: int | None = None,
) -> QuerySet:
    """One row {area_id, happened_on} per household whose first completed work (of the project, when given) was
    completed in the period. None for area_prefixes means all of Thailand."""
    prefixes = Q()
    for prefix in area_prefixes or ():
        prefixes |= Q(area__pk__startswith=prefix)
    completed = Q(housing_works__status=HousingStatus.COMPLETED)
    if project_id:
        completed &= Q(housing_works__project_id=project_id)
    return (
        Household.objects.filter(prefixes)
        .annotate(happened_on=Min("housing_works__completed_on", filter=completed))
        .filter(happened_on__gte=starts_on, happened_on__lte=ends_on)
        .order_by()
        .values("area_id", "happened_on")
    )
