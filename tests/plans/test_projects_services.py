"""Projects of a plan and their budget lines (S7: Phayao's four provincial projects of 2565 BE)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sanphalang.errors import AccessDenied
from sanphalang.plans.models import EntryStatus, Indicator, ProgressEntry, Project
from sanphalang.plans.selectors.projects import budget_totals, project_list
from sanphalang.plans.services.projects import (
    budget_line_add,
    budget_line_update,
    project_create,
    project_delete,
    project_update,
)

from .projects_data import PROJECT_NAMES, phayao_plan  # noqa: F401


def test_the_four_phayao_projects_belong_to_the_province(cast, phayao_plan):  # noqa: F811
    # when the province adds its four projects
    for name in PROJECT_NAMES:
        project_create(by=cast.phayao_coordinator, plan=phayao_plan, name=name)
    # then each lives in the plan's area, and a district coordinator elsewhere in Thailand reads none of them
    assert set(Project.objects.values_list("area_id", flat=True)) == {"56"}
    assert project_list(user=cast.phayao_coordinator, plan=phayao_plan).count() == 4
    assert project_list(user=cast.maesai_coordinator, plan=phayao_plan).count() == 0


def test_a_project_may_belong_to_a_district_of_the_plan(cast, phayao_plan):  # noqa: F811
    project = project_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ก", area_code="5602")
    assert project.area_id == "5602"


def test_a_project_outside_the_plans_area_is_refused(cast, phayao_plan):  # noqa: F811
    with pytest.raises(ValidationError) as refused:
        project_create(by=cast.admin, plan=phayao_plan, name="ก", area_code="5701")
    assert refused.value.error_dict["area_code"][0].code == "area_outside_owner"
    assert not Project.objects.exists()


def test_another_province_cannot_add_or_change_projects(cast, phayao_plan):  # noqa: F811
    with pytest.raises(AccessDenied):
        project_create(by=cast.chiangrai_coordinator, plan=phayao_plan, name="ก")
    project = project_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ก")
    with pytest.raises(AccessDenied):
        project_update(by=cast.chiangrai_coordinator, project=project, name="ข")


def test_a_project_cannot_end_before_it_starts(cast, phayao_plan):  # noqa: F811
    import datetime as dt

    with pytest.raises(ValidationError):
        project_create(
            by=cast.phayao_coordinator,
            plan=phayao_plan,
            name="ก",
            starts_on=dt.date(2022, 1, 1),
            ends_on=dt.date(2021, 1, 1),
        )


def test_an_external_id_is_unique_per_plan(cast, phayao_plan):  # noqa: F811
    project_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ก", external_id="P-1")
    with pytest.raises(ValidationError):
        project_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ข", external_id="P-1")


def test_areas_where_it_works_lie_in_the_plan(cast, phayao_plan):  # noqa: F811
    project = project_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ก", areas=["5601", "5602"])
    assert sorted(project.areas.values_list("code", flat=True)) == ["5601", "5602"]
    with pytest.raises(ValidationError):
        project_update(by=cast.phayao_coordinator, project=project, areas=["5701"])


def test_budget_lines_add_up_by_source_in_one_query(cast, phayao_plan, django_assert_num_queries):  # noqa: F811
    project = project_create(by=cast.phayao_coordinator, plan=phayao_plan, name=PROJECT_NAMES[3])
    budget_line_add(by=cast.phayao_coordinator, project=project, source="codi", amount=Decimal("1200000"))
    budget_line_add(by=cast.phayao_coordinator, project=project, source="codi", amount=Decimal("300000"))
    budget_line_add(by=cast.phayao_coordinator, project=project, source="pao", amount=Decimal("50000.50"))
    with django_assert_num_queries(1):
        totals = budget_totals(user=cast.phayao_coordinator, project=project)
    assert [(row.source, row.amount) for row in totals.by_source] == [
        ("codi", 1500000),
        ("pao", Decimal("50000.50")),
    ]
    assert totals.total == Decimal("1550000.50")


def test_a_budget_line_needs_an_amount_above_zero(cast, phayao_plan):  # noqa: F811
    project = project_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ก")
    with pytest.raises(ValidationError):
        budget_line_add(by=cast.phayao_coordinator, project=project, source="codi", amount=Decimal(0))
    line = budget_line_add(by=cast.phayao_coordinator, project=project, source="codi", amount=Decimal(5))
    with pytest.raises(ValidationError):
        budget_line_update(by=cast.phayao_coordinator, line=line, amount=Decimal(-1))
    with pytest.raises(AccessDenied):
        budget_line_update(by=cast.chiangrai_coordinator, line=line, amount=Decimal(6))


def test_a_project_with_approved_progress_cannot_be_deleted(cast, phayao_plan):  # noqa: F811
    project = project_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ก")
    indicator = Indicator.objects.create(plan=phayao_plan, project=project, name="ครัวเรือน", target=10)
    entry = ProgressEntry.objects.create(
        indicator=indicator, area_id="5601", period_start="2021-10-01", value=2, status=EntryStatus.APPROVED
    )
    with pytest.raises(ValidationError):
        project_delete(by=cast.phayao_coordinator, project=project)
    entry.delete()
    project_delete(by=cast.phayao_coordinator, project=project)
    assert not Project.objects.exists() and not Indicator.objects.exists()
