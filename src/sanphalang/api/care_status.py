"""API routes of legal status cases (S8): reads through care/selectors/status.py (only for those who see a person's
legal status; the stuck summary holds counts for anyone of the areas), writes through care/services/status.py.
Documents are listed and recorded here by their metadata; files go through the web pages."""

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.accounts.audit import log_reads
from sanphalang.care.selectors import status as selectors
from sanphalang.care.selectors.shown import member_shown
from sanphalang.care.services import status as services
from sanphalang.directory.selectors import organisation_list

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_care_status import (
    StatusCaseDetailOut,
    StatusCaseIn,
    StatusCaseOut,
    StatusCasePatch,
    StatusCaseQuery,
    StatusDocumentIn,
    StatusDocumentOut,
    StatusEventIn,
    StatusEventOut,
    StuckOut,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["care"])


def _agency(user, fields: dict) -> dict:
    if "agency_id" in fields:
        pk = fields.pop("agency_id")
        fields["agency"] = None
        if pk is not None:
            fields["agency"] = organisation_list(user=user).prefetch_related(None).filter(pk=pk).first()
            if fields["agency"] is None:
                raise ApiError(
                    422, _("No such record, or it is outside your areas."), code="invalid", field="agency_id"
                )
    return fields


def _case_out(user, case) -> dict:
    at_step = getattr(case, "at_step", None)
    return {
        "id": case.pk,
        "version": case.version,
        "member_id": case.member_id,
        "person_name": str(member_shown(user=user, member=case.member).name),
        "area_code": case.area_id,
        "status_sought": case.status_sought,
        "agency_id": case.agency_id,
        "opened_on": case.opened_on,
        "step": case.step,
        "step_since": case.step_since,
        "days_at_step": at_step.days
        if at_step is not None
        else (timezone.localdate() - case.step_since).days,
        "note": case.note,
    }


def _detail(user, pk: int) -> dict:
    case = selectors.status_case_get(user=user, pk=pk, channel="api")
    return {
        **_case_out(user, case),
        "events": list(case.events.all()),
        "documents": list(case.documents.all()),
    }


@router.get("/care/status-cases", response=page_of(StatusCaseOut))
def list_status_cases(request, filters: Query[StatusCaseQuery]):
    cases = selectors.status_case_list(
        user=request.auth,
        step=filters.step,
        agency_id=filters.agency_id,
        include_closed=filters.include_closed,
    )
    page = paginate(cases, filters)
    log_reads(request.auth, page["items"], channel="api")
    page["items"] = [_case_out(request.auth, case) for case in page["items"]]
    return page


@router.get("/care/status-cases/stuck", response=list[StuckOut])
def get_status_stuck(request):
    return selectors.status_stuck(user=request.auth)


@router.post("/care/status-cases", response={201: StatusCaseDetailOut})
def open_status_case(request, payload: StatusCaseIn):
    fields = _agency(request.auth, payload.dict())
    member = selectors.member_for_status(user=request.auth, pk=fields.pop("member_id"))
    case = services.status_case_open(by=request.auth, member=member, **fields)
    return Status(201, _detail(request.auth, case.pk))


@router.get("/care/status-cases/{status_case_id}", response=StatusCaseDetailOut)
def get_status_case(request, status_case_id: RecordId):
    return _detail(request.auth, status_case_id)


@router.patch("/care/status-cases/{status_case_id}", response={200: StatusCaseDetailOut, **CONFLICT})
def update_status_case(request, status_case_id: RecordId, payload: StatusCasePatch):
    case = selectors.status_case_get_for_change(user=request.auth, pk=status_case_id, channel="api")
    fields = _agency(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    if "status_sought" in fields and fields["status_sought"] is None:
        raise ApiError(422, _("This field is required."), code="invalid", field="status_sought")
    if fields.get("note", "") is None:
        fields["note"] = ""
    services.status_case_update(by=request.auth, case=case, **fields)
    return _detail(request.auth, status_case_id)


@router.get("/care/status-cases/{status_case_id}/events", response=list[StatusEventOut])
def list_status_events(request, status_case_id: RecordId):
    return list(selectors.status_case_get(user=request.auth, pk=status_case_id, channel="api").events.all())


@router.post("/care/status-cases/{status_case_id}/events", response={201: StatusEventOut})
def record_status_event(request, status_case_id: RecordId, payload: StatusEventIn):
    case = selectors.status_case_get_for_change(user=request.auth, pk=status_case_id, channel="api")
    return Status(201, services.status_step_record(by=request.auth, case=case, **payload.dict()))


@router.get("/care/status-cases/{status_case_id}/documents", response=list[StatusDocumentOut])
def list_status_documents(request, status_case_id: RecordId):
    return list(
        selectors.status_case_get(user=request.auth, pk=status_case_id, channel="api").documents.all()
    )


@router.post("/care/status-cases/{status_case_id}/documents", response={201: StatusDocumentOut})
def add_status_document(request, status_case_id: RecordId, payload: StatusDocumentIn):
    case = selectors.status_case_get_for_change(user=request.auth, pk=status_case_id, channel="api")
    return Status(201, services.status_document_add(by=request.auth, case=case, **payload.dict()))
