"""API routes of the progress of targets: roll-ups up the area tree (a target, a plan, a province, a region's
comparison of its provinces), the series of a target period by period, and progress entries: submitted by an area,
corrected, approved or returned by the province, and periods approved (locked) and reopened by an administrator.

Reads go through the progress selectors and writes through its services, so the areas a caller sees, the approvals
asked for and the history kept are those of the pages. An error of the plans app answers with its own code (a
change to an approved, locked period: 409 period_locked).
"""

from collections.abc import Callable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.areas.scoping import require_writer
from sanphalang.errors import VersionConflict
from sanphalang.meetings.selectors.meetings import meeting_list
from sanphalang.plans.errors import PlanError
from sanphalang.plans.selectors import progress as selectors
from sanphalang.plans.selectors import targets as target_selectors
from sanphalang.plans.selectors.overview import region_for, region_years
from sanphalang.plans.selectors.plans import plan_get, plan_get_for_change
from sanphalang.plans.selectors.progress import plan_parent
from sanphalang.plans.services import progress as services
from sanphalang.thai.dates import BE_OFFSET
from sanphalang.thai.digits import to_arabic_digits

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_plans_progress import (
    ComparisonOut,
    ComparisonQuery,
    DecisionIn,
    EntryIn,
    EntryOut,
    EntryPatch,
    EntryQuery,
    PeriodLockOut,
    PlanProgressOut,
    PlanProgressQuery,
    ProvinceRollupOut,
    ProvinceRollupQuery,
    ReopenIn,
    ReturnIn,
    RollupQuery,
    SeriesOut,
    SeriesQuery,
    TargetProgressOut,
)
from .thai_fields import RecordId, ThaiDate
from .versions import CONFLICT, built_on

router = Router(tags=["plans: progress"])

# Refusals that say the record's state stands in the way, not that the input is malformed: 409.
STATE_CONFLICTS = {
    error.code
    for error in (
        PlanError.PERIOD_LOCKED,
        PlanError.PERIOD_NOT_LOCKED,
        PlanError.ENTRY_EXISTS,
        PlanError.ENTRY_ALREADY_APPROVED,
        PlanError.NOTHING_TO_APPROVE,
    )
}
# A selector's field named as the API's parameter.
API_FIELDS = {"level": "area"}


def _answer(call: Callable, **arguments):
    """The service's or selector's result; a refusal of the plans app answers with its own code and field."""
    try:
        return call(**arguments)
    except VersionConflict:
        raise  # answered with 409 and both sides (api/versions.py)
    except ValidationError as error:
        found = [
            (None if field == NON_FIELD_ERRORS else field, item)
            for field, items in (
                error.error_dict.items() if hasattr(error, "error_dict") else [(None, error.error_list)]
            )
            for item in items
        ]
        if len(found) != 1 or not found[0][1].code:
            raise
        field, item = found[0]
        message = item.message % item.params if item.params else item.message
        status = 409 if item.code in STATE_CONFLICTS else 422
        raise ApiError(status, str(message), code=item.code, field=API_FIELDS.get(field, field)) from None


def _meeting(user, pk):
    """The evidence meeting an id names; one the caller cannot see is bad input (422), not a missing page."""
    if pk is None:
        return None
    found = meeting_list(user=user).filter(pk=pk).first()
    if found is None:
        raise ApiError(
            422, _("No such record, or it is outside your areas."), code="invalid", field="evidence_meeting"
        )
    return found


# ---- roll-ups


@router.get("/plans/targets/{target_id}/progress", response=TargetProgressOut)
def target_progress(request, target_id: RecordId, filters: Query[RollupQuery]):
    """The target's figure for an area of its plan (the plan's own by default) and each area one level below:
    approved progress, what waits for approval, the target and where each comes from, and the status."""
    indicator = target_selectors.indicator_get(user=request.auth, pk=target_id)
    return _answer(
        selectors.indicator_rollup,
        user=request.auth,
        indicator=indicator,
        area_code=filters.area,
        upto=filters.upto,
        period=filters.period,
    )


@router.get("/plans/targets/{target_id}/series", response=SeriesOut)
def target_series(request, target_id: RecordId, filters: Query[SeriesQuery]):
    """The target period by period for one area: what each period added (or its standing) and the cumulative
    figure, and whether the province has approved and locked the period."""
    indicator = target_selectors.indicator_get(user=request.auth, pk=target_id)
    periods = _answer(
        selectors.indicator_series, user=request.auth, indicator=indicator, area_code=filters.area
    )
    return {
        "target": indicator,
        "area_code": filters.area or plan_parent(indicator.plan).code,
        "periods": periods,
    }


@router.get("/plans/{plan_id}/progress", response=PlanProgressOut)
def plan_progress(request, plan_id: RecordId, filters: Query[PlanProgressQuery]):
    """Every target of the plan, for the plan's area (or region) and the areas one level below it."""
    plan = plan_get(user=request.auth, pk=plan_id)
    targets = _answer(selectors.plan_progress, user=request.auth, plan=plan, upto=filters.upto)
    return {
        "plan_id": plan.pk,
        "title": plan.title,
        "year_be": plan.year_be,
        "area_code": plan_parent(plan).code,
        "targets": targets,
    }


@router.get("/plans/provinces/{province_code}/rollup", response=ProvinceRollupOut)
def province_rollup(request, province_code: str, filters: Query[ProvinceRollupQuery]):
    """Every target of the province's own plans of a year, for the province and each of its districts."""
    province_code = to_arabic_digits(province_code.strip())
    targets = _answer(
        selectors.province_rollup, user=request.auth, province_code=province_code, year_be=filters.year
    )
    year = filters.year or (targets[0].indicator.plan.year_be if targets else None)
    return {"province_code": province_code, "year_be": year, "targets": targets}


@router.get("/plans/regions/{slug}/comparison", response=ComparisonOut)
def region_comparison(request, slug: str, filters: Query[ComparisonQuery]):
    """For each common measure the region's provinces track, per province: the target and progress of the year
    and of the year before, side by side."""
    region = region_for(user=request.auth, slug=slug)
    years = region_years(user=request.auth, region=region)
    year = filters.year or (years[0] if years else timezone.localdate().year + BE_OFFSET)
    measures = selectors.region_comparison(user=request.auth, region=region, year_be=year)
    return {"region": region.slug, "year_be": year, "measures": measures}


# ---- entries


@router.get("/plans/{plan_id}/entries", response=page_of(EntryOut))
def list_entries(request, plan_id: RecordId, filters: Query[EntryQuery]):
    plan = plan_get(user=request.auth, pk=plan_id)
    entries = selectors.entry_list(
        user=request.auth, plan=plan, period=filters.period, status=filters.status
    ).select_related("indicator__plan")
    # the selector's order, made total
    entries = entries.order_by("-period_start", "indicator__order", "indicator_id", "area__sort_key", "pk")
    return paginate(entries, filters)


@router.get("/plans/entries/{entry_id}", response=EntryOut)
def get_entry(request, entry_id: RecordId):
    return selectors.entry_get(user=request.auth, pk=entry_id)


@router.post("/plans/targets/{target_id}/entries", response={201: EntryOut})
def submit_entry(request, target_id: RecordId, payload: EntryIn):
    """An area's progress for one period, with its evidence: what was done, the address of a record and a meeting
    that show it. It waits for the province's approval before it counts. The API takes no evidence file: attach
    one on the entry's page."""
    indicator = target_selectors.indicator_get(user=request.auth, pk=target_id)
    require_writer(request.auth)  # a read-only caller is refused before their input is judged
    fields = payload.dict()
    entry = _answer(
        services.progress_submit,
        by=request.auth,
        indicator=indicator,
        area_code=fields["area_code"],
        period_start=fields["period"],
        value=fields["value"],
        denominator=fields["denominator"],
        note=fields["note"],
        evidence_link=fields["evidence_link"],
        evidence_meeting=_meeting(request.auth, fields["evidence_meeting"]),
    )
    return Status(201, selectors.entry_get(user=request.auth, pk=entry.pk))


@router.patch("/plans/entries/{entry_id}", response={200: EntryOut, **CONFLICT})
def correct_entry(request, entry_id: RecordId, payload: EntryPatch):
    """Correct an entry's figure or evidence: it waits for approval again. A field left out is kept."""
    entry = selectors.entry_get_for_change(user=request.auth, pk=entry_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    for name in ("value", "note", "evidence_link"):
        if name in fields and fields[name] is None:
            raise ApiError(422, _("This field is required."), code="invalid", field=name)
    evidence = {name: fields[name] for name in ("note", "evidence_link") if name in fields}
    if "evidence_meeting" in fields:
        evidence["evidence_meeting"] = _meeting(request.auth, fields["evidence_meeting"])
    _answer(
        services.progress_correct,
        by=request.auth,
        entry=entry,
        value=fields.get("value", entry.value),
        denominator=fields.get("denominator", entry.denominator),
        version=fields.get("version"),
        **evidence,
    )
    return selectors.entry_get(user=request.auth, pk=entry_id)


@router.delete("/plans/entries/{entry_id}", response={204: None})
def delete_entry(request, entry_id: RecordId):
    """Withdraw an entry not approved yet, of a period still open."""
    entry = selectors.entry_get_for_change(user=request.auth, pk=entry_id)
    _answer(services.progress_delete, by=request.auth, entry=entry)
    return Status(204, None)


@router.post("/plans/entries/{entry_id}/approve", response={200: EntryOut, **CONFLICT})
def approve_entry(request, entry_id: RecordId, payload: DecisionIn | None = None):
    """The province approves one entry: from now on it counts."""
    entry = selectors.entry_get_for_decision(user=request.auth, pk=entry_id)
    fields = built_on(request, payload.dict(exclude_unset=True) if payload else {})
    _answer(services.progress_approve, by=request.auth, entry=entry, version=fields.get("version"))
    return selectors.entry_get(user=request.auth, pk=entry_id)


@router.post("/plans/entries/{entry_id}/return", response={200: EntryOut, **CONFLICT})
def return_entry(request, entry_id: RecordId, payload: ReturnIn):
    """The province sends an entry back to its area, saying what to correct; it does not count meanwhile."""
    entry = selectors.entry_get_for_decision(user=request.auth, pk=entry_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    _answer(
        services.progress_return,
        by=request.auth,
        entry=entry,
        reason=fields["reason"],
        version=fields.get("version"),
    )
    return selectors.entry_get(user=request.auth, pk=entry_id)


# ---- approved periods


@router.post("/plans/{plan_id}/periods/{period}/approve", response={201: PeriodLockOut})
def approve_period(request, plan_id: RecordId, period: ThaiDate):
    """The province approves every entry of the period still waiting and locks the period: nothing in it changes
    until an administrator reopens it. Returned entries stay returned."""
    plan = plan_get_for_change(user=request.auth, pk=plan_id)
    return Status(201, _answer(services.period_approve, by=request.auth, plan=plan, period_start=period))


@router.post("/plans/{plan_id}/periods/{period}/reopen", response=PeriodLockOut)
def reopen_period(request, plan_id: RecordId, period: ThaiDate, payload: ReopenIn):
    """An administrator reopens an approved period, saying why; the lock stays on record with who and when."""
    plan = plan_get(user=request.auth, pk=plan_id)
    return _answer(
        services.period_reopen, by=request.auth, plan=plan, period_start=period, reason=payload.reason
    )
