"""API routes of disaster-risk areas (S6): the watch list, incidents and the households they hit, and the risk
calendar. Reads go through care/selectors/risks.py and writes through care/services/risks.py."""

from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.care.selectors import risks as selectors
from sanphalang.care.services import risks as services

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_care_risks import (
    AffectedIn,
    AffectedOut,
    CalendarRowOut,
    IncidentDetailOut,
    IncidentIn,
    IncidentOut,
    IncidentPatch,
    IncidentQuery,
    RiskAreaDetailOut,
    RiskAreaIn,
    RiskAreaOut,
    RiskAreaPatch,
    RiskAreaQuery,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["care"])


def _required(fields: dict, *names: str) -> dict:
    for name in names:
        if name in fields and fields[name] is None:
            raise ApiError(422, _("This field is required."), code="invalid", field=name)
    return fields


def _code(value: str) -> str | None:
    value = (value or "").strip()
    return value if value.isdigit() else None


def _risk_area_out(user, risk_area):
    risk_area.incidents_per_year = selectors.risk_area_history(user=user, risk_area=risk_area)
    return risk_area


# ---- the watch list


@router.get("/care/risk-areas", response=page_of(RiskAreaOut))
def list_risk_areas(request, filters: Query[RiskAreaQuery]):
    entries = selectors.risk_area_list(
        user=request.auth,
        area_code=_code(filters.area),
        hazard=filters.hazard,
        in_season_now=filters.in_season_now,
    )
    return paginate(entries, filters)


@router.post("/care/risk-areas", response={201: RiskAreaDetailOut})
def create_risk_area(request, payload: RiskAreaIn):
    risk_area = services.risk_area_create(by=request.auth, **payload.dict())
    return Status(201, _risk_area_out(request.auth, risk_area))


@router.get("/care/risk-areas/{risk_area_id}", response=RiskAreaDetailOut)
def get_risk_area(request, risk_area_id: RecordId):
    return _risk_area_out(request.auth, selectors.risk_area_get(user=request.auth, pk=risk_area_id))


@router.patch("/care/risk-areas/{risk_area_id}", response={200: RiskAreaDetailOut, **CONFLICT})
def update_risk_area(request, risk_area_id: RecordId, payload: RiskAreaPatch):
    risk_area = selectors.risk_area_get_for_change(user=request.auth, pk=risk_area_id)
    fields = _required(
        built_on(request, payload.dict(exclude_unset=True)),
        "hazard",
        "season_starts",
        "season_ends",
        "listed_on",
        "is_active",
        "note",
    )
    services.risk_area_update(by=request.auth, risk_area=risk_area, **fields)
    return _risk_area_out(request.auth, risk_area)


@router.delete("/care/risk-areas/{risk_area_id}", response={204: None})
def delete_risk_area(request, risk_area_id: RecordId):
    risk_area = selectors.risk_area_get_for_change(user=request.auth, pk=risk_area_id)
    services.risk_area_delete(by=request.auth, risk_area=risk_area)
    return Status(204, None)


@router.get("/care/risk-calendar/{province_code}", response=list[CalendarRowOut])
def get_risk_calendar(request, province_code: str):
    code = _code(province_code)
    if code is None or len(code) != 2:
        raise ApiError(
            422, _("Give a province's two-digit code, such as 57."), code="invalid", field="province_code"
        )
    return selectors.risk_calendar(user=request.auth, province_code=code)


# ---- incidents


def _incident_out(user, incident):
    page = selectors.incident_page(user=user, incident=incident, channel="api")
    incident.affected_count = page.affected_count
    incident.affected_households = [
        {
            "id": row.pk,
            "household_id": row.household.pk,
            "house_number": row.household.house_number,
            "head_name": str(row.head.name) if row.head and row.head.fields.identity else None,
            "damage": row.damage,
        }
        for row in page.affected
    ]
    incident.help, incident.help_total = page.help, page.help_total
    incident.payments, incident.paid_total = page.payments, page.paid_total
    return incident


@router.get("/care/incidents", response=page_of(IncidentOut))
def list_incidents(request, filters: Query[IncidentQuery]):
    incidents = selectors.incident_list(
        user=request.auth, area_code=_code(filters.area), hazard=filters.hazard
    )
    return paginate(incidents, filters)


@router.post("/care/incidents", response={201: IncidentDetailOut})
def create_incident(request, payload: IncidentIn):
    incident = services.incident_create(by=request.auth, **payload.dict())
    return Status(201, _incident_out(request.auth, incident))


@router.get("/care/incidents/{incident_id}", response=IncidentDetailOut)
def get_incident(request, incident_id: RecordId):
    return _incident_out(request.auth, selectors.incident_get(user=request.auth, pk=incident_id))


@router.patch("/care/incidents/{incident_id}", response={200: IncidentDetailOut, **CONFLICT})
def update_incident(request, incident_id: RecordId, payload: IncidentPatch):
    incident = selectors.incident_get_for_change(user=request.auth, pk=incident_id)
    fields = _required(
        built_on(request, payload.dict(exclude_unset=True)), "hazard", "occurred_on", "description"
    )
    services.incident_update(by=request.auth, incident=incident, **fields)
    return _incident_out(request.auth, incident)


@router.post("/care/incidents/{incident_id}/households", response={201: AffectedOut})
def add_affected_household(request, incident_id: RecordId, payload: AffectedIn):
    incident = selectors.incident_get_for_change(user=request.auth, pk=incident_id)
    affected = services.affected_household_add(
        by=request.auth, incident=incident, household_pk=payload.household_id, damage=payload.damage
    )
    return Status(
        201,
        {
            "id": affected.pk,
            "household_id": affected.household_id,
            "house_number": affected.household.house_number,
            "damage": affected.damage,
        },
    )


@router.delete("/care/affected-households/{affected_id}", response={204: None})
def remove_affected_household(request, affected_id: RecordId):
    affected = selectors.affected_get_for_change(user=request.auth, pk=affected_id)
    services.affected_household_remove(by=request.auth, affected=affected)
    return Status(204, None)
