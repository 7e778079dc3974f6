"""Progress of targets: an area submits what it did in a period with its evidence, the province approves (or returns
it for correction), and approving a period locks it; an administrator can reopen a locked period, which is kept.

An entry counts in the roll-up only once approved. A counted target (charters, registrations) takes no typed entry.
"""

import datetime as dt
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from sanphalang.accounts.audit import stamp, validated_save
from sanphalang.accounts.models import User
from sanphalang.areas.models import Area
from sanphalang.areas.scoping import require_administrator, require_write
from sanphalang.errors import Access
from sanphalang.thai.dates import format_be_date
from sanphalang.versions import expect_version

from ..access import plan_covers, require_plan_write
from ..errors import PlanError
from ..models import EntryStatus, Indicator, PeriodLock, Plan, ProgressEntry
from ..periods import period_at, periods_of

EVIDENCE_FIELDS = ("note", "evidence_file", "evidence_meeting", "evidence_link")


def period_is_locked(plan: Plan, period_start: dt.date) -> bool:
    return PeriodLock.objects.filter(plan=plan, period_start=period_start, reopened_at__isnull=True).exists()


def _require_open(plan: Plan, period_start: dt.date) -> None:
    if period_is_locked(plan, period_start):
        raise PlanError.PERIOD_LOCKED.error(None)


def _require_period(plan: Plan, period_start: dt.date | None) -> None:
    if (
        period_start is None
        or period_at(plan.period_kind, plan.year_kind, plan.year_be, period_start) is None
    ):
        periods = periods_of(plan.period_kind, plan.year_kind, plan.year_be)
        raise PlanError.PERIOD_OUTSIDE_TARGET.error(
            "period",
            start=format_be_date(periods[0].starts_on, style="short"),
            end=format_be_date(periods[-1].ends_on, style="short"),
        )


def _check_value(indicator: Indicator, value: Decimal | None, denominator: Decimal | None) -> None:
    if value is None or value < 0:
        raise PlanError.VALUE_NEGATIVE.error("value")
    if indicator.is_percent:
        if denominator is None or denominator <= 0:
            raise PlanError.DENOMINATOR_NEEDED.error("denominator")
        if value > denominator:
            raise PlanError.NUMERATOR_ABOVE_DENOMINATOR.error("value")


def _require_typed(indicator: Indicator) -> None:
    if indicator.is_counted:
        raise PlanError.COUNTED_TARGET_TYPED.error(None)


@transaction.atomic
def progress_submit(
    *,
    by: User,
    indicator: Indicator,
    area_code: str,
    period_start: dt.date,
    value: Decimal,
    denominator: Decimal | None = None,
    note: str = "",
    evidence_file=None,
    evidence_meeting=None,
    evidence_link: str = "",
) -> ProgressEntry:
    """An area's progress for one period, waiting for the province's approval."""
    _require_typed(indicator)
    plan = indicator.plan
    require_write(by, area_code)
    if not plan_covers(plan, area_code) or not Area.objects.filter(code=area_code).exists():
        raise PlanError.AREA_OUTSIDE_OWNER.error("area")
    _require_period(plan, period_start)
    _require_open(plan, period_start)
    _check_value(indicator, value, denominator)
    if ProgressEntry.objects.filter(
        indicator=indicator, area_id=area_code, period_start=period_start
    ).exists():
        raise PlanError.ENTRY_EXISTS.error("period")
    entry = ProgressEntry(
        indicator=indicator,
        area_id=area_code,
        period_start=period_start,
        value=value,
        denominator=denominator if indicator.is_percent else None,
        note=note,
        evidence_file=evidence_file or "",
        evidence_meeting=evidence_meeting,
        evidence_link=evidence_link,
        submitted_by=by,
        submitted_at=timezone.now(),
    )
    return validated_save(entry, by)


@transaction.atomic
def progress_correct(
    *,
    by: User,
    entry: ProgressEntry,
    value: Decimal,
    denominator: Decimal | None = None,
    version: int | None = None,
    **evidence,
) -> ProgressEntry:
    """Correct an entry: it waits for approval again (an approved one only after its period was reopened)."""
    expect_version(entry, version)
    require_write(by, entry.area_id)
    _require_open(entry.indicator.plan, entry.period_start)
    _check_value(entry.indicator, value, denominator)
    unknown = set(evidence) - set(EVIDENCE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    entry.value = value
    entry.denominator = denominator if entry.indicator.is_percent else None
    for name, given in evidence.items():
        if name == "evidence_file" and not given:
            continue  # no new file: keep the one attached
        setattr(entry, name, given)
    entry.status = EntryStatus.SUBMITTED
    entry.submitted_by = by
    entry.submitted_at = timezone.now()
    entry.decided_by = None
    entry.decided_at = None
    entry.return_reason = ""
    return validated_save(entry, by)


@transaction.atomic
def progress_delete(*, by: User, entry: ProgressEntry) -> None:
    require_write(by, entry.area_id)
    _require_open(entry.indicator.plan, entry.period_start)
    if entry.status == EntryStatus.APPROVED:
        raise PlanError.ENTRY_ALREADY_APPROVED.error(None)
    entry.delete()


def _decide(by: User, entry: ProgressEntry, status: str, reason: str = "") -> ProgressEntry:
    entry.status = status
    entry.decided_by = by
    entry.decided_at = timezone.now()
    entry.return_reason = reason
    return validated_save(entry, by)


@transaction.atomic
def progress_return(
    *, by: User, entry: ProgressEntry, reason: str, version: int | None = None
) -> ProgressEntry:
    """Send an entry back to its area for correction, saying why; it does not count meanwhile."""
    expect_version(entry, version)
    require_plan_write(by, entry.indicator.plan)
    _require_open(entry.indicator.plan, entry.period_start)
    if not reason.strip():
        raise PlanError.RETURN_NEEDS_REASON.error("reason")
    if entry.status == EntryStatus.APPROVED:
        raise PlanError.ENTRY_ALREADY_APPROVED.error(None)
    return _decide(by, entry, EntryStatus.RETURNED, reason.strip())


@transaction.atomic
def progress_approve(*, by: User, entry: ProgressEntry, version: int | None = None) -> ProgressEntry:
    """Approve one entry: from now on it counts."""
    expect_version(entry, version)
    require_plan_write(by, entry.indicator.plan)
    _require_open(entry.indicator.plan, entry.period_start)
    if entry.status == EntryStatus.APPROVED:
        raise PlanError.ENTRY_ALREADY_APPROVED.error(None)
    return _decide(by, entry, EntryStatus.APPROVED)


@transaction.atomic
def period_approve(*, by: User, plan: Plan, period_start: dt.date) -> PeriodLock:
    """Approve every entry of the plan's period still waiting, and lock the period: nothing in it changes until an
    administrator reopens it. Returned entries stay returned (they do not count)."""
    require_plan_write(by, plan)
    _require_period(plan, period_start)
    # The plan's row is locked while its period is approved, so an entry cannot slip in between.
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    _require_open(plan, period_start)
    waiting = list(
        ProgressEntry.objects.select_for_update().filter(
            indicator__plan=plan, period_start=period_start, status=EntryStatus.SUBMITTED
        )
    )
    has_approved = ProgressEntry.objects.filter(
        indicator__plan=plan, period_start=period_start, status=EntryStatus.APPROVED
    ).exists()
    if not waiting and not has_approved:
        raise PlanError.NOTHING_TO_APPROVE.error(None)
    for entry in waiting:
        _decide(by, entry, EntryStatus.APPROVED)
    try:
        with transaction.atomic():
            lock = stamp(PeriodLock(plan=plan, period_start=period_start, locked_by=by), by)
            lock.save()
    except IntegrityError:
        raise PlanError.PERIOD_LOCKED.error(None) from None
    return lock


@transaction.atomic
def period_reopen(*, by: User, plan: Plan, period_start: dt.date, reason: str) -> PeriodLock:
    """An administrator reopens an approved period, saying why; the lock stays on record with who and when."""
    require_administrator(by, Access.ADMINISTRATOR_ONLY_REOPEN)
    if not reason.strip():
        raise PlanError.REOPEN_NEEDS_REASON.error("reason")
    lock = (
        PeriodLock.objects.select_for_update()
        .filter(plan=plan, period_start=period_start, reopened_at__isnull=True)
        .first()
    )
    if lock is None:
        raise PlanError.PERIOD_NOT_LOCKED.error(None)
    lock.reopened_by = by
    lock.reopened_at = timezone.now()
    lock.reopen_reason = reason.strip()
    stamp(lock, by).save()
    return lock
