"""Reads of targets (indicators) and their split over areas, with the flags of a split that does not add up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from sanphalang.areas.models import Area

from ..access import plan_read_q, require_plan_write
from ..models import Indicator, TargetSplit
from ..services.targets import SplitCheck, split_check

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

    from ..models import Plan


def indicator_list(*, user: User, plan: Plan) -> QuerySet[Indicator]:
    """The targets of a plan, in their order, if the user may read the plan."""
    readable = Indicator.objects.filter(plan_read_q(user, "plan__")).values("pk")
    return (
        Indicator.objects.filter(plan=plan, pk__in=readable)
        .select_related("plan", "project", "main_work", "measure")
        .order_by("order", "pk")
    )


def plan_target_splits(*, user: User, plan: Plan) -> QuerySet[TargetSplit]:
    """The split over areas of every target of a plan the user reads, target by target."""
    return (
        TargetSplit.objects.filter(indicator__in=indicator_list(user=user, plan=plan).values("pk"))
        .select_related("indicator")
        .order_by("indicator__order", "indicator_id", "area_id")
    )


def indicator_get(*, user: User, pk: int) -> Indicator:
    try:
        return (
            Indicator.objects.filter(
                pk__in=Indicator.objects.filter(plan_read_q(user, "plan__")).values("pk")
            )
            .select_related("plan__area", "plan__region", "project", "main_work", "measure")
            .prefetch_related("plan__region__provinces")
            .get(pk=pk)
        )
    except (Indicator.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def indicator_get_for_change(*, user: User, pk: int) -> Indicator:
    """A target the user may change (and split): those who may change its plan."""
    indicator = indicator_get(user=user, pk=pk)
    require_plan_write(user, indicator.plan)
    return indicator


@dataclass(frozen=True)
class SplitRow:
    area: Area
    split: TargetSplit
    depth: int  # 0 for the top level, 1 for an area inside a split area, …


@dataclass(frozen=True)
class SplitTable:
    rows: list[SplitRow]
    check: SplitCheck


def indicator_splits(*, user: User, indicator: Indicator) -> SplitTable:
    """A target's split as its page and the API show it: each area's part, nested under the area split further
    above it, and whether it adds up."""
    splits = list(
        TargetSplit.objects.filter(indicator=indicator)
        .filter(pk__in=TargetSplit.objects.filter(plan_read_q(user, "indicator__plan__")).values("pk"))
        .select_related("area")
        .order_by("area_id")
    )
    values = {split.area_id: split.target for split in splits}
    names = {split.area_id: split.area.display_name for split in splits}
    check = split_check(indicator, values, names)
    depth: dict[str, int] = {}
    for split in splits:  # by code: a parent comes before its children
        parent = check.parents.get(split.area_id)
        depth[split.area_id] = depth[parent] + 1 if parent else 0
    return SplitTable(
        rows=[SplitRow(split.area, split, depth[split.area_id]) for split in splits], check=check
    )


def split_editor_areas(*, user: User, indicator: Indicator) -> list[Area]:
    """The areas a split editor offers, one input each: the children of the plan's area (Phayao's 9 districts),
    or a region's provinces; and any other area split already."""
    plan = indicator.plan
    if not Indicator.objects.filter(pk=indicator.pk).filter(plan_read_q(user, "plan__")).exists():
        return []
    if plan.region_id:
        offered = list(plan.region.provinces.filter(is_active=True))
    else:
        offered = list(Area.objects.filter(parent_id=plan.area_id, is_active=True))
    codes = {area.code for area in offered}
    extra = Area.objects.filter(
        pk__in=TargetSplit.objects.filter(indicator=indicator).exclude(area_id__in=codes).values("area_id")
    )
    return sorted([*offered, *extra], key=lambda area: area.code)
