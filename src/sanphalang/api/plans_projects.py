"""API routes of projects, budget lines, targets and their split over areas: reads through the plans selectors
(a plan is read province-wide), writes through the plans services."""

from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.directory.selectors import issue_area_list, organisation_list
from sanphalang.plans.models import MainWork, Measure
from sanphalang.plans.selectors.plans import plan_get
from sanphalang.plans.selectors.projects import (
    budget_line_get_for_change,
    budget_totals,
    project_get,
    project_get_for_change,
    project_list,
)
from sanphalang.plans.selectors.targets import (
    indicator_get,
    indicator_get_for_change,
    indicator_list,
    indicator_splits,
)
from sanphalang.plans.services.projects import (
    budget_line_add,
    budget_line_remove,
    budget_line_update,
    project_create,
    project_delete,
    project_update,
)
from sanphalang.plans.services.targets import (
    indicator_create,
    indicator_delete,
    indicator_update,
    target_splits_set,
)

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_plans_projects import (
    BudgetLineIn,
    BudgetLineOut,
    BudgetLinePatch,
    IndicatorIn,
    IndicatorOut,
    IndicatorPatch,
    ProjectDetailOut,
    ProjectIn,
    ProjectOut,
    ProjectPatch,
    ProjectQuery,
    SplitsIn,
    SplitsOut,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["plans"])


def _unknown(field: str) -> ApiError:
    return ApiError(422, _("No such record, or it is outside your areas."), code="invalid", field=field)


def _one(queryset, pk, field: str):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise _unknown(field)
    return found


def _project_references(user, plan, fields: dict) -> dict:
    """The payload with each id replaced by the record it names; one the caller cannot see is bad input (422)."""
    organisations = organisation_list(user=user)
    if fields.get("owner") is not None:
        fields["owner"] = _one(organisations, fields["owner"], "owner")
    if fields.get("main_work") is not None:
        fields["main_work"] = _one(MainWork.objects.filter(plan=plan), fields["main_work"], "main_work")
    if fields.get("partners") is not None:
        fields["partners"] = [_one(organisations, pk, "partners") for pk in fields["partners"]]
    if fields.get("issue_areas") is not None:
        visible = issue_area_list(user=user)
        fields["issue_areas"] = [
            _one(visible, item, "issue_areas") if str(item).isdigit() else _by_slug(visible, item)
            for item in fields["issue_areas"]
        ]
    return fields


def _by_slug(queryset, slug):
    found = queryset.filter(slug=slug).first()
    if found is None:
        raise _unknown("issue_areas")
    return found


def _project_out(user, project_id: int):
    project = project_get(user=user, pk=project_id)
    totals = budget_totals(user=user, project=project)
    project.budget_by_source = [{"source": row.source, "amount": row.amount} for row in totals.by_source]
    project.budget_total = totals.total
    return project


# ---- projects


@router.get("/plans/{plan_id}/projects", response=page_of(ProjectOut))
def list_projects(request, plan_id: RecordId, filters: Query[ProjectQuery]):
    plan = plan_get(user=request.auth, pk=plan_id)
    projects = project_list(user=request.auth, plan=plan, search=filters.q.strip())
    return paginate(projects.prefetch_related("partners", "areas", "issue_areas"), filters)


@router.post("/plans/{plan_id}/projects", response={201: ProjectDetailOut})
def create_project(request, plan_id: RecordId, payload: ProjectIn):
    plan = plan_get(user=request.auth, pk=plan_id)
    fields = _project_references(request.auth, plan, payload.dict())
    project = project_create(by=request.auth, plan=plan, **fields)
    return Status(201, _project_out(request.auth, project.pk))


@router.get("/projects/{project_id}", response=ProjectDetailOut)
def get_project(request, project_id: RecordId):
    return _project_out(request.auth, project_id)


@router.patch("/projects/{project_id}", response={200: ProjectDetailOut, **CONFLICT})
def update_project(request, project_id: RecordId, payload: ProjectPatch):
    project = project_get_for_change(user=request.auth, pk=project_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    for name in ("name", "status"):
        if name in fields and fields[name] is None:
            raise ApiError(422, _("This field is required."), code="invalid", field=name)
    project_update(
        by=request.auth, project=project, **_project_references(request.auth, project.plan, fields)
    )
    return _project_out(request.auth, project_id)


@router.delete("/projects/{project_id}", response={204: None})
def delete_project(request, project_id: RecordId):
    project_delete(by=request.auth, project=project_get_for_change(user=request.auth, pk=project_id))
    return Status(204, None)


@router.get("/projects/{project_id}/budget-lines", response=list[BudgetLineOut])
def list_budget_lines(request, project_id: RecordId):
    return list(project_get(user=request.auth, pk=project_id).budget_lines.all())


@router.post("/projects/{project_id}/budget-lines", response={201: BudgetLineOut})
def add_budget_line(request, project_id: RecordId, payload: BudgetLineIn):
    project = project_get_for_change(user=request.auth, pk=project_id)
    fields = payload.dict()
    if fields.get("funder") is not None:
        fields["funder"] = _one(organisation_list(user=request.auth), fields["funder"], "funder")
    return Status(201, budget_line_add(by=request.auth, project=project, **fields))


@router.patch("/budget-lines/{line_id}", response={200: BudgetLineOut, **CONFLICT})
def update_budget_line(request, line_id: RecordId, payload: BudgetLinePatch):
    line = budget_line_get_for_change(user=request.auth, pk=line_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    for name in ("source", "amount"):
        if name in fields and fields[name] is None:
            raise ApiError(422, _("This field is required."), code="invalid", field=name)
    if fields.get("funder") is not None:
        fields["funder"] = _one(organisation_list(user=request.auth), fields["funder"], "funder")
    return budget_line_update(by=request.auth, line=line, **fields)


@router.delete("/budget-lines/{line_id}", response={204: None})
def remove_budget_line(request, line_id: RecordId):
    budget_line_remove(by=request.auth, line=budget_line_get_for_change(user=request.auth, pk=line_id))
    return Status(204, None)


# ---- targets


def _indicator_references(user, plan, fields: dict) -> dict:
    if fields.get("project") is not None:
        fields["project"] = _one(project_list(user=user, plan=plan), fields["project"], "project")
    if fields.get("main_work") is not None:
        fields["main_work"] = _one(MainWork.objects.filter(plan=plan), fields["main_work"], "main_work")
    if fields.get("measure") is not None:
        fields["measure"] = _measure(fields)
    return fields


def _measure(fields: dict):
    found = Measure.objects.filter(slug=fields["measure"]).first()
    if found is None:
        raise ApiError(422, _("No such common measure."), code="invalid", field="measure")
    return found


@router.get("/plans/{plan_id}/indicators", response=page_of(IndicatorOut))
def list_indicators(request, plan_id: RecordId, filters: Query[ProjectQuery]):
    plan = plan_get(user=request.auth, pk=plan_id)
    return paginate(indicator_list(user=request.auth, plan=plan), filters)


@router.post("/plans/{plan_id}/indicators", response={201: IndicatorOut})
def create_indicator(request, plan_id: RecordId, payload: IndicatorIn):
    plan = plan_get(user=request.auth, pk=plan_id)
    fields = _indicator_references(request.auth, plan, payload.dict())
    return Status(201, indicator_create(by=request.auth, plan=plan, **fields))


@router.get("/indicators/{indicator_id}", response=IndicatorOut)
def get_indicator(request, indicator_id: RecordId):
    return indicator_get(user=request.auth, pk=indicator_id)


@router.patch("/indicators/{indicator_id}", response={200: IndicatorOut, **CONFLICT})
def update_indicator(request, indicator_id: RecordId, payload: IndicatorPatch):
    indicator = indicator_get_for_change(user=request.auth, pk=indicator_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    for name in ("name", "target", "unit", "accumulates", "order"):
        if name in fields and fields[name] is None:
            raise ApiError(422, _("This field is required."), code="invalid", field=name)
    fields = _indicator_references(request.auth, indicator.plan, fields)
    indicator_update(by=request.auth, indicator=indicator, **fields)
    return indicator_get(user=request.auth, pk=indicator_id)


@router.delete("/indicators/{indicator_id}", response={204: None})
def delete_indicator(request, indicator_id: RecordId):
    indicator_delete(by=request.auth, indicator=indicator_get_for_change(user=request.auth, pk=indicator_id))
    return Status(204, None)


def _splits_out(user, indicator) -> dict:
    table = indicator_splits(user=user, indicator=indicator)
    return {
        "indicator_id": indicator.pk,
        "version": indicator.version,
        "target": indicator.target,
        "unit": indicator.unit,
        "summed": table.check.summed,
        "adds_up": table.check.adds_up,
        "total": table.check.total,
        "flags": [vars(flag) for flag in table.check.flags],
        "splits": [
            {
                "area_code": row.area.code,
                "area_name_th": row.area.name_th,
                "parent_code": table.check.parents.get(row.area.code),
                "target": row.split.target,
            }
            for row in table.rows
        ],
    }


@router.get("/indicators/{indicator_id}/splits", response=SplitsOut)
def get_splits(request, indicator_id: RecordId):
    return _splits_out(request.auth, indicator_get(user=request.auth, pk=indicator_id))


@router.put("/indicators/{indicator_id}/splits", response={200: SplitsOut, **CONFLICT})
def set_splits(request, indicator_id: RecordId, payload: SplitsIn):
    indicator = indicator_get_for_change(user=request.auth, pk=indicator_id)
    fields = built_on(request, payload.dict())
    splits = {line["area_code"]: line["target"] for line in fields["splits"]}
    target_splits_set(by=request.auth, indicator=indicator, splits=splits, version=fields.get("version"))
    return _splits_out(request.auth, indicator_get(user=request.auth, pk=indicator_id))
