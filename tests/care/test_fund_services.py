"""The social fund's writes (S5): money in, requests, the committee's decisions, payments and reversals."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sanphalang.care.models import EntryKind, Help, HelpKind, LedgerEntry, RequestStatus, SocialFund
from sanphalang.care.selectors.fund import ledger_balances
from sanphalang.care.services.fund import (
    donation_record,
    entry_reverse,
    fund_create,
    fund_request_decide,
    fund_request_make,
    fund_request_pay,
    fund_request_withdraw,
    fund_update,
    grant_record,
    money,
)
from sanphalang.errors import AccessDenied
from tests.care.fund_data import (
    TODAY,
    a_case,
    funded,
    mae_sai_case,  # noqa: F401 (the fixture "case": a case of Mae Sai)
)


def codes(error: ValidationError) -> set[str]:
    return (
        {item.code for item in error.error_list}
        if not hasattr(error, "error_dict")
        else {item.code for items in error.error_dict.values() for item in items}
    )


def approved_request(cast, fund, case, amount="3000.00"):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount=Decimal(amount), purpose="ค่ารักษาพยาบาล"
    )
    fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)
    return fund_request_decide(by=cast.mueang_coordinator, request=request, approves=True)


# ---- the fund


def test_a_province_writer_creates_a_fund_with_its_committee(cast, fund):
    assert fund.area_id == "57"
    assert set(fund.committee.all()) == {
        cast.chiangrai_coordinator,
        cast.mueang_coordinator,
        cast.maesai_coordinator,
    }
    assert fund.balance == Decimal("0.00") and fund.approvals_required == 2


def test_a_district_coordinator_cannot_create_a_province_fund(cast):
    with pytest.raises(AccessDenied):
        fund_create(
            by=cast.maesai_coordinator,
            area_code="57",
            name="กองทุนแม่สาย",
            committee=[cast.chiangrai_coordinator, cast.mueang_coordinator, cast.maesai_coordinator],
        )
    assert not SocialFund.objects.exists()


def test_a_fund_belongs_to_a_province_not_a_district(cast):
    with pytest.raises(ValidationError) as refused:
        fund_create(by=cast.chiangrai_coordinator, area_code="5709", name="กองทุน", committee=[])
    assert codes(refused.value) == {"fund_not_a_province"}


def test_it_refuses_fewer_than_two_approvals_or_a_small_committee(cast, fund):
    with pytest.raises(ValidationError) as refused:
        fund_update(by=cast.chiangrai_coordinator, fund=fund, approvals_required=1)
    assert codes(refused.value) == {"approvals_too_few"}
    fund.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        fund_update(
            by=cast.chiangrai_coordinator,
            fund=fund,
            committee=[cast.chiangrai_coordinator, cast.maesai_coordinator],
        )
    assert codes(refused.value) == {"committee_too_small"}


def test_it_refuses_a_committee_member_of_another_province(cast, fund):
    with pytest.raises(ValidationError) as refused:
        fund_update(
            by=cast.chiangrai_coordinator,
            fund=fund,
            committee=[cast.chiangrai_coordinator, cast.maesai_coordinator, cast.phayao_coordinator],
        )
    assert codes(refused.value) == {"committee_outside_province"}


def test_updating_the_fund_keeps_the_balance_moved_since_it_was_read(cast, fund):
    # given a copy of the fund read before a donation
    stale = SocialFund.objects.get(pk=fund.pk)
    funded(cast, fund, "500.00")
    # when the stale copy is renamed
    fund_update(by=cast.chiangrai_coordinator, fund=stale, name="กองทุนพัฒนาสังคมเชียงราย")
    # then the donation still counts
    saved = SocialFund.objects.get(pk=fund.pk)
    assert (
        saved.name == "กองทุนพัฒนาสังคมเชียงราย" and saved.balance == Decimal("500.00") and saved.entry_count == 1
    )


# ---- money in


def test_a_donation_raises_the_balance_and_is_entry_one(cast, fund):
    entry = donation_record(
        by=cast.chiangrai_coordinator,
        fund=fund,
        amount="1234.50",
        donor_name="ร้านทองเยาวราช",
        entered_on=TODAY,
    )
    fund.refresh_from_db()
    assert (entry.number, entry.kind, entry.amount, entry.balance_after) == (
        1,
        EntryKind.DONATION,
        Decimal("1234.50"),
        Decimal("1234.50"),
    )
    assert fund.balance == Decimal("1234.50") and fund.entry_count == 1


def test_a_grant_from_an_organisation_needs_no_donor_name(cast, fund):
    entry = grant_record(
        by=cast.chiangrai_coordinator, fund=fund, amount=Decimal(50000), donor_organisation=fund.organisation
    )
    assert entry.kind == EntryKind.GRANT and entry.balance_after == Decimal("50000.00")


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("0", "amount_not_positive"),
        ("-5", "amount_not_positive"),
        ("1.005", "amount_too_precise"),
        ("x", "amount_not_positive"),
    ],
)
def test_it_refuses_an_amount_that_is_not_baht_and_satang(cast, fund, amount, code):
    with pytest.raises(ValidationError) as refused:
        donation_record(by=cast.chiangrai_coordinator, fund=fund, amount=amount, donor_name="คุณใจบุญ")
    assert codes(refused.value) == {code}
    assert not LedgerEntry.objects.exists()


def test_money_is_never_a_float():
    with pytest.raises(TypeError):
        money(12.5)


def test_a_donation_needs_its_donor(cast, fund):
    with pytest.raises(ValidationError) as refused:
        donation_record(by=cast.chiangrai_coordinator, fund=fund, amount="10")
    assert codes(refused.value) == {"donor_required"}


def test_a_viewer_and_a_district_coordinator_record_no_money(cast, fund):
    for outsider in (cast.chiangrai_viewer, cast.maesai_coordinator, cast.phayao_coordinator):
        with pytest.raises(AccessDenied):
            donation_record(by=outsider, fund=fund, amount="10", donor_name="คุณใจบุญ")
    assert not LedgerEntry.objects.exists()


# ---- requests and decisions


def test_two_other_members_approve_a_request(cast, fund, case):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="3000", purpose="ค่ารักษาพยาบาล"
    )
    assert request.status == RequestStatus.PENDING
    request = fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)
    assert request.status == RequestStatus.PENDING
    request = fund_request_decide(by=cast.mueang_coordinator, request=request, approves=True, note="เห็นชอบ")
    assert request.status == RequestStatus.APPROVED and request.decided_at is not None


def test_a_member_cannot_approve_their_own_request(cast, fund, case):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="3000", purpose="ค่ารักษา"
    )
    with pytest.raises(AccessDenied) as refused:
        fund_request_decide(by=cast.maesai_coordinator, request=request, approves=True)
    assert refused.value.code == "own_request"
    assert not request.decisions.exists()


def test_someone_off_the_committee_cannot_decide(cast, fund, case):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="3000", purpose="ค่ารักษา"
    )
    for outsider in (cast.admin, cast.chiangrai_viewer, cast.phayao_coordinator):
        with pytest.raises(AccessDenied):
            fund_request_decide(by=outsider, request=request, approves=True)
    assert not request.decisions.exists()


def test_a_member_decides_once(cast, fund, case):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="3000", purpose="ค่ารักษา"
    )
    fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)
    with pytest.raises(ValidationError) as refused:
        fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)
    assert codes(refused.value) == {"already_decided"}
    assert request.decisions.count() == 1


def test_one_refusal_refuses_the_request(cast, fund, case):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="3000", purpose="ค่ารักษา"
    )
    fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)
    request = fund_request_decide(by=cast.mueang_coordinator, request=request, approves=False, note="ซ้ำซ้อน")
    assert request.status == RequestStatus.REJECTED
    with pytest.raises(ValidationError):
        fund_request_pay(by=cast.chiangrai_coordinator, request=request)


def test_a_request_needs_a_case_the_requester_may_change(cast, fund, case):
    with pytest.raises(AccessDenied):
        fund_request_make(by=cast.mueang_coordinator, fund=fund, case=case, amount="10", purpose="ค่ารักษา")
    with pytest.raises(AccessDenied):
        fund_request_make(by=cast.chiangrai_viewer, fund=fund, case=case, amount="10", purpose="ค่ารักษา")
    with pytest.raises(ValidationError) as refused:
        fund_request_make(by=cast.maesai_coordinator, fund=fund, amount="10", purpose="ค่ารักษา")
    assert codes(refused.value) == {"request_needs_subject"}


def test_a_request_of_another_province_is_refused(cast, fund):
    phayao_case = a_case(area_code="5601")
    with pytest.raises(ValidationError) as refused:
        fund_request_make(by=cast.admin, fund=fund, case=phayao_case, amount="10", purpose="ค่ารักษา")
    assert codes(refused.value) == {"outside_fund_province"}


def test_only_the_requester_withdraws(cast, fund, case):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="10", purpose="ค่ารักษา"
    )
    with pytest.raises(AccessDenied):
        fund_request_withdraw(by=cast.chiangrai_coordinator, request=request)
    request = fund_request_withdraw(by=cast.maesai_coordinator, request=request)
    assert request.status == RequestStatus.WITHDRAWN
    with pytest.raises(ValidationError):
        fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)


# ---- payments


def test_paying_an_approved_request_moves_the_money_and_records_the_help(cast, fund, case):
    funded(cast, fund, "10000.00")
    request = approved_request(cast, fund, case)
    entry = fund_request_pay(by=cast.chiangrai_coordinator, request=request)
    fund.refresh_from_db()
    request.refresh_from_db()
    assert (entry.kind, entry.amount, entry.balance_after, entry.number) == (
        EntryKind.PAYMENT,
        Decimal("-3000.00"),
        Decimal("7000.00"),
        2,
    )
    assert fund.balance == Decimal("7000.00") and request.status == RequestStatus.PAID
    help_given = Help.objects.get(fund_entry=entry)
    assert (
        help_given.case == case
        and help_given.kind == HelpKind.MONEY
        and help_given.amount == Decimal("3000.00")
    )
    assert ledger_balances(fund).balances


def test_a_request_is_paid_once(cast, fund, case):
    funded(cast, fund, "10000.00")
    request = approved_request(cast, fund, case)
    fund_request_pay(by=cast.chiangrai_coordinator, request=request)
    with pytest.raises(ValidationError) as refused:
        fund_request_pay(by=cast.chiangrai_coordinator, request=request)
    assert codes(refused.value) == {"request_not_approved"}
    assert LedgerEntry.objects.filter(kind=EntryKind.PAYMENT).count() == 1


def test_a_pending_request_is_not_paid(cast, fund, case):
    funded(cast, fund)
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="10", purpose="ค่ารักษา"
    )
    fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)
    with pytest.raises(ValidationError):
        fund_request_pay(by=cast.chiangrai_coordinator, request=request)


def test_it_refuses_a_payment_the_fund_cannot_cover_naming_both_amounts(cast, fund, case):
    funded(cast, fund, "1000.00")
    request = approved_request(cast, fund, case, amount="1234.50")
    with pytest.raises(ValidationError) as refused:
        fund_request_pay(by=cast.chiangrai_coordinator, request=request)
    assert codes(refused.value) == {"not_enough_balance"}
    assert "1,000.00" in str(refused.value) and "1,234.50" in str(refused.value)
    fund.refresh_from_db()
    request.refresh_from_db()
    assert (
        fund.balance == Decimal("1000.00")
        and fund.entry_count == 1
        and request.status == RequestStatus.APPROVED
    )
    assert not Help.objects.exists()


def test_a_district_coordinator_does_not_pay(cast, fund, case):
    funded(cast, fund)
    request = approved_request(cast, fund, case)
    with pytest.raises(AccessDenied):
        fund_request_pay(by=cast.maesai_coordinator, request=request)


# ---- reversals


def test_reversing_a_payment_gives_the_money_back_and_keeps_the_request_paid(cast, fund, case):
    funded(cast, fund, "10000.00")
    payment = fund_request_pay(by=cast.chiangrai_coordinator, request=approved_request(cast, fund, case))
    reversal = entry_reverse(by=cast.chiangrai_coordinator, entry=payment, reason="โอนผิดบัญชี")
    fund.refresh_from_db()
    assert (reversal.kind, reversal.amount, reversal.balance_after, reversal.reverses) == (
        EntryKind.REVERSAL,
        Decimal("3000.00"),
        Decimal("10000.00"),
        payment,
    )
    assert fund.balance == Decimal("10000.00")
    assert payment.request.status == RequestStatus.PAID
    with pytest.raises(ValidationError) as refused:
        entry_reverse(by=cast.chiangrai_coordinator, entry=payment, reason="อีกครั้ง")
    assert codes(refused.value) == {"already_reversed"}
    with pytest.raises(ValidationError) as refused:
        entry_reverse(by=cast.chiangrai_coordinator, entry=reversal, reason="ย้อน")
    assert codes(refused.value) == {"reversal_not_reversible"}
    assert ledger_balances(fund).balances


def test_reversing_a_donation_already_spent_is_refused(cast, fund, case):
    donation = funded(cast, fund, "3000.00")
    fund_request_pay(by=cast.chiangrai_coordinator, request=approved_request(cast, fund, case, amount="2000"))
    with pytest.raises(ValidationError) as refused:
        entry_reverse(by=cast.chiangrai_coordinator, entry=donation, reason="บันทึกซ้ำ")
    assert codes(refused.value) == {"not_enough_balance"}
    fund.refresh_from_db()
    assert fund.balance == Decimal("1000.00") and fund.entry_count == 2


def test_a_reversal_needs_a_reason(cast, fund):
    donation = funded(cast, fund)
    with pytest.raises(ValidationError) as refused:
        entry_reverse(by=cast.chiangrai_coordinator, entry=donation, reason="  ")
    assert codes(refused.value) == {"reversal_reason_required"}


def test_an_entry_is_never_changed_or_deleted(cast, fund):
    entry = funded(cast, fund)
    entry.note = "แก้"
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    assert LedgerEntry.objects.get(pk=entry.pk).note == ""
