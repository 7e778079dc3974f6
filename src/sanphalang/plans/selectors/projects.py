"""Reads of projects and their budgets: a project is read as its plan is (province-wide), changed in its area."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.http import Http404

from ..access import project_read_q, require_project_write
from ..models import BudgetLine, BudgetSource, Indicator, Project

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

    from ..models import Plan


def project_list(*, user: User, plan: Plan | None = None, search: str = "") -> QuerySet[Project]:
    """The projects the user may read (of one plan when given), by name."""
    projects = Project.objects.filter(pk__in=Project.objects.filter(project_read_q(user)).values("pk"))
    if plan is not None:
        projects = projects.filter(plan=plan)
    if search:
        projects = projects.filter(Q(name__icontains=search) | Q(external_id__iexact=search))
    return projects.select_related("plan", "agreement", "area__parent__parent", "owner").order_by(
        "name", "pk"
    )


def project_get(*, user: User, pk: int) -> Project:
    """A project with what its page shows: owner, partners, areas, budget lines and targets."""
    try:
        return (
            project_list(user=user)
            .select_related("main_work")
            .prefetch_related(
                "partners",
                "issue_areas",
                Prefetch("areas", queryset=_areas()),
                Prefetch("budget_lines", queryset=BudgetLine.objects.select_related("funder")),
                Prefetch("indicators", queryset=Indicator.objects.select_related("measure")),
            )
            .get(pk=pk)
        )
    except (Project.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def _areas():
    from sanphalang.areas.models import Area

    return Area.objects.select_related("parent__parent").order_by("code")


def project_get_for_change(*, user: User, pk: int) -> Project:
    """A project the user may change: not found outside what they read, refused where they only read."""
    project = project_get(user=user, pk=pk)
    require_project_write(user, project)
    return project


def budget_line_get_for_change(*, user: User, pk: int) -> BudgetLine:
    try:
        line = (
            BudgetLine.objects.filter(project_read_q(user, "project__"))
            .select_related("project__plan", "project__agreement", "funder")
            .distinct()
            .get(pk=pk)
        )
    except (BudgetLine.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_project_write(user, line.project)
    return line


@dataclass(frozen=True)
class BudgetTotal:
    source: str
    label: str
    amount: Decimal


@dataclass(frozen=True)
class BudgetTotals:
    by_source: list[BudgetTotal]
    total: Decimal


def budget_totals(*, user: User, project: Project | None = None, plan: Plan | None = None) -> BudgetTotals:
    """The budget of a project (or of a plan's projects) by source, in one grouped query, and its total."""
    lines = BudgetLine.objects.filter(project__in=Project.objects.filter(project_read_q(user)).values("pk"))
    if project is not None:
        lines = lines.filter(project=project)
    if plan is not None:
        lines = lines.filter(project__plan=plan)
    labels = dict(BudgetSource.choices)
    rows = lines.values("source").annotate(amount=Sum("amount")).order_by("source")
    by_source = [
        BudgetTotal(row["source"], str(labels.get(row["source"], row["source"])), row["amount"])
        for row in rows
    ]
    return BudgetTotals(by_source=by_source, total=sum((row.amount for row in by_source), Decimal(0)))
