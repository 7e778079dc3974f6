"""Submitting, correcting, returning and approving progress; approving a period locks it, and only an
administrator reopens it, with the reason kept."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sanphalang.errors import AccessDenied
from sanphalang.plans.models import CountedBy, EntryStatus, PeriodLock
from sanphalang.plans.services.progress import (
    period_approve,
    period_reopen,
    progress_approve,
    progress_correct,
    progress_delete,
    progress_return,
)

from .progress_data import Q1, Q2, entry, make_indicator, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cast):
    return make_plan(cast.chiangrai_coordinator)


@pytest.fixture
def households(plan, cast):
    return make_indicator(plan, cast.chiangrai_coordinator, name="ครัวเรือน", target=100)


def _codes(error: ValidationError) -> set[str]:
    return (
        {e.code for errors in error.error_dict.values() for e in errors}
        if hasattr(error, "error_dict")
        else {e.code for e in error.error_list}
    )


def test_a_district_submits_for_its_own_area_only(cast, households):
    made = entry(cast.mueang_coordinator, households, "570101", Q1, 4)
    assert made.status == EntryStatus.SUBMITTED
    assert made.submitted_by == cast.mueang_coordinator
    with pytest.raises(AccessDenied):
        entry(cast.mueang_coordinator, households, "570901", Q1, 4)  # Mae Sai
    with pytest.raises(AccessDenied):
        entry(cast.phayao_coordinator, households, "5601", Q1, 4)


def test_one_entry_per_area_and_period_and_only_periods_of_the_plan(cast, households):
    entry(cast.mueang_coordinator, households, "5701", Q1, 4)
    with pytest.raises(ValidationError) as twice:
        entry(cast.mueang_coordinator, households, "5701", Q1, 5)
    assert _codes(twice.value) == {"entry_exists"}
    import datetime as dt

    with pytest.raises(ValidationError) as outside:
        entry(cast.mueang_coordinator, households, "5701", dt.date(2025, 10, 1), 5)
    assert _codes(outside.value) == {"period_outside_target"}
    with pytest.raises(ValidationError) as negative:
        entry(cast.mueang_coordinator, households, "5701", Q2, -1)
    assert _codes(negative.value) == {"value_negative"}


def test_a_percentage_needs_its_parts(cast, plan):
    share = make_indicator(
        plan, cast.chiangrai_coordinator, name="ร้อยละ", target=80, unit="percent", accumulates=False
    )
    with pytest.raises(ValidationError) as missing:
        entry(cast.mueang_coordinator, share, "5701", Q1, 3)
    assert _codes(missing.value) == {"denominator_needed"}
    with pytest.raises(ValidationError) as larger:
        entry(cast.mueang_coordinator, share, "5701", Q1, 11, 10)
    assert _codes(larger.value) == {"numerator_above_denominator"}
    assert entry(cast.mueang_coordinator, share, "5701", Q1, 3, 10).denominator == Decimal(10)


def test_a_counted_target_takes_no_typed_progress(cast, plan):
    counted = make_indicator(
        plan,
        cast.chiangrai_coordinator,
        name="ธรรมนูญ",
        target=11,
        unit="subdistricts",
        counted_by=CountedBy.CHARTERS_ENACTED,
    )
    with pytest.raises(ValidationError) as typed:
        entry(cast.chiangrai_coordinator, counted, "57", Q1, 1)
    assert _codes(typed.value) == {"counted_target_typed"}


def test_only_the_province_approves_or_returns(cast, households):
    made = entry(cast.mueang_coordinator, households, "5701", Q1, 4)
    with pytest.raises(AccessDenied):
        progress_approve(by=cast.mueang_coordinator, entry=made)
    with pytest.raises(AccessDenied):
        progress_approve(by=cast.chiangrai_viewer, entry=made)
    with pytest.raises(ValidationError) as no_reason:
        progress_return(by=cast.chiangrai_coordinator, entry=made, reason="  ")
    assert _codes(no_reason.value) == {"return_needs_reason"}
    returned = progress_return(by=cast.chiangrai_coordinator, entry=made, reason="ขอหลักฐานเพิ่ม")
    assert (returned.status, returned.return_reason) == (EntryStatus.RETURNED, "ขอหลักฐานเพิ่ม")
    corrected = progress_correct(
        by=cast.mueang_coordinator, entry=returned, value=Decimal(5), note="แนบรูปแล้ว"
    )
    assert (corrected.status, corrected.value, corrected.return_reason) == (
        EntryStatus.SUBMITTED,
        Decimal(5),
        "",
    )
    assert progress_approve(by=cast.chiangrai_coordinator, entry=corrected).status == EntryStatus.APPROVED


def test_approving_a_period_approves_what_waits_and_locks_it(cast, households):
    waiting = entry(cast.mueang_coordinator, households, "5701", Q1, 4)
    returned = entry(cast.maesai_coordinator, households, "5709", Q1, 2)
    progress_return(by=cast.chiangrai_coordinator, entry=returned, reason="ตัวเลขไม่ตรง")
    other_period = entry(cast.mueang_coordinator, households, "5701", Q2, 1)
    lock = period_approve(by=cast.chiangrai_coordinator, plan=households.plan, period_start=Q1)
    assert lock.locked_by == cast.chiangrai_coordinator
    waiting.refresh_from_db()
    returned.refresh_from_db()
    other_period.refresh_from_db()
    assert (waiting.status, returned.status, other_period.status) == (
        EntryStatus.APPROVED,
        EntryStatus.RETURNED,
        EntryStatus.SUBMITTED,
    )
    # Locked: nothing of the period changes, and nothing is added to it.
    for attempt in (
        lambda: entry(cast.mueang_coordinator, households, "570101", Q1, 1),
        lambda: progress_correct(by=cast.mueang_coordinator, entry=waiting, value=Decimal(9)),
        lambda: progress_correct(by=cast.maesai_coordinator, entry=returned, value=Decimal(2)),
        lambda: progress_delete(by=cast.maesai_coordinator, entry=returned),
        lambda: period_approve(by=cast.chiangrai_coordinator, plan=households.plan, period_start=Q1),
    ):
        with pytest.raises(ValidationError) as locked:
            attempt()
        assert _codes(locked.value) == {"period_locked"}
    with pytest.raises(AccessDenied):
        period_approve(by=cast.mueang_coordinator, plan=households.plan, period_start=Q2)


def test_only_an_administrator_reopens_a_period_and_the_lock_is_kept(cast, households):
    made = entry(cast.mueang_coordinator, households, "5701", Q1, 4)
    period_approve(by=cast.chiangrai_coordinator, plan=households.plan, period_start=Q1)
    with pytest.raises(AccessDenied):
        period_reopen(by=cast.chiangrai_coordinator, plan=households.plan, period_start=Q1, reason="แก้ไข")
    with pytest.raises(ValidationError) as no_reason:
        period_reopen(by=cast.admin, plan=households.plan, period_start=Q1, reason="")
    assert _codes(no_reason.value) == {"reopen_needs_reason"}
    reopened = period_reopen(by=cast.admin, plan=households.plan, period_start=Q1, reason="อำเภอแจ้งตัวเลขผิด")
    assert (reopened.reopened_by, reopened.reopen_reason) == (cast.admin, "อำเภอแจ้งตัวเลขผิด")
    made.refresh_from_db()
    corrected = progress_correct(by=cast.mueang_coordinator, entry=made, value=Decimal(6))
    assert corrected.status == EntryStatus.SUBMITTED  # an approved entry corrected waits for approval again
    period_approve(by=cast.chiangrai_coordinator, plan=households.plan, period_start=Q1)
    assert PeriodLock.objects.filter(plan=households.plan, period_start=Q1).count() == 2
    assert (
        PeriodLock.history.filter(plan_id=households.plan.pk).count() == 3
    )  # locked, reopened, locked again
    with pytest.raises(ValidationError) as not_locked:
        period_reopen(by=cast.admin, plan=households.plan, period_start=Q2, reason="x")
    assert _codes(not_locked.value) == {"period_not_locked"}


def test_an_entry_built_on_an_old_version_is_refused(cast, households):
    from sanphalang.errors import VersionConflict

    made = entry(cast.mueang_coordinator, households, "5701", Q1, 4)
    progress_correct(by=cast.mueang_coordinator, entry=made, value=Decimal(5), version=made.version)
    stale = type(made).objects.get(pk=made.pk)
    with pytest.raises(VersionConflict):
        progress_approve(by=cast.chiangrai_coordinator, entry=stale, version=1)
