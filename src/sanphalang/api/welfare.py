"""API routes of the welfare registry: funds and their settlements, the roll-up, sources, reconciling and the review
queue, and audit rounds. Reads go through the welfare selectors and writes through its services, so the areas a
caller sees and the history kept are those of the web pages."""

import json

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.areas.selectors import province_list
from sanphalang.errors import reject_unknown_fields
from sanphalang.thai.digits import to_arabic_digits
from sanphalang.welfare.errors import WelfareError
from sanphalang.welfare.models import DisagreementKind, Finding, Fund, SourceRecord
from sanphalang.welfare.selectors import audits as audit_selectors
from sanphalang.welfare.selectors import figures as figure_selectors
from sanphalang.welfare.selectors import reconcile as review_selectors
from sanphalang.welfare.selectors import registry as selectors
from sanphalang.welfare.selectors.settle import open_fields, settlement_conflicts
from sanphalang.welfare.selectors.sources import (
    province_has_sources,
    source_list,
    sources_province_for_change,
)
from sanphalang.welfare.services import figures
from sanphalang.welfare.services import reconcile as reconcile_services
from sanphalang.welfare.services.settle import settle

from .errors import ApiError
from .pagination import PageQuery, page_of, paginate
from .schemas_welfare import (
    FundDetailOut,
    FundOut,
    FundQuery,
    FundRollupQuery,
    FundYearIn,
    FundYearOut,
    RollupOut,
    SettleIn,
    SettlementOut,
    StrictIn,
)
from .schemas_welfare_audits import AuditRoundDetailOut, AuditRoundOut
from .schemas_welfare_sources import ReconcileIn, ReconcileOut, ReviewDecisionIn, ReviewItemOut, SourceOut
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["welfare"])


def _invalid(message: str, field: str, code: str = "invalid") -> ApiError:
    return ApiError(422, message, code=code, field=field)


def _refuse_unknown_keys(request, payload: StrictIn) -> None:
    """A key the body's schema does not name is refused at the key (422), as the services refuse unknown fields."""
    body = json.loads(request.body)  # ninja has read it as a JSON object already
    reject_unknown_fields(body, allowed=set(type(payload).model_fields))


# ---- funds


@router.get("/welfare/funds", response=page_of(FundOut))
def list_funds(request, filters: Query[FundQuery]):
    funds = selectors.fund_list(
        user=request.auth, search=filters.q.strip(), district=filters.district, status=filters.status
    )
    # The page is chosen by ids alone; its rows and their record counts are read for those ids only, with the
    # list's length, in one query.
    return paginate(
        funds.order_by("sort_key", "id"),
        filters,
        rows=lambda ids, listed: selectors.fund_page(user=request.auth, ids=ids, listed=listed),
    )


def _fund_detail(user, fund_id: RecordId) -> Fund:
    """The fund with what its page explains: where the sources disagree, and settled values a later import
    contradicts."""
    fund = selectors.fund_get(user=user, pk=fund_id)
    fund.disagreements = [
        {"field": item.field, "values": [{"source": v.source.name, "value": v.value} for v in item.values]}
        for item in open_fields(fund)
        if item.kind == DisagreementKind.DISAGREEMENT
    ]
    fund.settlement_conflicts = [
        {
            "field": conflict.field,
            "settlement_id": conflict.settlement.pk,
            "settled_value": conflict.settlement.value,
            "source": conflict.source.name,
            "record_id": conflict.record.pk,
            "source_value": conflict.source_value,
            "source_imported_at": conflict.source.imported_at,
        }
        for conflict in settlement_conflicts(fund)
    ]
    return fund


@router.get("/welfare/funds/{fund_id}", response=FundDetailOut)
def get_fund(request, fund_id: RecordId):
    return _fund_detail(request.auth, fund_id)


@router.post("/welfare/funds/{fund_id}/settlements", response={201: SettlementOut})
def settle_fund(request, fund_id: RecordId, payload: SettleIn):
    # a read-only caller is refused before their input is judged
    fund = selectors.fund_get_for_change(user=request.auth, pk=fund_id)
    _refuse_unknown_keys(request, payload)
    if "value" not in payload.model_fields_set and payload.from_record is None:
        raise _invalid(WelfareError.SETTLE_NEEDS_VALUE.message(), "value")
    record = None
    if payload.from_record is not None:
        record = next((r for r in fund.source_records.all() if r.pk == payload.from_record), None)
        if record is None:
            raise _invalid(WelfareError.RECORD_NOT_OF_FUND.message(), "from_record")
    settlement = settle(
        by=request.auth,
        fund=fund,
        field=payload.field,
        value=payload.value or "",
        from_record=record,
        reason=payload.reason,
    )
    return Status(201, settlement)


@router.put(
    "/welfare/funds/{fund_id}/years/{year_be}", response={200: FundYearOut, 201: FundYearOut, **CONFLICT}
)
def save_fund_year(request, fund_id: RecordId, year_be: int, payload: FundYearIn):
    fund = selectors.fund_get_for_change(user=request.auth, pk=fund_id)
    _refuse_unknown_keys(request, payload)
    values = built_on(request, payload.dict())
    version = values.pop("version")
    year, created = figures.fund_year_save(
        by=request.auth, fund=fund, year_be=year_be, values=values, version=version
    )
    return Status(201 if created else 200, year)


@router.delete("/welfare/funds/{fund_id}/years/{year_be}", response={204: None})
def delete_fund_year(request, fund_id: RecordId, year_be: int):
    year = figure_selectors.fund_year_get_for_change(user=request.auth, fund_pk=fund_id, year_be=year_be)
    figures.fund_year_delete(by=request.auth, fund_year=year)
    return Status(204, None)


@router.get("/welfare/rollup", response=RollupOut)
def rollup(request, filters: Query[FundRollupQuery]):
    rows, total = figure_selectors.rollup_table(user=request.auth, level=filters.level, year_be=filters.year)
    return {
        "level": filters.level,
        "year": filters.year,
        "rows": rows,
        "total_funds": total["funds"],
        "total_members": total["members"],
        "total_figures": total.get("figures"),
        "total_change": total.get("change"),
    }


# ---- sources and reconciling


@router.get("/welfare/sources", response=page_of(SourceOut))
def list_sources(request, page: Query[PageQuery]):
    return paginate(source_list(user=request.auth), page)


@router.post("/welfare/reconcile", response=ReconcileOut)
def reconcile(request, payload: ReconcileIn):
    _refuse_unknown_keys(request, payload)
    code = to_arabic_digits(payload.province_code.strip())
    if not province_list().filter(code=code).exists():
        raise _invalid(WelfareError.CHOOSE_PROVINCE.message(), "province_code")
    sources_province_for_change(user=request.auth, code=code)
    if not province_has_sources(code):
        raise _invalid(
            WelfareError.NO_SOURCES_TO_RECONCILE.message(),
            "province_code",
            code=WelfareError.NO_SOURCES_TO_RECONCILE.code,
        )
    return reconcile_services.reconcile(by=request.auth, province_code=code)


# ---- the review queue of uncertain links


@router.get("/welfare/review", response=page_of(ReviewItemOut))
def list_review_queue(request, page: Query[PageQuery]):
    # the queue's order, made total: two provinces' sources may share a name
    return paginate(
        review_selectors.review_queue(user=request.auth).order_by("source__name", "row", "pk"), page
    )


def _merge_target(user, fund_id: RecordId | None) -> Fund:
    if fund_id is None:
        raise _invalid(WelfareError.MERGE_NEEDS_FUND.message(), "fund")
    try:
        return selectors.fund_get(user=user, pk=fund_id)
    except Http404:
        # A body field that names nothing the caller can see is bad input, not a missing page.
        raise _invalid(_("No such record, or it is outside your areas."), "fund") from None


def _decide(user, record: SourceRecord, payload: ReviewDecisionIn) -> None:
    if payload.action == "confirm":
        reconcile_services.link_confirm(by=user, record=record, note=payload.note)
    elif payload.action == "split":
        reconcile_services.link_split(by=user, record=record, note=payload.note)
    else:
        reconcile_services.link_merge(
            by=user, record=record, fund=_merge_target(user, payload.fund), note=payload.note
        )


@router.post("/welfare/review/{record_id}", response=ReviewItemOut)
def decide_review(request, record_id: RecordId, payload: ReviewDecisionIn):
    # a read-only caller is refused before their input is judged, as link_confirm would refuse them
    record = review_selectors.review_record_get_for_change(user=request.auth, pk=record_id)
    _refuse_unknown_keys(request, payload)
    _decide(request.auth, record, payload)
    return record


# ---- audit rounds (read only)


@router.get("/welfare/audit-rounds", response=page_of(AuditRoundOut))
def list_audit_rounds(request, page: Query[PageQuery]):
    return paginate(audit_selectors.audit_round_list(user=request.auth), page)


@router.get("/welfare/audit-rounds/{round_id}", response=AuditRoundDetailOut)
def get_audit_round(request, round_id: RecordId):
    audit_round = audit_selectors.audit_round_get(user=request.auth, pk=round_id)
    visits = list(
        audit_selectors.audit_visit_list(user=request.auth, audit_round=audit_round).prefetch_related(
            Prefetch("findings", queryset=Finding.objects.order_by("pk"))
        )
    )
    # As on the round's page: the counts are of the visits the caller can see.
    audit_round.shown_visits = visits
    audit_round.planned_count = len(visits)
    audit_round.visited_count = sum(1 for visit in visits if visit.visited_on)
    return audit_round
