"""The social fund's API (S5): funds, ledger, money in, requests, decisions, payments, reversals and the report."""

from decimal import Decimal

from sanphalang.care.errors import CareError
from sanphalang.care.models import LedgerEntry, RequestStatus
from tests.care.fund_data import (
    TODAY,
    a_fund,
    funded,
    mae_sai_case,  # noqa: F401 (the fixture "case": a case of Mae Sai)
)


def test_it_lists_the_funds_of_the_users_provinces(cast, api_for, fund):
    a_fund(cast, name="กองทุนพัฒนาสังคมจังหวัดพะเยา", area_code="56")
    answer = api_for(cast.chiangrai_viewer).get("/api/care/funds")
    assert answer.status_code == 200
    assert [item["name"] for item in answer.json()["items"]] == [fund.name]
    assert api_for(cast.phayao_coordinator).get(f"/api/care/funds/{fund.pk}").status_code == 404


def test_it_creates_a_fund_with_its_committee(cast, api_for):
    committee = [cast.chiangrai_coordinator.pk, cast.mueang_coordinator.pk, cast.maesai_coordinator.pk]
    answer = api_for(cast.chiangrai_coordinator).post(
        "/api/care/funds", {"area_code": "57", "name": "กองทุนเชียงราย", "committee": committee}
    )
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert (
        sorted(body["committee"]) == sorted(committee)
        and body["balance"] == "0.00"
        and body["ledger_checked"]
    )


def test_it_refuses_a_committee_member_it_cannot_see(cast, api_for):
    answer = api_for(cast.chiangrai_coordinator).post(
        "/api/care/funds",
        {
            "area_code": "57",
            "name": "กองทุนเชียงราย",
            "committee": [
                cast.chiangrai_coordinator.pk,
                cast.maesai_coordinator.pk,
                cast.phayao_coordinator.pk,
            ],
        },
    )
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "committee"


def test_money_in_and_the_ledger(cast, api_for, fund):
    client = api_for(cast.chiangrai_coordinator)
    answer = client.post(
        f"/api/care/funds/{fund.pk}/donations", {"amount": "๑,๒๓๔.๕๐", "donor_name": "คุณใจบุญ"}
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["amount"] == "1234.50" and answer.json()["number"] == 1
    grant = client.post(
        f"/api/care/funds/{fund.pk}/grants", {"amount": "5000", "donor_organisation": fund.organisation_id}
    )
    assert grant.status_code == 201
    ledger = client.get(f"/api/care/funds/{fund.pk}/ledger").json()
    assert [entry["balance_after"] for entry in ledger["items"]] == ["1234.50", "6234.50"]


def test_a_bad_amount_is_answered_with_422(cast, api_for, fund):
    client = api_for(cast.chiangrai_coordinator)
    for amount in ("0", "12.345", "-1", "abc"):
        answer = client.post(f"/api/care/funds/{fund.pk}/donations", {"amount": amount, "donor_name": "x"})
        assert answer.status_code == 422, (amount, answer.json())
    assert not LedgerEntry.objects.exists()


def test_a_viewer_cannot_write(cast, api_for, fund):
    client = api_for(cast.chiangrai_viewer)
    assert client.get(f"/api/care/funds/{fund.pk}").status_code == 200
    answer = client.post(f"/api/care/funds/{fund.pk}/donations", {"amount": "10", "donor_name": "x"})
    assert answer.status_code == 403
    assert not LedgerEntry.objects.exists()


def test_a_request_is_decided_paid_and_reversed(cast, api_for, fund, case):
    funded(cast, fund)
    asked = api_for(cast.maesai_coordinator).post(
        f"/api/care/funds/{fund.pk}/requests", {"case": case.pk, "amount": "3000", "purpose": "ค่ารักษา"}
    )
    assert asked.status_code == 201, asked.json()
    pk = asked.json()["id"]
    assert asked.json()["subject"] == "บุญมี ศรีสุข" or "บุญมี" in asked.json()["subject"]
    own = api_for(cast.maesai_coordinator).post(f"/api/care/fund-requests/{pk}/decisions", {"approves": True})
    assert own.status_code == 403 and own.json()["code"] == "own_request"
    for member in (cast.chiangrai_coordinator, cast.mueang_coordinator):
        decided = api_for(member).post(f"/api/care/fund-requests/{pk}/decisions", {"approves": True})
        assert decided.status_code == 200
    assert decided.json()["status"] == RequestStatus.APPROVED and decided.json()["approvals"] == 2
    province = api_for(cast.chiangrai_coordinator)
    paid = province.post(f"/api/care/fund-requests/{pk}/payments")
    assert paid.status_code == 201 and paid.json()["amount"] == "-3000.00"
    again = province.post(f"/api/care/fund-requests/{pk}/payments")
    assert again.status_code == 422 and again.json()["detail"] == CareError.REQUEST_NOT_APPROVED.message()
    reversed_ = province.post(f"/api/care/fund-entries/{paid.json()['id']}/reversals", {"reason": "โอนผิด"})
    assert reversed_.status_code == 201 and reversed_.json()["balance_after"] == "10000.00"


def test_a_request_names_no_one_to_a_viewer(cast, api_for, fund, case):
    made = api_for(cast.maesai_coordinator).post(
        f"/api/care/funds/{fund.pk}/requests", {"case": case.pk, "amount": "3000", "purpose": "ค่ารักษาบุญมี"}
    )
    answer = api_for(cast.chiangrai_viewer).get(f"/api/care/fund-requests/{made.json()['id']}")
    assert answer.status_code == 200
    assert "บุญมี" not in answer.content.decode() and answer.json()["case_id"] is None


def test_a_case_outside_the_requesters_areas_is_bad_input(cast, api_for, fund, case):
    answer = api_for(cast.mueang_coordinator).post(
        f"/api/care/funds/{fund.pk}/requests", {"case": case.pk, "amount": "10", "purpose": "ค่ารักษา"}
    )
    assert answer.status_code == 422


def test_the_report_counts_money_in_and_out(cast, api_for, fund):
    funded(cast, fund, "2500.00")
    answer = api_for(cast.chiangrai_viewer).get(
        f"/api/care/funds/{fund.pk}/report", {"starts_on": "2020-01-01", "ends_on": TODAY.isoformat()}
    )
    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert body["money_in"] == "2500.00" and body["closing"] == "2500.00" and body["opening"] == "0.00"
    assert Decimal(body["by_donor"][0]["amount"]) == Decimal("2500.00")


def test_request_lists_do_not_grow_their_queries(cast, api_for, fund, case, django_assert_max_num_queries):
    from sanphalang.care.services.fund import fund_request_make

    client = api_for(cast.chiangrai_coordinator)
    path = f"/api/care/funds/{fund.pk}/requests?limit=10"
    client.get(path)
    fund_request_make(by=cast.maesai_coordinator, fund=fund, case=case, amount="10", purpose="ค่ารักษา")
    with django_assert_max_num_queries(12) as few:
        assert client.get(path).status_code == 200
    for _n in range(6):
        fund_request_make(by=cast.maesai_coordinator, fund=fund, case=case, amount="10", purpose="ค่ารักษา")
    with django_assert_max_num_queries(12) as many:
        assert len(client.get(path).json()["items"]) == 7
    assert len(many.captured_queries) <= len(few.captured_queries) + 1
