"""API routes of the provincial social development fund (S5): reads through the fund's selectors (a fund is read in
its province), writes through its services (money moves only there)."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.care.models import FundDecision, FundRequest
from sanphalang.care.selectors import fund as selectors
from sanphalang.care.services import fund as services
from sanphalang.directory.selectors import organisation_list

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_care_fund import (
    FundDecisionIn,
    FundIn,
    FundPatch,
    LedgerEntryOut,
    LedgerQuery,
    MoneyIn,
    PageQuery,
    ReportOut,
    ReportQuery,
    RequestIn,
    RequestListQuery,
    RequestOut,
    ReversalIn,
    SocialFundDetailOut,
    SocialFundOut,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["care: social fund"])


def _unknown(field: str) -> ApiError:
    return ApiError(422, _("No such record, or it is outside your areas."), code="invalid", field=field)


def _references(user, fields: dict, province_codes: list[str]) -> dict:
    """The payload with each id replaced by the record it names; one the caller cannot see is bad input (422)."""
    if fields.get("organisation") is not None:
        found = organisation_list(user=user).filter(pk=fields["organisation"]).first()
        if found is None:
            raise _unknown("organisation")
        fields["organisation"] = found
    if fields.get("donor_organisation") is not None:
        found = organisation_list(user=user).filter(pk=fields["donor_organisation"]).first()
        if found is None:
            raise _unknown("donor_organisation")
        fields["donor_organisation"] = found
    if fields.get("committee") is not None:
        ids = set(fields["committee"])
        members = list(
            selectors.committee_candidates(user=user, province_codes=province_codes).filter(pk__in=ids)
        )
        if len(members) != len(ids):
            raise _unknown("committee")
        fields["committee"] = members
    return fields


def _fund_out(user, pk: int):
    fund = selectors.fund_get(user=user, pk=pk)
    fund.ledger_checked = selectors.ledger_balances(fund).balances
    return fund


def _requests_out(user, requests) -> list[dict]:
    shown = selectors.requests_shown(user=user, requests=requests)
    return [_request_out(request, shown[request.pk]) for request in requests]


def _request_out(request: FundRequest, shown) -> dict:
    return {
        "id": request.pk,
        "version": request.version,
        "fund_id": request.fund_id,
        "status": request.status,
        "amount": request.amount,
        "requested_on": request.requested_on,
        "subject": shown.subject,
        "case_id": shown.case_pk,
        "kind": shown.kind,
        "purpose": shown.purpose,
        "approvals": request.approvals,
        "decisions": [
            {
                "by": decision.by.get_full_name() or decision.by.username,
                "approves": decision.approves,
                "note": decision.note,
                "at": decision.at,
            }
            for decision in request.decisions.all()
        ],
    }


def _one_request_out(user, pk: int) -> dict:
    return _requests_out(user, [selectors.request_get(user=user, pk=pk)])[0]


# ---- funds


@router.get("/care/funds", response=page_of(SocialFundOut))
def list_funds(request, filters: Query[PageQuery]):
    return paginate(selectors.fund_list(user=request.auth), filters)


@router.post("/care/funds", response={201: SocialFundDetailOut})
def create_fund(request, payload: FundIn):
    fields = _references(request.auth, payload.dict(), [payload.area_code])
    fund = services.fund_create(by=request.auth, **fields)
    return Status(201, _fund_out(request.auth, fund.pk))


@router.get("/care/funds/{social_fund_id}", response=SocialFundDetailOut)
def get_fund(request, social_fund_id: RecordId):
    return _fund_out(request.auth, social_fund_id)


@router.patch("/care/funds/{social_fund_id}", response={200: SocialFundDetailOut, **CONFLICT})
def update_fund(request, social_fund_id: RecordId, payload: FundPatch):
    fund = selectors.fund_get_for_change(user=request.auth, pk=social_fund_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    for name in ("name", "committee", "approvals_required"):
        if name in fields and fields[name] is None:
            raise ApiError(422, _("This field is required."), code="invalid", field=name)
    services.fund_update(by=request.auth, fund=fund, **_references(request.auth, fields, [fund.area_id]))
    return _fund_out(request.auth, social_fund_id)


@router.get("/care/funds/{social_fund_id}/ledger", response=page_of(LedgerEntryOut))
def get_ledger(request, social_fund_id: RecordId, filters: Query[LedgerQuery]):
    fund = selectors.fund_get(user=request.auth, pk=social_fund_id)
    entries = selectors.ledger(
        user=request.auth, fund=fund, starts_on=filters.starts_on, ends_on=filters.ends_on
    )
    return paginate(entries, filters)


def _money_in(request, social_fund_id: int, payload: MoneyIn, record):
    fund = selectors.fund_get_for_change(user=request.auth, pk=social_fund_id)
    fields = _references(request.auth, payload.dict(), [fund.area_id])
    return Status(201, record(by=request.auth, fund=fund, **fields))


@router.post("/care/funds/{social_fund_id}/donations", response={201: LedgerEntryOut})
def record_donation(request, social_fund_id: RecordId, payload: MoneyIn):
    return _money_in(request, social_fund_id, payload, services.donation_record)


@router.post("/care/funds/{social_fund_id}/grants", response={201: LedgerEntryOut})
def record_grant(request, social_fund_id: RecordId, payload: MoneyIn):
    return _money_in(request, social_fund_id, payload, services.grant_record)


@router.get("/care/funds/{social_fund_id}/report", response=ReportOut)
def get_report(request, social_fund_id: RecordId, period: Query[ReportQuery]):
    fund = selectors.fund_get(user=request.auth, pk=social_fund_id)
    return selectors.donor_report(
        user=request.auth, fund=fund, starts_on=period.starts_on, ends_on=period.ends_on
    )


# ---- requests


@router.get("/care/funds/{social_fund_id}/requests", response=page_of(RequestOut))
def list_requests(request, social_fund_id: RecordId, filters: Query[RequestListQuery]):
    fund = selectors.fund_get(user=request.auth, pk=social_fund_id)
    requests = selectors.request_list(
        user=request.auth, fund=fund, awaiting=filters.awaiting
    ).prefetch_related(Prefetch("decisions", queryset=FundDecision.objects.select_related("by")))
    page = paginate(requests, filters)
    page["items"] = _requests_out(request.auth, page["items"])
    return page


@router.post("/care/funds/{social_fund_id}/requests", response={201: RequestOut})
def make_request(request, social_fund_id: RecordId, payload: RequestIn):
    fund = selectors.fund_get(user=request.auth, pk=social_fund_id)
    subject = {}
    try:
        if payload.case is not None:
            subject["case"] = selectors.request_case_get(user=request.auth, pk=payload.case)
        if payload.incident is not None:
            subject["incident"] = selectors.request_incident_get(user=request.auth, pk=payload.incident)
    except Http404:
        raise _unknown("case" if payload.case is not None else "incident") from None
    made = services.fund_request_make(
        by=request.auth, fund=fund, amount=payload.amount, purpose=payload.purpose, **subject
    )
    return Status(201, _one_request_out(request.auth, made.pk))


@router.get("/care/fund-requests/{fund_request_id}", response=RequestOut)
def get_request(request, fund_request_id: RecordId):
    return _one_request_out(request.auth, fund_request_id)


def _request(user, pk: int) -> FundRequest:
    return selectors.request_get(user=user, pk=pk)


@router.post("/care/fund-requests/{fund_request_id}/decisions", response=RequestOut)
def decide_request(request, fund_request_id: RecordId, payload: FundDecisionIn):
    services.fund_request_decide(
        by=request.auth,
        request=_request(request.auth, fund_request_id),
        approves=payload.approves,
        note=payload.note,
    )
    return _one_request_out(request.auth, fund_request_id)


@router.post("/care/fund-requests/{fund_request_id}/withdrawal", response=RequestOut)
def withdraw_request(request, fund_request_id: RecordId):
    services.fund_request_withdraw(by=request.auth, request=_request(request.auth, fund_request_id))
    return _one_request_out(request.auth, fund_request_id)


@router.post("/care/fund-requests/{fund_request_id}/payments", response={201: LedgerEntryOut})
def pay_request(request, fund_request_id: RecordId):
    return Status(
        201, services.fund_request_pay(by=request.auth, request=_request(request.auth, fund_request_id))
    )


@router.post("/care/fund-entries/{ledger_entry_id}/reversals", response={201: LedgerEntryOut})
def reverse_entry(request, ledger_entry_id: RecordId, payload: ReversalIn):
    entry = selectors.entry_get_for_change(user=request.auth, pk=ledger_entry_id)
    return Status(201, services.entry_reverse(by=request.auth, entry=entry, reason=payload.reason))
