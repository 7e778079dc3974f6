"""Writes to targets (indicators) and their split over areas, and the check of whether a split adds up.

A split is replaced whole: the areas and their parts as the province decided them (Phayao's 618 households over
its 9 districts). It may go down further (a district's part over its tambons); each level is checked against the
one above it, the top against the target itself. Percentages are never added up: each area's part is a
percentage of its own, at most 100.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from sanphalang.accounts.audit import validated_save
from sanphalang.areas.models import Area, ancestor_codes
from sanphalang.errors import reject_unknown_fields
from sanphalang.meetings.services.fields import remove_with_history
from sanphalang.thai.names import clean_text
from sanphalang.versions import expect_version

from ..access import plan_covers, require_plan_write
from ..errors import PlanError
from ..models import EntryStatus, Indicator, TargetSplit

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

    from ..models import Plan

INDICATOR_FIELDS = {
    "project",
    "main_work",
    "external_id",
    "name",
    "measure",
    "unit",
    "unit_label",
    "accumulates",
    "baseline",
    "target",
    "counted_by",
    "order",
}


@transaction.atomic
def indicator_create(*, by: User, plan: Plan, name: str, target: Decimal, **fields) -> Indicator:
    return _indicator_save(by, Indicator(plan=plan), name=name, target=target, **fields)


@transaction.atomic
def indicator_update(*, by: User, indicator: Indicator, version: int | None = None, **fields) -> Indicator:
    expect_version(indicator, version)
    return _indicator_save(by, indicator, **fields)


def _indicator_save(by: User, indicator: Indicator, **fields) -> Indicator:
    require_plan_write(by, indicator.plan)
    reject_unknown_fields(fields, INDICATOR_FIELDS)
    project, main_work = fields.get("project"), fields.get("main_work")
    if project is not None and project.plan_id != indicator.plan_id:
        raise PlanError.PROJECT_NOT_IN_PLAN.error("project")
    if main_work is not None and main_work.plan_id != indicator.plan_id:
        raise PlanError.MAIN_WORK_NOT_IN_PLAN.error("main_work")
    for name in ("name", "external_id", "unit_label"):
        if name in fields:
            fields[name] = clean_text(fields[name] or "")
    for name, value in fields.items():
        setattr(indicator, name, value)
    if indicator.measure_id:
        # A common measure is the same figure everywhere: its unit, and the records that count it if any.
        indicator.unit = indicator.measure.unit
        if indicator.measure.counted_by:
            indicator.counted_by = indicator.measure.counted_by
    return validated_save(indicator, by)


@transaction.atomic
def indicator_delete(*, by: User, indicator: Indicator) -> None:
    """Delete a target with its split and its progress not yet approved; approved progress keeps it."""
    require_plan_write(by, indicator.plan)
    if indicator.entries.filter(status=EntryStatus.APPROVED).exists():
        raise PlanError.INDICATOR_HAS_APPROVED_PROGRESS.error(None)
    remove_with_history(indicator, by)


# ---- the split over areas


@transaction.atomic
def target_splits_set(
    *, by: User, indicator: Indicator, splits: dict[str, Decimal | None], version: int | None = None
) -> list[TargetSplit]:
    """Replace the target's split by this one (area code -> its part; an area left out, or given None, has no
    part). The split is part of the target: it is built on the target's version, which it moves on."""
    require_plan_write(by, indicator.plan)
    expect_version(indicator, version)
    wanted = {code: value for code, value in splits.items() if value is not None}
    areas = Area.objects.in_bulk(list(wanted))
    errors = []
    for code, value in wanted.items():
        area = areas.get(code)
        name = area.display_name if area else code
        if area is None or not plan_covers(indicator.plan, code) or code == indicator.plan.area_id:
            errors.append(PlanError.SPLIT_AREA_OUTSIDE_PLAN.error(None, area=name))
        elif value < 0:
            errors.append(PlanError.SPLIT_NEGATIVE.error(None, area=name))
        elif indicator.is_percent and value > 100:
            errors.append(PlanError.SPLIT_PERCENT_ABOVE_100.error(None, area=name))
    if errors:
        raise ValidationError({"splits": errors})
    validated_save(indicator, by)  # claims the target's next version: of two splits built on one, one lands
    kept = []
    for split in TargetSplit.objects.filter(indicator=indicator).select_for_update():
        if split.area_id not in wanted:
            remove_with_history(split, by)
            continue
        value = wanted.pop(split.area_id)
        if split.target != value:
            split.target = value
            validated_save(split, by)
        kept.append(split)
    for code, value in wanted.items():
        kept.append(validated_save(TargetSplit(indicator=indicator, area=areas[code], target=value), by))
    return sorted(kept, key=lambda split: split.area_id)


# ---- does the split add up


@dataclass(frozen=True)
class SplitFlag:
    """One way a split does not add up: at the whole (area_code None) or in one area split further."""

    area_code: str | None
    code: str
    message: str
    total: Decimal | None = None
    whole: Decimal | None = None


@dataclass(frozen=True)
class SplitCheck:
    adds_up: bool
    summed: bool  # False for a percentage, whose parts are never added
    total: Decimal | None  # the sum of the top level (None for a percentage)
    flags: list[SplitFlag] = field(default_factory=list)
    parents: dict[str, str | None] = field(default_factory=dict)  # each area's nearest split area above it

    def flag_of(self, code: str | None) -> SplitFlag | None:
        return next((flag for flag in self.flags if flag.area_code == code), None)


def shown_number(value: Decimal) -> str:
    """A figure as a message writes it: 618, 1,250.50."""
    value = Decimal(value)
    return f"{int(value):,}" if value == value.to_integral_value() else f"{value:,.2f}"


def _parents(codes) -> dict[str, str | None]:
    present = set(codes)
    return {
        code: next((above for above in reversed(ancestor_codes(code)) if above in present), None)
        for code in present
    }


def split_check(
    indicator: Indicator, splits: dict[str, Decimal], names: dict[str, str] | None = None
) -> SplitCheck:
    """Whether a split (area code -> part) adds up, without reading the database: for a unit that adds up, the
    parts at the top level make the target, and the parts below an area split further make that area's part.
    A percentage is not added: each part is at most 100. names (area code -> name) words the flags."""
    names = names or {}
    parents = _parents(splits)
    flags: list[SplitFlag] = []
    if indicator.is_percent:
        for code in sorted(splits):
            if splits[code] > 100:
                message = PlanError.SPLIT_PERCENT_ABOVE_100.message(area=names.get(code, code))
                flags.append(SplitFlag(code, PlanError.SPLIT_PERCENT_ABOVE_100.code, message))
        return SplitCheck(adds_up=not flags, summed=False, total=None, flags=flags, parents=parents)
    sums: dict[str | None, Decimal] = {}
    for code, parent in parents.items():
        sums[parent] = sums.get(parent, Decimal(0)) + Decimal(splits[code])
    total = sums.get(None, Decimal(0))
    if splits and total != indicator.target:
        message = PlanError.SPLIT_SUM_DIFFERS.message(
            total=shown_number(total), whole=shown_number(indicator.target)
        )
        flags.append(SplitFlag(None, PlanError.SPLIT_SUM_DIFFERS.code, message, total, indicator.target))
    for parent in sorted(code for code in sums if code is not None):
        whole = Decimal(splits[parent])
        if sums[parent] != whole:
            message = PlanError.SPLIT_SUM_DIFFERS_IN.message(
                area=names.get(parent, parent), total=shown_number(sums[parent]), whole=shown_number(whole)
            )
            flags.append(SplitFlag(parent, PlanError.SPLIT_SUM_DIFFERS_IN.code, message, sums[parent], whole))
    return SplitCheck(adds_up=not flags, summed=True, total=total, flags=flags, parents=parents)
