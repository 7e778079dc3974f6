"""Project pages: the plan's list exported to Excel, a project's page with its budget, and its forms."""

from decimal import Decimal

from sanphalang.plans.models import Project
from sanphalang.plans.services.projects import budget_line_add, project_create

from .projects_data import PROJECT_NAMES, phayao_plan  # noqa: F401


def test_the_project_page_shows_owner_budget_by_source_and_total(cast, client_for, phayao_plan):  # noqa: F811
    project = project_create(by=cast.phayao_coordinator, plan=phayao_plan, name=PROJECT_NAMES[3])
    budget_line_add(by=cast.phayao_coordinator, project=project, source="codi", amount=Decimal(1000))
    budget_line_add(by=cast.phayao_coordinator, project=project, source="pao", amount=Decimal(500))
    page = client_for(cast.phayao_coordinator).get(f"/plans/projects/{project.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert PROJECT_NAMES[3] in text and "1,500.00" in text


def test_a_coordinator_adds_a_project_with_thai_digits_in_its_budget(cast, client_for, phayao_plan):  # noqa: F811
    client = client_for(cast.phayao_coordinator)
    answer = client.post(
        f"/plans/{phayao_plan.pk}/projects/new/",
        {"name": PROJECT_NAMES[0], "area_code": "56", "status": "planned"},
    )
    project = Project.objects.get()
    assert answer.status_code == 302
    client.post(
        f"/plans/projects/{project.pk}/budget/", {"budget-source": "codi", "budget-amount": "๒๕๐,๐๐๐"}
    )
    assert project.budget_lines.get().amount == 250000


def test_the_project_list_exports_to_excel(cast, client_for, phayao_plan):  # noqa: F811
    for name in PROJECT_NAMES:
        project_create(by=cast.phayao_coordinator, plan=phayao_plan, name=name)
    answer = client_for(cast.phayao_coordinator).get(f"/plans/{phayao_plan.pk}/projects/?export=xlsx")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/vnd.openxmlformats")


def test_another_province_gets_no_project_page(cast, client_for, phayao_plan):  # noqa: F811
    project = project_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ก")
    assert client_for(cast.maesai_coordinator).get(f"/plans/projects/{project.pk}/").status_code == 404
