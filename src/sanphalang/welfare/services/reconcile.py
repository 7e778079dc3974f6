"""Writes of reconciling: link the sources' records into funds, and an officer's decisions on uncertain links."""

import datetime as dt
import json
from collections import Counter, defaultdict

from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from sanphalang.accounts.audit import stamp
from sanphalang.accounts.models import User
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_write, require_writer
from sanphalang.jobs.kinds import JobKind, register
from sanphalang.jobs.models import Job, JobStatus
from sanphalang.jobs.services import job_enqueue
from sanphalang.thai.names import clean_text

from ..errors import WelfareError
from ..linkage.clusters import LinkResult, link_records
from ..linkage.reasons import OFFICER_CONFIRMED, OFFICER_MERGED, OFFICER_SPLIT
from ..linkage.records import field_value, fund_record
from ..models import FIELD_TRUST, Fund, FundStatus, LinkDecision, LinkDecisionKind, SourceRecord
from ..selectors.reconcile import reconcilable_provinces, review_record_area
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


def reconcile_start(*, by: User, province_code: str) -> Job:
    """Reconcile the province in a job; one already waiting or running for the province raises
    JobAlreadyClaimed."""
    require_write(by, province_code)
    return job_enqueue(by=by, kind=RECONCILE_JOB, params={"province_code": province_code})


def _claim_province(job: Job) -> bool:
    # The province's row is locked so two requests take turns here; then the oldest unfinished job of the
    # province is the one that runs.
    list(Area.objects.select_for_update().filter(code=job.params["province_code"]))
    return _is_oldest_unfinished(job, params__province_code=job.params["province_code"])


def _is_oldest_unfinished(job: Job, **alike) -> bool:
    """Whether the job is the oldest waiting or running one of its kind among those alike (the claims below)."""
    first = (
        Job.objects.filter(kind=job.kind, status__in=[JobStatus.QUEUED, JobStatus.RUNNING], **alike)
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


def reconcile_all_start(*, by: User) -> Job:
    """Reconcile, in one job, every province the user may change that has source rows (a national office's files
    reach many); one already waiting or running for the user raises JobAlreadyClaimed."""
    require_writer(by)
    provinces = reconcilable_provinces(user=by)
    if not provinces:
        raise WelfareError.NO_SOURCES_TO_RECONCILE.error(None)
    return job_enqueue(by=by, kind=RECONCILE_ALL_JOB, params={"provinces": provinces})


def reconcile_all(*, by: User, provinces: list[str], progress=None) -> dict[str, int]:
    """Reconcile each province in turn; the totals of their summaries, and how many provinces."""
    totals: Counter = Counter()
    for done, code in enumerate(provinces):
        totals.update(reconcile(by=by, province_code=code))
        if progress:
            progress(done + 1, len(provinces))
    return {"provinces": len(provinces), **{key: totals[key] for key in RECONCILE_SUMMARY}}


RECONCILE_SUMMARY = ("records", "funds", "created", "review", "duplicates")


def _claim_user(job: Job) -> bool:
    # As _claim_province, by the user's row: their oldest unfinished whole reconcile is the one that runs.
    list(User.objects.select_for_update().filter(pk=job.user_id))
    return _is_oldest_unfinished(job, user_id=job.user_id)


def _reconcile_all_job(job: Job, progress) -> dict:
    return reconcile_all(by=job.user, provinces=job.params["provinces"], progress=progress)


RECONCILE_ALL_JOB = "welfare.reconcile_all"
register(
    JobKind(
        RECONCILE_ALL_JOB,
        gettext_lazy("Reconciling the sources of every province"),
        _reconcile_all_job,
        claim=_claim_user,
        result_url=lambda job: reverse("welfare:review_queue"),
    )
)


@transaction.atomic
def reconcile(*, by: User, province_code: str, progress=None) -> dict[str, int]:
    """Link the province's rows of every source covering it into funds; re-running finds the same funds and keeps
    settled values. A link an officer decided in the review queue is kept as they left it.

    A new fund takes each field from the sources that have it, in FIELD_TRUST's order for the field, and keeps
    where each value came from. The writes are set-based: one query per batch, not one per fund.
    """
    require_write(by, province_code)
    # The province's row is locked, so that two reconciles of one province (a page's and a whole-country job's)
    # take turns instead of making the same new fund twice.
    province = Area.objects.select_for_update().filter(code=province_code, level=AreaLevel.PROVINCE).first()
    if province is None:
        raise WelfareError.CHOOSE_PROVINCE.error("province_code")
    records = list(
        SourceRecord.objects.filter(province=province)
        .select_related("source")
        .order_by("source__name", "source_id", "row")
    )
    if not records:
        return {"records": 0, "funds": 0, "created": 0, "review": 0, "duplicates": 0}
    result = link_records(
        [fund_record(str(r.source_id), r.row, r.data) for r in records],
        progress=(lambda _stage, done, total: progress(done, total)) if progress else None,
    )
    best, uncertain, duplicate_refs = _link_details(result)
    by_ref = {_ref(r): r for r in records}
    groups: dict[str, list[SourceRecord]] = defaultdict(list)
    for record in records:
        groups[result.cluster_of[_ref(record)]].append(record)
    fund_of_cluster, created = _funds_of_clusters(by, province, groups)
    decisions: list[LinkDecision] = []
    changed: list[tuple] = []
    now = timezone.now()
    for cluster, members in groups.items():
        fund_id = fund_of_cluster.get(cluster)
        if fund_id is None:
            continue
        for record in members:
            if _decided_by_officer(record):
                continue
            score, reasons = best.get(_ref(record), (None, []))
            duplicate = by_ref.get(duplicate_refs.get(_ref(record)))
            link = (fund_id, score, reasons, _ref(record) in uncertain, duplicate.pk if duplicate else None)
            if record.fund_id != fund_id:
                decisions.append(
                    _decision(
                        by, record, fund_id, LinkDecisionKind.LINKED, from_fund_id=record.fund_id, at=now
                    )
                )
            if link != (
                record.fund_id,
                record.link_score,
                record.link_reasons,
                record.needs_review,
                record.duplicate_of_id,
            ):
                changed.append((record.pk, *link))
            (
                record.fund_id,
                record.link_score,
                record.link_reasons,
                record.needs_review,
                record.duplicate_of_id,
            ) = link
    record_links_write(changed)
    # Source records keep no history of their own: who linked each record to a fund, and when, is kept here.
    LinkDecision.objects.bulk_create(decisions, batch_size=WRITE_BATCH)
    worklist_refresh(Fund.objects.filter(area__pk__startswith=province.code).values_list("pk", flat=True))
    return {
        "records": len(records),
        "funds": len({r.fund_id for r in records if r.fund_id}),
        "created": created,
        "review": sum(r.needs_review for r in records),
        "duplicates": len(duplicate_refs),
    }


WRITE_BATCH = 5000


def _ref(record: SourceRecord) -> tuple[str, int]:
    # By the source's id: a national source and a province's may share a name.
    return (str(record.source_id), record.row)


def _funds_of_clusters(by: User, province: Area, groups: dict) -> tuple[dict[str, int], int]:
    """The fund of each cluster that has a record to link: the one its records were in, the province's fund of
    the same name and area, or a new fund (made in bulk, with its history rows). Returns them and how many are new.
    """
    existing = {
        (area_id, name): pk
        for area_id, name, pk in Fund.objects.filter(area__pk__startswith=province.code).values_list(
            "area_id", "name_th", "pk"
        )
    }
    fund_of_cluster: dict[str, int] = {}
    new_funds: dict[tuple[str, str], Fund] = {}
    waiting: dict[str, tuple[str, str]] = {}
    for cluster, members in groups.items():
        automatic = [r for r in members if not _decided_by_officer(r)]
        if not automatic:
            continue
        # The fund these records were in before; an officer's record counts only when none was in one, since a
        # split says that record is a different fund from its cluster.
        linked = Counter(r.fund_id for r in automatic if r.fund_id) or Counter(
            r.fund_id for r in members if r.fund_id
        )
        if linked:
            fund_of_cluster[cluster] = linked.most_common(1)[0][0]
            continue
        fund = _trusted_fund(members, area_id=_fallback_area(members, province))
        key = (fund.area_id, fund.name_th)
        if key in existing:
            fund_of_cluster[cluster] = existing[key]
        else:
            new_funds.setdefault(key, fund)
            waiting[cluster] = key
    if new_funds:
        made = bulk_create_with_history(
            list(new_funds.values()), Fund, batch_size=WRITE_BATCH, default_user=by if by.pk else None
        )
        ids = {(f.area_id, f.name_th): f.pk for f in made}
        if None in ids.values():  # a backend that does not return ids from a bulk insert
            ids = dict(
                ((a, n), pk)
                for a, n, pk in Fund.objects.filter(area__pk__startswith=province.code).values_list(
                    "area_id", "name_th", "pk"
                )
            )
        for cluster, key in waiting.items():
            fund_of_cluster[cluster] = ids[key]
    return fund_of_cluster, len(new_funds)


def _fallback_area(records: list[SourceRecord], province: Area) -> str:
    codes = Counter(r.area_id for r in records if r.area_id)
    return codes.most_common(1)[0][0] if codes else province.code


def _trusted_value(field: str, record: SourceRecord):
    """A record's value of a field as a new fund stores it; None where the record does not say (an unknown
    status says nothing)."""
    if field == "fund_name":
        return clean_text(record.fund_name) or None
    value = field_value(field, record.data)
    if field == "status" and value == FundStatus.UNKNOWN:
        return None
    if field == "fund_code" and value:
        return value[:40]
    return value


def trusted_values(records: list[SourceRecord]) -> tuple[dict, dict[str, list[int]]]:
    """Each field's value from the most trusted kind of source that has it (FIELD_TRUST), the fuller record first
    among sources of one kind; and where each came from, as {field: [source id, row]}."""
    values, origins = {}, {}
    for field, kinds in FIELD_TRUST.items():
        rank = {kind: n for n, kind in enumerate(kinds)}
        ordered = sorted(records, key=lambda r: (rank.get(r.source.kind, len(kinds)), -_filled(r), r.pk))
        for record in ordered:
            value = _trusted_value(field, record)
            if value is not None:
                values[field], origins[field] = value, [record.source_id, record.row]
                break
    return values, origins


def _filled(record: SourceRecord) -> int:
    return sum(1 for v in record.data.values() if v)


def _trusted_fund(records: list[SourceRecord], *, area_id: str) -> Fund:
    values, origins = trusted_values(records)
    fund = Fund(
        name_th=values.get("fund_name") or clean_text(records[0].fund_name),
        area_id=area_id,
        fund_code=values.get("fund_code") or "",
        members=values.get("members"),
        founded_on=values.get("founded"),
        status=values.get("status") or FundStatus.UNKNOWN,
        field_sources=origins,
    )
    set_fund_keys(fund)
    return fund


def record_links_write(rows: list[tuple]) -> None:
    """Write (pk, fund, score, reasons, needs review, duplicate of) onto source records, a batch a query:
    PostgreSQL joins the rows as VALUES; SQLite runs one prepared statement over them. bulk_update's CASE per
    column and row is what made a national reconcile slow."""
    if not rows:
        return
    meta = SourceRecord._meta
    table = connection.ops.quote_name(meta.db_table)
    columns = [connection.ops.quote_name(meta.get_field(name).column) for name in LINK_FIELDS]
    values = [
        (pk, fund, score, json.dumps(reasons), review, duplicate)
        for pk, fund, score, reasons, review, duplicate in rows
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            casts = "(%s::bigint, %s::bigint, %s::double precision, %s::jsonb, %s::boolean, %s::bigint)"
            assignments = ", ".join(f"{column} = v.{column}" for column in columns)
            for start in range(0, len(values), WRITE_BATCH):
                batch = values[start : start + WRITE_BATCH]
                cursor.execute(
                    f"UPDATE {table} AS r SET {assignments} FROM (VALUES {', '.join([casts] * len(batch))}) "
                    f"AS v(id, {', '.join(columns)}) WHERE r.id = v.id",
                    [value for row in batch for value in row],
                )
        else:
            assignments = ", ".join(f"{column} = %s" for column in columns)
            cursor.executemany(
                f"UPDATE {table} SET {assignments} WHERE id = %s", [(*row[1:], row[0]) for row in values]
            )


LINK_FIELDS = ("fund", "link_score", "link_reasons", "needs_review", "duplicate_of")


def _decided_by_officer(record: SourceRecord) -> bool:
    return bool(record.fund_id) and bool(record.link_reasons) and record.link_reasons[0] == [MANUAL_REASON]


def _officer_reasons(record: SourceRecord, what: str) -> list[list[str]]:
    """The officer's decision first, so that reconcile leaves the link alone, then the linkage's reasons. The
    decision is kept as its code and day (linkage/reasons.py), read in the reader's language."""
    kept = [r for r in record.link_reasons if r != [MANUAL_REASON]]
    return [[MANUAL_REASON], [what, timezone.localdate().isoformat()], *kept][:20]


def _decision(
    by: User,
    record: SourceRecord,
    fund_id: int,
    kind: str,
    *,
    from_fund_id: int | None = None,
    note: str = "",
    at: dt.datetime | None = None,
) -> LinkDecision:
    """The row that keeps who put the record in the fund, when and how, as the record was then."""
    return LinkDecision(
        fund_id=fund_id,
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
    record.link_reasons = _officer_reasons(record, OFFICER_CONFIRMED)
    record.save(update_fields=["needs_review", "link_reasons"])
    if record.fund_id:
        _decision(by, record, record.fund_id, LinkDecisionKind.CONFIRMED, note=note).save()
        worklist_refresh([record.fund_id])
    return record


@transaction.atomic
def link_merge(*, by: User, record: SourceRecord, fund: Fund, note: str = "") -> SourceRecord:
    """Link the record to another fund (the officer says they are the same)."""
    require_write(by, fund.area_id)
    if record.fund_id:
        require_write(by, record.fund.area_id)
    return _link_by_officer(by, record, fund, LinkDecisionKind.MERGED, OFFICER_MERGED, note=note)


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
        fund = _trusted_fund([record], area_id=area.code)
        stamp(fund, by).save()
    _link_by_officer(by, record, fund, LinkDecisionKind.SPLIT, OFFICER_SPLIT, note=note)
    return fund


def _link_by_officer(
    by: User, record: SourceRecord, fund: Fund, kind: str, what: str, *, note: str
) -> SourceRecord:
    """Put the record in the fund as an officer decided, out of the review queue, which reconcile then keeps."""
    _decision(by, record, fund.pk, kind, from_fund_id=record.fund_id, note=note).save()
    previous_fund_id = record.fund_id
    record.fund = fund
    record.needs_review = False
    record.duplicate_of = None
    record.link_reasons = _officer_reasons(record, what)
    record.save(update_fields=["fund", "needs_review", "duplicate_of", "link_reasons"])
    worklist_refresh([previous_fund_id, fund.pk])
    return record
