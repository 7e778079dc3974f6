"""The API of projects, budget lines, targets and splits: the same rules as the pages, ETags on the split."""

from decimal import Decimal

from sanphalang.plans.services.targets import indicator_create
from tests.plans.projects_data import PROJECT_NAMES, housing_split, phayao_plan  # noqa: F401


def test_a_project_with_budget_lines_through_the_api(cast, api_for, phayao_plan):  # noqa: F811
    api = api_for(cast.phayao_coordinator)
    created = api.post(f"/api/plans/{phayao_plan.pk}/projects", {"name": PROJECT_NAMES[2]})
    assert created.status_code == 201, created.content
    project = created.json()
    line = api.post(f"/api/projects/{project['id']}/budget-lines", {"source": "codi", "amount": "๑๐๐,๐๐๐"})
    assert line.status_code == 201, line.content
    detail = api.get(f"/api/projects/{project['id']}").json()
    assert Decimal(detail["budget_total"]) == 100000
    assert api_for(cast.maesai_coordinator).get(f"/api/projects/{project['id']}").status_code == 404


def test_a_split_is_put_whole_with_its_etag(cast, api_for, phayao_plan):  # noqa: F811
    housing = indicator_create(
        by=cast.phayao_coordinator, plan=phayao_plan, name="ครัวเรือน", target=Decimal(618)
    )
    api = api_for(cast.phayao_coordinator)
    read = api.get(f"/api/indicators/{housing.pk}/splits")
    assert read["ETag"] == 'W/"1"'
    lines = [{"area_code": code, "target": str(value)} for code, value in housing_split().items()]
    saved = api.put(f"/api/indicators/{housing.pk}/splits", {"splits": lines, "version": 1})
    assert saved.status_code == 200, saved.content
    assert saved.json()["adds_up"] and saved["ETag"] == 'W/"2"'
    stale = api.put(f"/api/indicators/{housing.pk}/splits", {"splits": lines[:1], "version": 1})
    assert stale.status_code == 409
    short = api.put(f"/api/indicators/{housing.pk}/splits", {"splits": lines[:1]})
    assert short.json()["flags"][0]["code"] == "split_sum_differs"
    other = api_for(cast.chiangrai_coordinator).put(f"/api/indicators/{housing.pk}/splits", {"splits": lines})
    assert other.status_code == 404
