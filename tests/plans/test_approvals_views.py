"""The approvals pages go back to the period they acted on; a locked period offers its district no correction."""

import pytest

from sanphalang.plans.models import EntryStatus, PeriodLock
from sanphalang.plans.services.progress import period_approve

from .progress_data import Q1, entry, make_indicator, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def households(cast):
    plan = make_plan(cast.chiangrai_coordinator)
    return make_indicator(plan, cast.chiangrai_coordinator, name="ครัวเรือน", target=100)


def _approvals_of_q1(households) -> str:
    return f"/plans/{households.plan_id}/approvals/?period={Q1.isoformat()}"


def test_approving_a_period_locks_it_and_goes_back_to_its_approvals(cast, client_for, households):
    # given an entry of Mueang Chiang Rai waiting in the first quarter
    made = entry(cast.mueang_coordinator, households, "5701", Q1, 4)
    # when the province approves and locks the quarter
    response = client_for(cast.chiangrai_coordinator).post(
        f"/plans/{households.plan_id}/periods/{Q1.isoformat()}/approve/"
    )
    # then it is back on the quarter's approvals, the entry approved and the quarter locked
    assert (response.status_code, response.url) == (302, _approvals_of_q1(households))
    made.refresh_from_db()
    assert made.status == EntryStatus.APPROVED
    assert PeriodLock.objects.filter(plan=households.plan, period_start=Q1, reopened_at=None).exists()


def test_approving_or_returning_an_entry_goes_back_to_its_period(cast, client_for, households):
    client = client_for(cast.chiangrai_coordinator)
    waiting = entry(cast.mueang_coordinator, households, "5701", Q1, 4)
    other = entry(cast.maesai_coordinator, households, "5709", Q1, 2)

    approved = client.post(f"/plans/progress/{waiting.pk}/approve/", {"version": waiting.version})
    returned = client.post(
        f"/plans/progress/{other.pk}/return/", {"version": other.version, "return-reason": "ขาดหลักฐาน"}
    )

    assert (approved.status_code, approved.url) == (302, _approvals_of_q1(households))
    assert (returned.status_code, returned.url) == (302, _approvals_of_q1(households))
    waiting.refresh_from_db()
    other.refresh_from_db()
    assert (waiting.status, other.status) == (EntryStatus.APPROVED, EntryStatus.RETURNED)


def test_an_administrator_reopening_a_period_goes_back_to_its_approvals(cast, client_for, households):
    entry(cast.mueang_coordinator, households, "5701", Q1, 4)
    period_approve(by=cast.chiangrai_coordinator, plan=households.plan, period_start=Q1)

    response = client_for(cast.admin).post(
        f"/plans/{households.plan_id}/periods/{Q1.isoformat()}/reopen/", {"reopen-reason": "แก้ตัวเลขผิด"}
    )

    assert (response.status_code, response.url) == (302, _approvals_of_q1(households))
    assert PeriodLock.objects.get(plan=households.plan, period_start=Q1).reopen_reason == "แก้ตัวเลขผิด"


def test_a_locked_period_offers_its_district_no_correction(cast, client_for, households):
    made = entry(cast.mueang_coordinator, households, "5701", Q1, 4)
    client = client_for(cast.mueang_coordinator)
    assert f"/plans/progress/{made.pk}/edit/" in client.get(_approvals_of_q1(households)).content.decode()

    period_approve(by=cast.chiangrai_coordinator, plan=households.plan, period_start=Q1)

    page = client.get(_approvals_of_q1(households)).content.decode()
    assert f"/plans/progress/{made.pk}/edit/" not in page
