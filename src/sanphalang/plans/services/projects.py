"""Writes to projects and their budget lines: one transaction each, checked against the project's area."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction

from sanphalang.accounts.audit import validated_save
from sanphalang.areas.models import Area
from sanphalang.errors import Access, reject_unknown_fields
from sanphalang.meetings.services.fields import apply_fields, remove_with_history
from sanphalang.thai.names import clean_text
from sanphalang.versions import expect_version

from ..access import plan_covers, plan_readable, require_project_write
from ..errors import PlanError
from ..models import BudgetLine, EntryStatus, ProgressEntry, Project

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.directory.models import Organisation

    from ..models import Agreement, Plan

PROJECT_FIELDS = {
    "main_work",
    "area_code",
    "external_id",
    "name",
    "description",
    "owner",
    "partners",
    "areas",
    "issue_areas",
    "starts_on",
    "ends_on",
    "status",
}
BUDGET_LINE_FIELDS = {"source", "funder", "year_be", "amount", "note"}
YEARS_BE = range(2500, 2701)


def owner_covers(project: Project, code: str | None) -> bool:
    """Whether an area lies in the plan of the project (or, for an agreement's own project, the agreement's area)."""
    if project.plan_id:
        return plan_covers(project.plan, code)
    return bool(code) and code.startswith(project.agreement.area_id)


def _home_area(project: Project) -> str | None:
    """The area a project belongs to when none is chosen: its plan's, or its agreement's."""
    if project.plan_id:
        return project.plan.area_id  # None for a region's plan: a province must be chosen
    return project.agreement.area_id


def _require_home_readable(by: User, project: Project) -> None:
    if project.plan_id and not plan_readable(by, project.plan):
        raise Access.OUTSIDE_AREA.denied()


@transaction.atomic
def project_create(
    *, by: User, name: str, plan: Plan | None = None, agreement: Agreement | None = None, **fields
) -> Project:
    """A project of a plan, or of an agreement alone. Its area is the plan's unless a district or tambon of it is
    given (area_code); the user must be able to change records of that area."""
    if plan is None and agreement is None:
        raise PlanError.PROJECT_NEEDS_HOME.error("plan")
    if plan is None and agreement.plan_id:
        plan = agreement.plan
    project = Project(plan=plan, agreement=agreement)
    fields.setdefault("area_code", None)
    return _project_save(by, project, name=name, **fields)


@transaction.atomic
def project_update(*, by: User, project: Project, version: int | None = None, **fields) -> Project:
    expect_version(project, version)
    require_project_write(by, project)
    return _project_save(by, project, **fields)


def _project_save(by: User, project: Project, **fields) -> Project:
    reject_unknown_fields(fields, PROJECT_FIELDS)
    _require_home_readable(by, project)
    relations = {name: fields.pop(name) for name in ("partners", "areas", "issue_areas") if name in fields}
    if "area_code" in fields:
        code = fields.pop("area_code") or _home_area(project)
        if not code:
            raise PlanError.PROJECT_AREA_NEEDED.error("area_code")
        area = Area.objects.filter(code=code).first()
        if area is None or not owner_covers(project, code):
            raise PlanError.AREA_OUTSIDE_OWNER.error("area_code")
        project.area = area
    main_work = fields.get("main_work")
    if main_work is not None and main_work.plan_id != project.plan_id:
        raise PlanError.MAIN_WORK_NOT_IN_PLAN.error("main_work")
    for name in ("name", "external_id"):
        if name in fields:
            fields[name] = clean_text(fields[name] or "")
    apply_fields(project, fields, PROJECT_FIELDS)
    # Checked in the area the project is created in, or moved to.
    require_project_write(by, project)
    worked = relations.get("areas")
    if worked is not None:
        worked = list(worked)
        outside = [area for area in worked if not owner_covers(project, getattr(area, "code", area))]
        if outside:
            raise PlanError.AREA_OUTSIDE_OWNER.error("areas")
    validated_save(project, by)
    for name, values in relations.items():
        getattr(project, name).set(values)
    return project


@transaction.atomic
def project_delete(*, by: User, project: Project) -> None:
    """Delete a project entered by mistake, with its budget lines and its targets, unless progress of one of its
    targets was approved already (then its status says it was cancelled)."""
    require_project_write(by, project)
    approved = ProgressEntry.objects.filter(indicator__project=project, status=EntryStatus.APPROVED)
    if approved.exists():
        raise PlanError.PROJECT_HAS_APPROVED_PROGRESS.error(None)
    remove_with_history(project, by)


# ---- budget lines


def _check_year(year_be: int | None) -> None:
    if year_be is not None and year_be not in YEARS_BE:
        raise PlanError.YEAR_OUT_OF_RANGE.error("year_be")


@transaction.atomic
def budget_line_add(
    *,
    by: User,
    project: Project,
    source: str,
    amount: Decimal,
    funder: Organisation | None = None,
    year_be: int | None = None,
    note: str = "",
) -> BudgetLine:
    require_project_write(by, project)
    _check_year(year_be)
    return validated_save(
        BudgetLine(project=project, source=source, amount=amount, funder=funder, year_be=year_be, note=note),
        by,
    )


@transaction.atomic
def budget_line_update(*, by: User, line: BudgetLine, version: int | None = None, **fields) -> BudgetLine:
    expect_version(line, version)
    require_project_write(by, line.project)
    reject_unknown_fields(fields, BUDGET_LINE_FIELDS)
    if "year_be" in fields:
        _check_year(fields["year_be"])
    apply_fields(line, fields, BUDGET_LINE_FIELDS)
    return validated_save(line, by)


@transaction.atomic
def budget_line_remove(*, by: User, line: BudgetLine) -> None:
    require_project_write(by, line.project)
    remove_with_history(line, by)
