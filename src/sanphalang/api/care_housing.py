"""API routes of housing works: reads through care/selectors/housing.py (the works of households the caller sees;
the totals for anyone of the areas), writes through care/services/housing.py."""

from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.care.selectors import housing as selectors
from sanphalang.care.services import housing as services
from sanphalang.plans.selectors.projects import project_list

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_care_housing import (
    HousingMoveIn,
    HousingQuery,
    HousingTotalsOut,
    HousingWorkIn,
    HousingWorkOut,
    HousingWorkPatch,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["care"])


def _project(user, fields: dict) -> dict:
    if "project_id" in fields:
        pk = fields.pop("project_id")
        fields["project"] = None
        if pk is not None:
            fields["project"] = project_list(user=user).filter(pk=pk).first()
            if fields["project"] is None:
                raise ApiError(
                    422, _("No such record, or it is outside your areas."), code="invalid", field="project_id"
                )
    return fields


def _criteria(filters: HousingQuery) -> dict:
    area = filters.area.strip()
    return {
        "project_id": filters.project_id,
        "area_code": area if area.isdigit() else None,
        "status": filters.status,
        "programme": filters.programme,
    }


@router.get("/care/housing", response=page_of(HousingWorkOut))
def list_housing_works(request, filters: Query[HousingQuery]):
    return paginate(selectors.housing_list(user=request.auth, **_criteria(filters)), filters)


@router.get("/care/housing/totals", response=HousingTotalsOut)
def get_housing_totals(request, filters: Query[HousingQuery]):
    return selectors.housing_totals(user=request.auth, **_criteria(filters))


@router.post("/care/housing", response={201: HousingWorkOut})
def create_housing_work(request, payload: HousingWorkIn):
    fields = _project(request.auth, payload.dict())
    household = selectors.household_for_housing(user=request.auth, pk=fields.pop("household_id"))
    return Status(201, services.housing_work_create(by=request.auth, household=household, **fields))


@router.get("/care/housing/{housing_id}", response=HousingWorkOut)
def get_housing_work(request, housing_id: RecordId):
    return selectors.housing_get(user=request.auth, pk=housing_id, channel="api")


@router.patch("/care/housing/{housing_id}", response={200: HousingWorkOut, **CONFLICT})
def update_housing_work(request, housing_id: RecordId, payload: HousingWorkPatch):
    housing = selectors.housing_get_for_change(user=request.auth, pk=housing_id, channel="api")
    fields = _project(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    if "programme" in fields and fields["programme"] is None:
        raise ApiError(422, _("This field is required."), code="invalid", field="programme")
    if fields.get("work", "") is None:
        fields["work"] = ""
    return services.housing_work_update(by=request.auth, housing=housing, **fields)


@router.post("/care/housing/{housing_id}/status", response={200: HousingWorkOut, **CONFLICT})
def move_housing_work(request, housing_id: RecordId, payload: HousingMoveIn):
    housing = selectors.housing_get_for_change(user=request.auth, pk=housing_id, channel="api")
    fields = built_on(request, payload.dict())
    return services.housing_work_move(by=request.auth, housing=housing, **fields)
