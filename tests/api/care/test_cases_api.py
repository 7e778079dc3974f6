"""The cases API: the same services and selectors as the pages, JSON in and out, ETags on what is edited, and
the same refusals (422 with the code, 403, 404, 409)."""

import datetime as dt

import pytest

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import Case, CasePlanStatus, CaseStatus, ReferralStatus
from sanphalang.care.services import cases as services
from tests.care.cases_data import TODAY, household, opened


def test_a_case_is_opened_and_read_with_its_etag(api_for, cast, home, grandmother):
    api = api_for(cast.mueang_coordinator)
    answer = api.post(
        "/api/care/cases",
        {
            "household": home.pk,
            "member": grandmother.pk,
            "kind": "elderly_alone",
            "summary": "อยู่คนเดียว",
            "opened_on": "1/12/2569",
            "first_follow_up_on": TODAY.isoformat(),
            "version": 3,
        },
    )
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["member"]["name"] == "นางบุญมี ใจดี" and body["member"]["bedridden"] is True
    assert body["next_follow_up_on"] == TODAY.isoformat() and body["version"] == 1
    read = api.get(f"/api/care/cases/{body['id']}")
    assert read.status_code == 200 and read["ETag"] == 'W/"1"'
    assert AccessLog.objects.filter(object_id=str(body["id"]), channel="api", action="read").exists()
    assert AccessLog.objects.filter(object_id=str(body["id"]), channel="api", action="create").exists()


def test_opening_refuses_a_household_or_member_the_caller_cannot_reach(api_for, cast, home):
    api = api_for(cast.maesai_coordinator)
    body = {"household": home.pk, "kind": "poverty", "summary": "ยากจน", "opened_on": TODAY.isoformat()}
    answer = api.post("/api/care/cases", body)
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "household"
    other = household("570102")
    from tests.care.cases_data import member

    stranger = member(other, first_name="แสง")
    answer = api_for(cast.mueang_coordinator).post("/api/care/cases", {**body, "member": stranger.pk})
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "member"
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    "who", ["maesai_coordinator", "chiangrai_viewer", "chiangrai_partner", "phayao_coordinator"]
)
def test_outsiders_get_nothing(api_for, cast, case, who):
    api = api_for(getattr(cast, who))
    assert api.get(f"/api/care/cases/{case.pk}").status_code == 404
    assert api.get("/api/care/cases").json()["count"] == 0
    assert api.get("/api/care/caseload").json()["due"]["count"] == 0
    answer = api.post(f"/api/care/cases/{case.pk}/plan", {"plan": "แผน"})
    assert answer.status_code in (403, 404)
    assert Case.objects.get(pk=case.pk).plan_status == CasePlanStatus.NONE


def test_the_list_filters_and_names_through_the_rule(api_for, cast, case):
    api = api_for(cast.mueang_coordinator)
    items = api.get("/api/care/cases", {"kind": "elderly_alone"}).json()["items"]
    assert [item["id"] for item in items] == [case.pk] and items[0]["person"] == "นางบุญมี ใจดี"
    assert api.get("/api/care/cases", {"kind": "housing"}).json()["count"] == 0
    assert api.get("/api/care/cases", {"due": "soon"}).status_code == 422


def test_assessment_help_and_follow_ups(api_for, cast, case):
    api = api_for(cast.mueang_coordinator)
    forms = api.get("/api/care/assessment-forms").json()
    assert {form["kind"] for form in forms} >= {"elderly_alone", "bedridden", "housing"}
    refused = api.post(
        f"/api/care/cases/{case.pk}/assessments",
        {"answers": {"shoe_size": 1}, "assessed_on": TODAY.isoformat()},
    )
    assert refused.status_code == 422
    answers = {"can_cook": True, "can_bathe": True, "has_carer": False, "income_source": "family"}
    answers["health_volunteer_visits"] = False
    saved = api.post(
        f"/api/care/cases/{case.pk}/assessments", {"answers": answers, "assessed_on": TODAY.isoformat()}
    )
    assert saved.status_code == 201 and saved.json()["template"] == "elderly_alone-1"
    given = api.post(
        f"/api/care/cases/{case.pk}/help",
        {
            "kind": "in_kind",
            "description": "ข้าวสาร",
            "amount": "350.25",
            "given_on": TODAY.isoformat(),
            "given_by_name": "วัด",
        },
    )
    assert given.status_code == 201 and given.json()["amount"] == "350.25"
    too_fine = api.post(
        f"/api/care/cases/{case.pk}/help",
        {
            "kind": "money",
            "description": "เงิน",
            "amount": "1.001",
            "given_on": TODAY.isoformat(),
            "given_by_name": "วัด",
        },
    )
    assert too_fine.status_code == 422
    follow_up = api.post(
        f"/api/care/cases/{case.pk}/follow-ups", {"due_on": TODAY.isoformat(), "repeat_days": 14}
    )
    assert follow_up.status_code == 201
    done = api.post(f"/api/care/follow-ups/{follow_up.json()['id']}/done", {"note": "ดีขึ้น"})
    assert done.status_code == 200 and done.json()["done_on"] == TODAY.isoformat()
    assert Case.objects.get(pk=case.pk).next_follow_up_on == TODAY + dt.timedelta(days=14)


def test_a_referral_is_answered_by_the_agency_and_read_without_health(api_for, cast, case, agency):
    sent = api_for(cast.mueang_coordinator).post(
        f"/api/care/cases/{case.pk}/referrals", {"agency": agency.pk, "reason": "ขอเบี้ยความพิการ"}
    )
    assert sent.status_code == 201
    partner = api_for(cast.chiangrai_partner)
    inbox = partner.get("/api/care/referrals/inbox").json()
    assert [item["id"] for item in inbox["items"]] == [sent.json()["id"]]
    read = partner.get(f"/api/care/cases/{case.pk}").json()
    assert read["member"]["name"] == "นางบุญมี ใจดี"
    assert read["member"]["national_id"] is None and read["member"]["bedridden"] is None
    assert read["assessments"] == [] and read["follow_ups"] == [] and read["plan"] is None
    referral_id = sent.json()["id"]
    stale = partner.post(f"/api/care/referrals/{referral_id}/answer", {"decision": "accept", "version": 9})
    assert stale.status_code == 409
    accepted = partner.post(f"/api/care/referrals/{referral_id}/answer", {"decision": "accept"})
    assert accepted.status_code == 200 and accepted["ETag"] == 'W/"2"'
    done = partner.post(
        f"/api/care/referrals/{referral_id}/answer", {"decision": "done", "outcome": "no_capacity"}
    )
    assert done.json()["status"] == ReferralStatus.DONE and done.json()["outcome"] == "no_capacity"


def test_a_referral_without_consent_is_refused_with_its_code(api_for, cast, agency):
    case = opened(cast.mueang_coordinator, household(consent_for_sharing=False))
    answer = api_for(cast.mueang_coordinator).post(
        f"/api/care/cases/{case.pk}/referrals", {"agency": agency.pk, "reason": "ขอเบี้ย"}
    )
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "agency"


def test_a_revoked_referral_closes_the_case_to_the_agency(api_for, cast, case, agency):
    referral = services.referral_send(by=cast.mueang_coordinator, case=case, agency=agency, reason="ขอเบี้ย")
    assert (
        api_for(cast.chiangrai_partner).post(f"/api/care/referrals/{referral.pk}/revoke").status_code == 403
    )
    assert (
        api_for(cast.mueang_coordinator).post(f"/api/care/referrals/{referral.pk}/revoke").status_code == 200
    )
    assert api_for(cast.chiangrai_partner).get(f"/api/care/cases/{case.pk}").status_code == 404


def test_plan_and_closure_need_a_second_person(api_for, cast, case, second):
    mine, theirs = api_for(cast.mueang_coordinator), api_for(second)
    submitted = mine.post(f"/api/care/cases/{case.pk}/plan", {"plan": "เยี่ยมบ้านทุกสัปดาห์"})
    assert submitted.status_code == 200 and submitted["ETag"] == 'W/"2"'
    refused = mine.post(f"/api/care/cases/{case.pk}/plan/decision", {"approve": True})
    assert refused.status_code == 422
    stale = theirs.post(f"/api/care/cases/{case.pk}/plan/decision", {"approve": True, "version": 1})
    assert stale.status_code == 409
    approved = theirs.post(f"/api/care/cases/{case.pk}/plan/decision", {"approve": True})
    assert approved.status_code == 200 and approved.json()["plan_status"] == CasePlanStatus.APPROVED
    assert mine.post(f"/api/care/cases/{case.pk}/closure", {"outcome": "resolved"}).status_code == 200
    assert mine.post(f"/api/care/cases/{case.pk}/closure/decision", {"approve": True}).status_code == 422
    closed = theirs.post(f"/api/care/cases/{case.pk}/closure/decision", {"approve": True})
    assert closed.json()["status"] == CaseStatus.CLOSED and closed.json()["closed_on"] == TODAY.isoformat()
    assert mine.post(f"/api/care/cases/{case.pk}/reopen").json()["status"] == CaseStatus.OPEN


def test_a_case_is_edited_with_if_match(api_for, cast, case):
    api = api_for(cast.mueang_coordinator)
    changed = api.patch(f"/api/care/cases/{case.pk}", {"summary": "ต้องการรถเข็น"})
    assert changed.status_code == 200 and changed["ETag"] == 'W/"2"'
    stale = api.client.patch(
        f"/api/care/cases/{case.pk}",
        '{"summary": "อื่น"}',
        content_type="application/json",
        headers={"If-Match": 'W/"1"'},
    )
    assert stale.status_code == 409 and stale.json()["current"]["summary"] == "ต้องการรถเข็น"


def test_the_caseload_and_counts(api_for, cast, home, second):
    due = opened(cast.mueang_coordinator, home, first_follow_up_on=TODAY - dt.timedelta(days=2))
    services.case_plan_submit(by=second, case=due, plan="แผน")
    load = api_for(cast.mueang_coordinator).get("/api/care/caseload").json()
    assert [item["id"] for item in load["due"]["items"]] == [due.pk]
    assert [item["id"] for item in load["plans_to_approve"]] == [due.pk]
    counts = api_for(cast.chiangrai_viewer).get("/api/care/caseload/counts").json()
    assert counts == [
        {"area_code": "5701", "area_name": counts[0]["area_name"], "kind": counts[0]["kind"], "count": 1}
    ]
    assert api_for(cast.phayao_coordinator).get("/api/care/caseload/counts").json() == []
