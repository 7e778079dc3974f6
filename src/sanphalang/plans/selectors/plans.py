"""Reads of plans and their main works."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from sanphalang.accounts.models import User

from ..access import plan_read_q, require_plan_write
from ..models import MainWork, Plan


def plan_list(*, user: User) -> QuerySet[Plan]:
    """The plans the user may read, newest year first."""
    return (
        Plan.objects.filter(plan_read_q(user))
        .distinct()
        .select_related("area", "region")
        .order_by("-year_be", "title", "pk")
    )


def plan_get(*, user: User, pk: int) -> Plan:
    try:
        return (
            Plan.objects.filter(plan_read_q(user))
            .distinct()
            .select_related("area", "region", "meeting")
            .prefetch_related(
                "region__provinces",
                "issue_areas",
                Prefetch(
                    "main_works",
                    queryset=MainWork.objects.prefetch_related("issue_areas", "strategies").order_by(
                        "number"
                    ),
                ),
            )
            .get(pk=pk)
        )
    except (Plan.DoesNotExist, ValueError):
        raise Http404 from None


def plan_get_for_change(*, user: User, pk: int) -> Plan:
    """A plan, if the user may change it (and so approve its progress)."""
    plan = plan_get(user=user, pk=pk)
    require_plan_write(user, plan)
    return plan
