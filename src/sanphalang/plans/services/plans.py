"""Writes to plans and people's agendas (วาระ) and their main works (S7: วาระคนพะเยา ปี 2565)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction

from sanphalang.accounts.audit import validated_save
from sanphalang.areas.scoping import require_writer
from sanphalang.errors import reject_unknown_fields
from sanphalang.versions import expect_version

from ..access import plan_province_codes, require_plan_write
from ..errors import PlanError
from ..models import MainWork, Plan, PlanStatus
from ..periods import PeriodKind, YearKind
from .references import issue_areas_of, plan_area, region_by_slug, strategies_of, visible_meeting

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

# The fields of a plan a user sets, in the order its form shows them.
PLAN_FIELDS = (
    "title",
    "area_code",
    "region_slug",
    "year_kind",
    "year_be",
    "period_kind",
    "vision",
    "summary",
    "status",
    "adopted_on",
    "meeting",
    "issue_area_ids",
)
MAIN_WORK_FIELDS = ("number", "title", "description", "issue_area_ids", "strategy_ids")


@transaction.atomic
def plan_create(
    *,
    by: User,
    title: str,
    area_code: str | None = None,
    region_slug: str | None = None,
    year_kind: str = YearKind.FISCAL,
    year_be: int,
    period_kind: str = PeriodKind.QUARTER,
    vision: str = "",
    summary: str = "",
    status: str = PlanStatus.DRAFT,
    adopted_on: dt.date | None = None,
    meeting=None,
    issue_area_ids=(),
) -> Plan:
    """A plan of a province, district or subdistrict (area_code), or of a region of provinces (region_slug)."""
    require_writer(by)
    return _apply(
        by,
        Plan(),
        {
            "title": title,
            "area_code": area_code,
            "region_slug": region_slug,
            "year_kind": year_kind or YearKind.FISCAL,
            "year_be": year_be,
            "period_kind": period_kind or PeriodKind.QUARTER,
            "vision": vision,
            "summary": summary,
            "status": status or PlanStatus.DRAFT,
            "adopted_on": adopted_on,
            "meeting": meeting,
            "issue_area_ids": issue_area_ids,
        },
    )


@transaction.atomic
def plan_update(*, by: User, plan: Plan, version: int | None = None, **fields) -> Plan:
    """Change the fields given (the others stay). Moving a plan needs write access to where it was and where it
    goes."""
    expect_version(plan, version)
    require_plan_write(by, plan)
    reject_unknown_fields(fields, set(PLAN_FIELDS))
    return _apply(by, plan, fields)


def _apply(by: User, plan: Plan, fields: dict) -> Plan:
    area_given = fields.get("area_code") not in (None, "")
    region_given = fields.get("region_slug") not in (None, "")
    if "area_code" in fields or "region_slug" in fields:
        if area_given == region_given:
            raise PlanError.PLAN_NEEDS_ONE_OWNER.error("area_code")
        if area_given:
            plan.area, plan.region = (
                plan_area(fields["area_code"], current=plan.area if plan.area_id else None),
                None,
            )
        else:
            plan.area, plan.region = None, region_by_slug(fields["region_slug"])
    if not plan.area_id and not plan.region_id:
        raise PlanError.PLAN_NEEDS_ONE_OWNER.error("area_code")
    # Checked once the owner is applied: a plan is written in its area, or in every province of its region.
    require_plan_write(by, plan)
    for name in ("title", "year_kind", "year_be", "period_kind", "vision", "summary", "status", "adopted_on"):
        if name in fields:
            value = fields[name]
            setattr(plan, name, "" if value is None and name in ("vision", "summary", "title") else value)
    if "meeting" in fields:
        plan.meeting = visible_meeting(
            by, fields["meeting"], current=plan.meeting if plan.meeting_id else None
        )
    issue_areas = None
    if "issue_area_ids" in fields:
        issue_areas = issue_areas_of(by, fields["issue_area_ids"], province_codes=plan_province_codes(plan))
    validated_save(plan, by)
    if issue_areas is not None:
        plan.issue_areas.set(issue_areas)
    return plan


@transaction.atomic
def plan_delete(*, by: User, plan: Plan) -> None:
    """Delete a plan recorded by mistake, with its main works; refused while anything else belongs to it."""
    require_plan_write(by, plan)
    if plan.projects.exists() or plan.indicators.exists() or plan.agreements.exists():
        raise PlanError.PLAN_HAS_RECORDS.error(None)
    plan.delete()


@transaction.atomic
def main_work_add(
    *,
    by: User,
    plan: Plan,
    title: str,
    number: int | None = None,
    description: str = "",
    issue_area_ids=(),
    strategy_ids=(),
) -> MainWork:
    """A main work of the plan; numbered after the last one when no number is given."""
    require_plan_write(by, plan)
    if number in (None, ""):
        last = plan.main_works.order_by("-number").values_list("number", flat=True).first()
        number = (last or 0) + 1
    return _apply_main_work(
        by,
        MainWork(plan=plan),
        {
            "number": number,
            "title": title,
            "description": description,
            "issue_area_ids": issue_area_ids,
            "strategy_ids": strategy_ids,
        },
    )


@transaction.atomic
def main_work_update(*, by: User, main_work: MainWork, version: int | None = None, **fields) -> MainWork:
    expect_version(main_work, version)
    require_plan_write(by, main_work.plan)
    reject_unknown_fields(fields, set(MAIN_WORK_FIELDS))
    return _apply_main_work(by, main_work, fields)


def _apply_main_work(by: User, work: MainWork, fields: dict) -> MainWork:
    for name in ("number", "title", "description"):
        if name in fields:
            value = fields[name]
            setattr(work, name, "" if value is None and name != "number" else value)
    issue_areas = strategies = None
    if "issue_area_ids" in fields:
        issue_areas = issue_areas_of(
            by, fields["issue_area_ids"], province_codes=plan_province_codes(work.plan)
        )
    if "strategy_ids" in fields:
        strategies = strategies_of(fields["strategy_ids"])
    validated_save(work, by)
    if issue_areas is not None:
        work.issue_areas.set(issue_areas)
    if strategies is not None:
        work.strategies.set(strategies)
    return work


@transaction.atomic
def main_work_remove(*, by: User, main_work: MainWork) -> None:
    """Remove a main work; the projects and targets under it stay with the plan."""
    require_plan_write(by, main_work.plan)
    main_work.delete()
