"""The social fund's pages (S5): what each reader sees and may do, and money typed the Thai way."""

import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from sanphalang.care.models import EntryKind, LedgerEntry, RequestStatus, SocialFund
from sanphalang.care.services.fund import fund_request_decide, fund_request_make, fund_request_pay
from tests.care.fund_data import (
    a_fund,
    funded,
    mae_sai_case,  # noqa: F401 (the fixture "case": a case of Mae Sai)
)


def test_the_fund_list_shows_the_provinces_funds_only(cast, client_for, fund):
    a_fund(cast, name="กองทุนพัฒนาสังคมจังหวัดพะเยา", area_code="56")
    page = client_for(cast.maesai_coordinator).get(reverse("care:fund_list"))
    assert page.status_code == 200
    assert fund.name in page.content.decode() and "พะเยา" not in page.content.decode()


def test_another_provinces_coordinator_gets_no_fund_page(cast, client_for, fund):
    client = client_for(cast.phayao_coordinator)
    assert client.get(reverse("care:fund_detail", args=[fund.pk])).status_code == 404
    assert client.get(reverse("care:fund_report", args=[fund.pk])).status_code == 404


def test_a_coordinator_records_a_donation_typed_in_thai_digits(cast, client_for, fund):
    client = client_for(cast.chiangrai_coordinator)
    url = reverse("care:fund_donation_record", args=[fund.pk])
    assert client.get(url).status_code == 200
    answer = client.post(url, {"amount": "๑,๒๓๔.๕๐", "entered_on": "1/1/2568", "donor_name": "คุณใจบุญ"})
    assert answer.status_code == 302
    entry = LedgerEntry.objects.get()
    assert entry.amount == Decimal("1234.50") and entry.kind == EntryKind.DONATION
    assert entry.entered_on.year == 2025


def test_a_donation_of_three_decimals_goes_back_to_the_form(cast, client_for, fund):
    client = client_for(cast.chiangrai_coordinator)
    answer = client.post(
        reverse("care:fund_donation_record", args=[fund.pk]),
        {"amount": "1,234.505", "entered_on": "1/1/2568", "donor_name": "คุณใจบุญ"},
    )
    assert answer.status_code == 400
    assert "amount" in answer.context["form"].errors
    assert not LedgerEntry.objects.exists()


def test_a_viewer_reads_the_fund_and_report_but_records_nothing(cast, client_for, fund):
    funded(cast, fund)
    client = client_for(cast.chiangrai_viewer)
    page = client.get(reverse("care:fund_detail", args=[fund.pk]))
    assert page.status_code == 200 and not page.context["can_write"]
    assert "10,000.00" in page.content.decode()
    assert client.get(reverse("care:fund_report", args=[fund.pk])).status_code == 200
    answer = client.post(
        reverse("care:fund_grant_record", args=[fund.pk]),
        {"amount": "5", "entered_on": "1/1/2568", "donor_name": "x"},
    )
    assert answer.status_code == 403
    assert LedgerEntry.objects.count() == 1


def test_the_fund_page_says_the_ledger_is_checked(cast, client_for, fund):
    funded(cast, fund)
    page = client_for(cast.chiangrai_coordinator).get(reverse("care:fund_detail", args=[fund.pk]))
    assert page.context["check"].balances


def test_a_request_is_made_from_the_case_and_decided_on_its_page(cast, client_for, fund, case):
    # given a funded fund and a case in Mae Sai
    funded(cast, fund)
    maesai = client_for(cast.maesai_coordinator)
    # when its coordinator asks for 3,000 baht
    answer = maesai.post(
        reverse("care:fund_request_create", args=[case.pk]),
        {"fund": fund.pk, "amount": "3,000", "purpose": "ค่าเดินทางไปโรงพยาบาล"},
    )
    assert answer.status_code == 302
    request = fund.requests.get()
    # then they cannot approve it themselves
    page = maesai.get(reverse("care:fund_request_detail", args=[request.pk]))
    assert page.context["decision_form"] is None
    assert (
        maesai.post(reverse("care:fund_request_decide", args=[request.pk]), {"approves": "yes"}).status_code
        == 403
    )
    # and two other members approve it
    for member in (cast.chiangrai_coordinator, cast.mueang_coordinator):
        client = client_for(member)
        assert client.get(reverse("care:fund_request_detail", args=[request.pk])).context["decision_form"]
        assert (
            client.post(
                reverse("care:fund_request_decide", args=[request.pk]), {"approves": "yes"}
            ).status_code
            == 302
        )
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    # and the province pays it
    province = client_for(cast.chiangrai_coordinator)
    assert province.get(reverse("care:fund_request_detail", args=[request.pk])).context["can_pay"]
    assert province.post(reverse("care:fund_request_pay", args=[request.pk])).status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.PAID
    assert SocialFund.objects.get(pk=fund.pk).balance == Decimal("7000.00")


def test_a_request_page_hides_the_person_from_a_reader_outside_the_case(cast, client_for, fund, case):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="10", purpose="ค่ารักษาบุญมี"
    )
    page = client_for(cast.chiangrai_viewer).get(reverse("care:fund_request_detail", args=[request.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "บุญมี" not in text and page.context["shown"].purpose is None
    member_page = client_for(cast.maesai_coordinator).get(
        reverse("care:fund_request_detail", args=[request.pk])
    )
    assert "บุญมี" in member_page.content.decode()


def test_a_refused_payment_shows_why(cast, client_for, fund, case):
    funded(cast, fund, "100.00")
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="500", purpose="ค่ารักษา"
    )
    fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)
    fund_request_decide(by=cast.mueang_coordinator, request=request, approves=True)
    answer = client_for(cast.chiangrai_coordinator).post(
        reverse("care:fund_request_pay", args=[request.pk]), follow=True
    )
    assert "500.00" in answer.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED


def test_reversing_an_entry_from_the_ledger(cast, client_for, fund):
    entry = funded(cast, fund)
    client = client_for(cast.chiangrai_coordinator)
    assert client.get(reverse("care:fund_ledger", args=[fund.pk])).status_code == 200
    answer = client.post(reverse("care:fund_entry_reverse", args=[entry.pk]), {"reason": "บันทึกซ้ำ"})
    assert answer.status_code == 302
    assert SocialFund.objects.get(pk=fund.pk).balance == Decimal("0.00")
    refused = client.post(reverse("care:fund_entry_reverse", args=[entry.pk]), {"reason": "อีกครั้ง"})
    assert refused.status_code == 400


def test_the_donor_report_exports_to_excel_without_names_of_people_helped(cast, client_for, fund, case):
    funded(cast, fund)
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="2500", purpose="ค่ารักษาบุญมี"
    )
    fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)
    fund_request_decide(by=cast.mueang_coordinator, request=request, approves=True)
    fund_request_pay(by=cast.chiangrai_coordinator, request=request)
    answer = client_for(cast.chiangrai_viewer).get(
        reverse("care:fund_report", args=[fund.pk]), {"export": "xlsx"}
    )
    assert answer.status_code == 200
    cells = [
        cell
        for row in load_workbook(io.BytesIO(answer.content)).active.iter_rows(values_only=True)
        for cell in row
    ]
    assert "คุณใจบุญ (Donation)" in cells or any("คุณใจบุญ" in str(cell) for cell in cells)
    assert Decimal("2500.00") in [
        Decimal(str(cell)) for cell in cells if isinstance(cell, int | float | Decimal)
    ]
    assert not any("บุญมี" in str(cell) for cell in cells)


def test_the_awaiting_page_lists_what_the_member_has_to_decide(cast, client_for, fund, case):
    request = fund_request_make(
        by=cast.maesai_coordinator, fund=fund, case=case, amount="10", purpose="ค่ารักษา"
    )
    page = client_for(cast.mueang_coordinator).get(reverse("care:fund_requests_awaiting"))
    assert list(page.context["requests"]) == [request]
    own = client_for(cast.maesai_coordinator).get(reverse("care:fund_requests_awaiting"))
    assert list(own.context["requests"]) == []
