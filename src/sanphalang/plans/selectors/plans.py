"""Reads of plans and their main works."""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from sanphalang.accounts.models import User

from ..access import plan_read_q, require_plan_write
from ..models import Agreement, MainWork, Plan


def plan_list(
    *, user: User, year_be: int | None = None, area_code: str | None = None, region: int | None = None
) -> QuerySet[Plan]:
    """The plans the user may read, newest year first; of one year, of an area and the areas below it (and the
    regions of its province), or of one region."""
    qs = Plan.objects.filter(plan_read_q(user))
    if year_be:
        qs = qs.filter(year_be=year_be)
    if area_code:
        qs = qs.filter(Q(area__pk__startswith=area_code) | Q(region__provinces__code=area_code[:2]))
    if region:
        qs = qs.filter(region_id=region)
    # The region's provinces join can repeat a plan: keep each once, by pk.
    return (
        Plan.objects.filter(pk__in=qs.values("pk"))
        .select_related("area__parent__parent", "region")
        .order_by("-year_be", "title", "pk")
    )


def plan_get(*, user: User, pk: int) -> Plan:
    try:
        return (
            Plan.objects.filter(pk__in=Plan.objects.filter(plan_read_q(user)).values("pk"))
            .select_related("area__parent__parent", "region", "meeting__body")
            .prefetch_related(
                "region__provinces",
                "issue_areas",
                Prefetch(
                    "main_works",
                    queryset=MainWork.objects.prefetch_related("issue_areas", "strategies").order_by(
                        "number"
                    ),
                ),
                Prefetch(
                    "agreements", queryset=Agreement.objects.select_related("area").order_by("-signed_on")
                ),
            )
            .get(pk=pk)
        )
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def plan_get_for_change(*, user: User, pk: int) -> Plan:
    """A plan, if the user may change it (and so approve its progress)."""
    plan = plan_get(user=user, pk=pk)
    require_plan_write(user, plan)
    return plan


def main_work_get(*, user: User, pk: int) -> MainWork:
    try:
        return (
            MainWork.objects.filter(plan__in=Plan.objects.filter(plan_read_q(user)).values("pk"))
            .select_related("plan__area", "plan__region")
            .prefetch_related("plan__region__provinces", "issue_areas", "strategies")
            .get(pk=pk)
        )
    except (MainWork.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def main_work_get_for_change(*, user: User, pk: int) -> MainWork:
    work = main_work_get(user=user, pk=pk)
    require_plan_write(user, work.plan)
    return work


def import_plan_choices(*, user: User) -> list[tuple[int, str]]:
    """The plans an import file's rows can go into, for the upload form: those the user reads, if they write at
    all (each importer checks the rows; projects and targets need a plan the user may change)."""
    if not (user.is_authenticated and user.can_write):
        return []
    return [(plan.pk, f"{plan.title} ({plan.owner_name}, {plan.year_be})") for plan in plan_list(user=user)]


def import_plan_of(*, user: User, batch) -> Plan | None:
    """The plan an import batch writes into, if it names one the user reads."""
    plan_id = (batch.options or {}).get("plan")
    return plan_list(user=user).filter(pk=plan_id).first() if plan_id else None
