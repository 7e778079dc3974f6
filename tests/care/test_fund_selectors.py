"""The social fund's reads (S5): who reads which fund, the ledger, requests waiting first, the ledger's check and
the donors' report."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from sanphalang.care.models import CaseKind, LedgerEntry, RequestStatus
from sanphalang.care.selectors import fund as selectors
from sanphalang.care.services.fund import (
    entry_reverse,
    fund_request_decide,
    fund_request_make,
    fund_request_pay,
    grant_record,
)
from sanphalang.errors import AccessDenied
from tests.care.fund_data import (
    TODAY,
    YESTERDAY,
    a_case,
    a_fund,
    funded,
    mae_sai_case,  # noqa: F401 (the fixture "case": a case of Mae Sai)
)


def paid(cast, fund, case, amount):
    """Asked by a coordinator who writes the case, approved by the two other members."""
    asker = cast.maesai_coordinator if case.area_id.startswith("5709") else cast.chiangrai_coordinator
    request = fund_request_make(by=asker, fund=fund, case=case, amount=amount, purpose="ค่ารักษา")
    for member in (cast.chiangrai_coordinator, cast.mueang_coordinator, cast.maesai_coordinator):
        if member != asker and request.status == RequestStatus.PENDING:
            request = fund_request_decide(by=member, request=request, approves=True)
    return fund_request_pay(by=cast.chiangrai_coordinator, request=request)


def test_each_reader_sees_the_funds_of_their_provinces(cast, fund):
    phayao = a_fund(cast, name="กองทุนพัฒนาสังคมจังหวัดพะเยา", area_code="56")
    assert list(selectors.fund_list(user=cast.maesai_coordinator)) == [fund]
    assert list(selectors.fund_list(user=cast.chiangrai_viewer)) == [fund]
    assert list(selectors.fund_list(user=cast.phayao_coordinator)) == [phayao]
    assert set(selectors.fund_list(user=cast.admin)) == {fund, phayao}
    assert not selectors.fund_list(user=cast.unassigned).exists()
    with pytest.raises(Http404):
        selectors.fund_get(user=cast.phayao_coordinator, pk=fund.pk)


def test_a_viewer_reads_but_does_not_get_the_fund_for_change(cast, fund):
    assert selectors.fund_get(user=cast.chiangrai_viewer, pk=fund.pk) == fund
    with pytest.raises(AccessDenied):
        selectors.fund_get_for_change(user=cast.chiangrai_viewer, pk=fund.pk)


def test_the_ledger_is_in_order_with_its_running_balance_and_dates(cast, fund):
    funded(cast, fund, "100.00")  # yesterday
    grant_record(
        by=cast.chiangrai_coordinator, fund=fund, amount="50.25", donor_name="อบจ.", entered_on=TODAY
    )
    entries = list(selectors.ledger(user=cast.chiangrai_viewer, fund=fund))
    assert [(e.number, e.balance_after) for e in entries] == [(1, Decimal("100.00")), (2, Decimal("150.25"))]
    today_only = selectors.ledger(user=cast.chiangrai_viewer, fund=fund, starts_on=TODAY)
    assert [e.number for e in today_only] == [2]
    with pytest.raises(ValidationError):
        selectors.ledger(user=cast.chiangrai_viewer, fund=fund, starts_on=TODAY, ends_on=YESTERDAY)
    with pytest.raises(AccessDenied):
        selectors.ledger(user=cast.phayao_coordinator, fund=fund)


def test_the_ledger_check_finds_a_balance_that_does_not_match(cast, fund):
    funded(cast, fund, "100.00")
    assert selectors.ledger_balances(fund).balances
    type(fund).objects.filter(pk=fund.pk).update(balance=Decimal("99.00"))
    check = selectors.ledger_balances(fund)
    assert not check.balances and check.total == Decimal("100.00") and check.balance == Decimal("99.00")


def test_requests_waiting_come_first_and_awaiting_is_the_members_own(cast, fund, case):
    funded(cast, fund)
    paid(cast, fund, case, "10")
    waiting = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="20", purpose="ค่ารักษา"
    )
    listed = list(selectors.request_list(user=cast.chiangrai_viewer, fund=fund))
    assert listed[0] == waiting and listed[1].status == RequestStatus.PAID
    assert list(selectors.request_list(user=cast.mueang_coordinator, awaiting=True)) == [waiting]
    assert not selectors.request_list(user=cast.maesai_coordinator, awaiting=True).exists()  # asked it
    fund_request_decide(by=cast.mueang_coordinator, request=waiting, approves=True)
    assert not selectors.request_list(user=cast.mueang_coordinator, awaiting=True).exists()  # decided it
    assert not selectors.request_list(user=cast.phayao_coordinator).exists()


def test_a_request_names_the_person_only_to_those_who_open_the_case(cast, fund, case):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="20", purpose="ค่ารักษา"
    )
    request = selectors.request_get(user=cast.chiangrai_viewer, pk=request.pk)
    to_viewer = selectors.request_shown(user=cast.chiangrai_viewer, request=request)
    assert (
        to_viewer.subject == str(selectors.HIDDEN_CASE)
        and to_viewer.case_pk is None
        and to_viewer.purpose is None
    )
    to_member = selectors.request_shown(user=cast.mueang_coordinator, request=request)
    assert to_member.subject == str(selectors.HIDDEN_CASE) and to_member.purpose == "ค่ารักษา"  # decides it
    to_worker = selectors.request_shown(user=cast.maesai_coordinator, request=request)
    assert "บุญมี" in to_worker.subject and to_worker.case_pk == case.pk


def test_the_donor_report_sums_money_in_and_out_without_names(cast, fund, case):
    # given money in before and during the period, two payments (one of them reversed) and a donation reversed
    funded(cast, fund, "1000.00")  # yesterday: before the period
    gift = grant_record(
        by=cast.chiangrai_coordinator, fund=fund, amount="500", donor_organisation=fund.organisation
    )
    mueang = a_case(area_code="570101", kind=CaseKind.DISABILITY, first_name="ทองดี")
    paid(cast, fund, case, "300")
    mistaken = paid(cast, fund, mueang, "200")
    entry_reverse(by=cast.chiangrai_coordinator, entry=mistaken, reason="จ่ายซ้ำ")
    entry_reverse(by=cast.chiangrai_coordinator, entry=gift, reason="บันทึกผิด")
    # when the report covers today
    report = selectors.donor_report(user=cast.chiangrai_viewer, fund=fund, starts_on=TODAY, ends_on=TODAY)
    # then it opens with yesterday's balance and closes with the fund's
    assert report.opening == Decimal("1000.00")
    assert report.money_in == Decimal("0.00") and report.money_out == Decimal("300.00")
    assert report.closing == Decimal("700.00") == type(fund).objects.get(pk=fund.pk).balance
    assert {line.label: line.amount for line in report.by_case_kind} == {
        str(CaseKind.POVERTY.label): Decimal("300.00"),
        str(CaseKind.DISABILITY.label): Decimal("0.00"),
    }
    assert sorted(line.amount for line in report.by_district) == [Decimal("0.00"), Decimal("300.00")]
    texts = [line.label for line in report.by_donor + report.by_case_kind + report.by_district]
    assert not any("บุญมี" in text or "ทองดี" in text for text in texts)


def test_the_donor_report_refuses_an_end_before_its_start(cast, fund):
    with pytest.raises(ValidationError):
        selectors.donor_report(user=cast.chiangrai_viewer, fund=fund, starts_on=TODAY, ends_on=YESTERDAY)
    with pytest.raises(AccessDenied):
        selectors.donor_report(
            user=cast.phayao_coordinator, fund=fund, starts_on=dt.date(2020, 1, 1), ends_on=TODAY
        )
    assert not LedgerEntry.objects.exists()
