"""Writes of reconciling: link the sources' records into funds, and an officer's decisions on uncertain links."""

import datetime as dt
from collections import Counter, defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.accounts.audit import stamp
from sanphalang.accounts.models import User
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_write
from sanphalang.jobs.kinds import JobKind, register
from sanphalang.jobs.models import Job, JobStatus
from sanphalang.jobs.services import job_enqueue
from sanphalang.thai.names import clean_text

from ..errors import WelfareError
from ..linkage.clusters import LinkResult, link_records
from ..linkage.records import field_value, fund_record
from ..models import Fund, FundStatus, LinkDecision, LinkDecisionKind, SourceRecord
from ..selectors.reconcile import review_record_area
from .registry import set_fund_keys
from .worklist import worklist_refresh

MANUAL_REASON = "officer"


def _reason_list(reasons) -> list[list[str]]:
    return [[str(part) for part in reason] for reason in reasons]


def _link_details(result: LinkResult) -> tuple[dict, set, dict]:
    """Per record ref: the best link's (score, reasons); the refs of uncertain links; in-source duplicates."""
    best: dict[tuple[str, int], tuple[float, list]] = {}
    for pair in result.links:
        for ref in (pair.a.ref, pair.b.ref):
            if ref not in best or best[ref][0] < pair.score:
                best[ref] = (pair.score, _reason_list(pair.reasons))
    uncertain: set[tuple[str, int]] = set()
    for pair in result.review:
        for ref in (pair.a.ref, pair.b.ref):
            uncertain.add(ref)
            if ref not in best:
                best[ref] = (pair.score, _reason_list(pair.reasons))
    duplicates = {}
    for pair in result.in_source_duplicates:
        duplicates[pair.b.ref] = pair.a.ref
        best[pair.b.ref] = (pair.score, _reason_list(pair.reasons))
    return best, uncertain, duplicates


def _completeness(record: SourceRecord) -> tuple[int, int]:
    return sum(1 for v in record.data.values() if v), -record.pk


def _fallback_area(records: list[SourceRecord], province: Area) -> Area:
    codes = Counter(r.area_id for r in records if r.area_id)
    if codes:
        return Area.objects.get(code=codes.most_common(1)[0][0])
    return province


def reconcile_start(*, by: User, province_code: str) -> Job:
    """Reconcile the province in a job; one already waiting or running for the province raises
    JobAlreadyClaimed."""
    require_write(by, province_code)
    return job_enqueue(by=by, kind=RECONCILE_JOB, params={"province_code": province_code})


def _claim_province(job: Job) -> bool:
    # The province's row is locked so two requests take turns here; then the oldest unfinished job of the
    # province is the one that runs.
    list(Area.objects.select_for_update().filter(code=job.params["province_code"]))
    first = (
        Job.objects.filter(kind=RECONCILE_JOB, params__province_code=job.params["province_code"])
        .filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING])
        .order_by("pk")
        .first()
    )
    return first is not None and first.pk == job.pk


def _reconcile_job(job: Job, progress) -> dict:
    return reconcile(by=job.user, province_code=job.params["province_code"], progress=progress)


RECONCILE_JOB = "welfare.reconcile"
register(
    JobKind(
        RECONCILE_JOB,
        gettext_lazy("Reconciling the sources"),
        _reconcile_job,
        claim=_claim_province,
        result_url=lambda job: reverse("welfare:review_queue"),
    )
)


@transaction.atomic
def reconcile(*, by: User, province_code: str, progress=None) -> dict[str, int]:
    """Link the province's source records into funds; re-running finds the same funds and keeps settled values.

    A link an officer decided in the review queue is kept as they left it.
    """
    require_write(by, province_code)
    province = Area.objects.filter(code=province_code, level=AreaLevel.PROVINCE).first()
    if province is None:
        raise WelfareError.CHOOSE_PROVINCE.error("province_code")
    records = list(
        SourceRecord.objects.filter(province=province)
        .select_related("source")
        .order_by("source__name", "row")
    )
    if not records:
        return {"records": 0, "funds": 0, "created": 0, "review": 0, "duplicates": 0}
    result = link_records(
        [fund_record(r.source.name, r.row, r.data) for r in records],
        progress=(lambda _stage, done, total: progress(done, total)) if progress else None,
    )
    best, uncertain, duplicate_refs = _link_details(result)
    by_ref = {(r.source.name, r.row): r for r in records}
    groups: dict[str, list[SourceRecord]] = defaultdict(list)
    for record in records:
        groups[result.cluster_of[(record.source.name, record.row)]].append(record)
    created = 0
    decisions: list[LinkDecision] = []
    now = timezone.now()
    for members in groups.values():
        automatic = [r for r in members if not _decided_by_officer(r)]
        if not automatic:
            continue
        # The fund these records were in before; an officer's record counts only when none was in one, since a
        # split says that record is a different fund from its cluster.
        linked = Counter(r.fund_id for r in automatic if r.fund_id) or Counter(
            r.fund_id for r in members if r.fund_id
        )
        fund = Fund.objects.filter(pk=linked.most_common(1)[0][0]).first() if linked else None
        if fund is None:
            best_record = max(members, key=_completeness)
            area = _fallback_area(members, province)
            name = clean_text(best_record.fund_name)
            fund = Fund.objects.filter(area=area, name_th=name).first()
            if fund is None:
                fund = _fund_create(by=by, name=name, area=area, data=best_record.data)
                created += 1
        for record in automatic:
            ref = (record.source.name, record.row)
            score, reasons = best.get(ref, (None, []))
            if record.fund_id != fund.pk:
                decisions.append(
                    _decision(by, record, fund, LinkDecisionKind.LINKED, from_fund_id=record.fund_id, at=now)
                )
            record.fund = fund
            record.link_score = score
            record.link_reasons = reasons
            record.needs_review = ref in uncertain
            record.duplicate_of = by_ref.get(duplicate_refs.get(ref))
    SourceRecord.objects.bulk_update(
        records, ["fund", "link_score", "link_reasons", "needs_review", "duplicate_of"], batch_size=1000
    )
    # Source records keep no history of their own: who linked each record to a fund, and when, is kept here.
    LinkDecision.objects.bulk_create(decisions, batch_size=1000)
    worklist_refresh(Fund.objects.filter(area__pk__startswith=province.code).values_list("pk", flat=True))
    return {
        "records": len(records),
        "funds": len({r.fund_id for r in records if r.fund_id}),
        "created": created,
        "review": sum(r.needs_review for r in records),
        "duplicates": len(duplicate_refs),
    }


def _decided_by_officer(record: SourceRecord) -> bool:
    return bool(record.fund_id) and bool(record.link_reasons) and record.link_reasons[0] == [MANUAL_REASON]


def _fund_create(*, by: User, name: str, area: Area, data: dict) -> Fund:
    fund = Fund(
        name_th=name,
        area=area,
        fund_code=clean_text(data.get("fund_code", ""))[:40],
        members=field_value("members", data),
        founded_on=field_value("founded", data),
        status=field_value("status", data) or FundStatus.UNKNOWN,
    )
    set_fund_keys(fund)
    stamp(fund, by).save()
    return fund


def _officer_reasons(record: SourceRecord, what: str) -> list[list[str]]:
    """The officer's decision first, so that reconcile leaves the link alone, then the linkage's reasons."""
    kept = [r for r in record.link_reasons if r != [MANUAL_REASON]]
    return [[MANUAL_REASON], [what, timezone.localdate().isoformat()], *kept][:20]


def _decision(
    by: User,
    record: SourceRecord,
    fund: Fund,
    kind: str,
    *,
    from_fund_id: int | None = None,
    note: str = "",
    at: dt.datetime | None = None,
) -> LinkDecision:
    """The row that keeps who put the record in the fund, when and how, as the record was then."""
    return LinkDecision(
        fund=fund,
        record=record,
        source_name=record.source.name,
        source_row=record.row,
        fund_name=record.fund_name[:300],
        from_fund_id=from_fund_id,
        kind=kind,
        note=(note or "").strip(),
        decided_by=by,
        decided_at=at or timezone.now(),
    )


@transaction.atomic
def link_confirm(*, by: User, record: SourceRecord, note: str = "") -> SourceRecord:
    """Keep the record in its fund (the officer says the uncertain link is right)."""
    require_write(by, review_record_area(record))
    record.needs_review = False
    record.link_reasons = _officer_reasons(record, _("link confirmed by an officer"))
    record.save(update_fields=["needs_review", "link_reasons"])
    if record.fund_id:
        _decision(by, record, record.fund, LinkDecisionKind.CONFIRMED, note=note).save()
        worklist_refresh([record.fund_id])
    return record


@transaction.atomic
def link_merge(*, by: User, record: SourceRecord, fund: Fund, note: str = "") -> SourceRecord:
    """Link the record to another fund (the officer says they are the same)."""
    require_write(by, fund.area_id)
    if record.fund_id:
        require_write(by, record.fund.area_id)
    return _link_by_officer(
        by, record, fund, LinkDecisionKind.MERGED, _("merged into this fund by an officer"), note=note
    )


@transaction.atomic
def link_split(*, by: User, record: SourceRecord, note: str = "") -> Fund:
    """Take the record out of its fund into a fund of its own (the officer says it is a different fund)."""
    area = record.area or record.province
    require_write(by, area.code)
    if record.fund_id:
        require_write(by, record.fund.area_id)
    name = clean_text(record.fund_name)
    fund = Fund.objects.filter(area=area, name_th=name).exclude(pk=record.fund_id).first()
    if fund is None:
        if Fund.objects.filter(area=area, name_th=name).exists():
            raise WelfareError.SPLIT_SAME_NAME.error(None)
        fund = _fund_create(by=by, name=name, area=area, data=record.data)
    _link_by_officer(
        by, record, fund, LinkDecisionKind.SPLIT, _("split into a fund of its own by an officer"), note=note
    )
    return fund


def _link_by_officer(
    by: User, record: SourceRecord, fund: Fund, kind: str, what: str, *, note: str
) -> SourceRecord:
    """Put the record in the fund as an officer decided, out of the review queue, which reconcile then keeps."""
    _decision(by, record, fund, kind, from_fund_id=record.fund_id, note=note).save()
    previous_fund_id = record.fund_id
    record.fund = fund
    record.needs_review = False
    record.duplicate_of = None
    record.link_reasons = _officer_reasons(record, what)
    record.save(update_fields=["fund", "needs_review", "duplicate_of", "link_reasons"])
    worklist_refresh([previous_fund_id, fund.pk])
    return record
