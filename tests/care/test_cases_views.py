"""The cases pages: a case's page as each reader sees it, each action's form, the caseload (in a fixed number of
queries however many cases), the referral inbox, the case list and the home page's follow-ups."""

import datetime as dt

import pytest
from django.urls import reverse

from sanphalang.accounts.models import AccessLog
from sanphalang.care.errors import CareError
from sanphalang.care.models import Case, CasePlanStatus, CaseStatus, ReferralStatus
from sanphalang.care.services import cases as services

from .cases_data import TODAY, household, opened


def _refer(cast, case, agency):
    return services.referral_send(by=cast.mueang_coordinator, case=case, agency=agency, reason="ขอเบี้ยยังชีพ")


def test_the_case_page_shows_the_person_to_the_districts_coordinator(client_for, cast, case):
    page = client_for(cast.mueang_coordinator).get(reverse("care:case_detail", args=[case.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "นางบุญมี ใจดี" in text and "เบาหวาน" in text
    assert reverse("care:assessment_create", args=[case.pk]) in text
    assert AccessLog.objects.filter(object_id=str(case.pk), action="read", model="care.case").exists()


@pytest.mark.parametrize("who", ["maesai_coordinator", "chiangrai_viewer", "chiangrai_partner"])
def test_the_case_page_is_not_found_for_those_outside(client_for, cast, case, who):
    page = client_for(getattr(cast, who)).get(reverse("care:case_detail", args=[case.pk]))
    assert page.status_code == 404
    assert "บุญมี" not in page.content.decode()


def test_a_partner_reads_a_referred_case_without_health_or_id_and_answers_it(client_for, cast, case, agency):
    referral = _refer(cast, case, agency)
    client = client_for(cast.chiangrai_partner)
    text = client.get(reverse("care:case_detail", args=[case.pk])).content.decode()
    assert "นางบุญมี ใจดี" in text and "เบาหวาน" not in text and "45-0" not in text
    inbox = client.get(reverse("care:referral_inbox")).content.decode()
    assert reverse("care:referral_answer", args=[referral.pk]) in inbox
    answered = client.post(reverse("care:referral_answer", args=[referral.pk]), {"decision": "accept"})
    assert answered.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED


def test_a_referral_without_consent_shows_the_reason_on_the_form(client_for, cast, agency):
    case = opened(cast.mueang_coordinator, household(consent_for_sharing=False))
    page = client_for(cast.mueang_coordinator).post(
        reverse("care:referral_create", args=[case.pk]), {"agency": agency.pk, "reason": "ขอเบี้ย"}
    )
    assert page.status_code == 400
    assert CareError.CONSENT_FOR_SHARING_REQUIRED.message() in page.content.decode()
    assert not case.referrals.exists()


def test_opening_a_case_from_the_household(client_for, cast, home, grandmother):
    client = client_for(cast.mueang_coordinator)
    url = reverse("care:case_open", args=[home.pk])
    assert "นางบุญมี ใจดี" in client.get(url).content.decode()
    answer = client.post(
        url,
        {
            "member": grandmother.pk,
            "kind": "elderly_alone",
            "summary": "ต้องการผู้ดูแล",
            "opened_on": "1/12/2569",
            "worker": cast.mueang_coordinator.pk,
            "first_follow_up_on": (TODAY + dt.timedelta(days=7)).isoformat(),
        },
    )
    case = Case.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse("care:case_detail", args=[case.pk])
    assert case.member == grandmother and case.worker == cast.mueang_coordinator
    assert client_for(cast.maesai_coordinator).get(url).status_code == 404


def test_the_assessment_form_asks_the_questions_of_the_kind(client_for, cast, case):
    client = client_for(cast.mueang_coordinator)
    url = reverse("care:assessment_create", args=[case.pk])
    form = client.get(url).content.decode()
    assert 'name="q_can_cook"' in form and 'name="q_income_source"' in form and "q_bedsores" not in form
    refused = client.post(url, {"assessed_on": TODAY.isoformat(), "q_can_cook": "yes"})
    assert refused.status_code == 400 and not case.assessments.exists()
    saved = client.post(
        url,
        {
            "assessed_on": TODAY.isoformat(),
            "q_can_cook": "yes",
            "q_can_bathe": "no",
            "q_has_carer": "no",
            "q_income_source": "allowance",
            "q_health_volunteer_visits": "yes",
        },
    )
    assert saved.status_code == 302
    assert case.assessments.get().answers["can_bathe"] is False


def test_help_follow_ups_plan_and_closure_through_the_pages(client_for, cast, case, second):
    mine, theirs = client_for(cast.mueang_coordinator), client_for(second)
    assert (
        mine.post(
            reverse("care:help_create", args=[case.pk]),
            {
                "kind": "money",
                "description": "ค่าอาหาร",
                "amount": "๑,๕๐๐.๕๐",
                "given_on": TODAY.isoformat(),
                "given_by_name": "กองทุน",
            },
        ).status_code
        == 302
    )
    assert str(case.help_given.get().amount) == "1500.50"
    assert (
        mine.post(reverse("care:follow_up_create", args=[case.pk]), {"due_on": TODAY.isoformat()}).status_code
        == 302
    )
    follow_up = case.follow_ups.get()
    assert (
        mine.post(reverse("care:follow_up_done", args=[follow_up.pk]), {"note": "สบายดี"}).status_code == 302
    )
    assert mine.post(reverse("care:plan_submit", args=[case.pk]), {"plan": "เยี่ยมบ้าน"}).status_code == 302
    # the submitter is refused; the page says why
    refused = mine.post(reverse("care:plan_decide", args=[case.pk]), {"approve": "yes"}, follow=True)
    assert CareError.SECOND_PERSON_REQUIRED.message() in refused.content.decode()
    assert Case.objects.get(pk=case.pk).plan_status == CasePlanStatus.SUBMITTED
    # the second person sees the buttons and approves
    assert (
        reverse("care:plan_decide", args=[case.pk])
        in theirs.get(reverse("care:case_detail", args=[case.pk])).content.decode()
    )
    theirs.post(reverse("care:plan_decide", args=[case.pk]), {"approve": "yes"})
    assert Case.objects.get(pk=case.pk).plan_status == CasePlanStatus.APPROVED
    assert (
        mine.post(reverse("care:close_request", args=[case.pk]), {"outcome": "resolved"}).status_code == 302
    )
    theirs.post(reverse("care:close_decide", args=[case.pk]), {"approve": "yes"})
    assert Case.objects.get(pk=case.pk).status == CaseStatus.CLOSED
    mine.post(reverse("care:case_reopen", args=[case.pk]))
    assert Case.objects.get(pk=case.pk).status == CaseStatus.OPEN


def test_a_viewer_and_another_district_cannot_act_on_the_case(client_for, cast, case):
    for who in ("chiangrai_viewer", "maesai_coordinator"):
        client = client_for(getattr(cast, who))
        assert client.post(reverse("care:plan_submit", args=[case.pk]), {"plan": "x"}).status_code in (
            403,
            404,
        )
        assert client.post(
            reverse("care:close_request", args=[case.pk]), {"outcome": "died"}
        ).status_code in (403, 404)
    assert Case.objects.get(pk=case.pk).plan_status == CasePlanStatus.NONE


def test_the_caseload_page_shows_the_due_cases_and_logs_their_reads(client_for, cast, home, grandmother):
    due = opened(cast.mueang_coordinator, home, grandmother, first_follow_up_on=TODAY - dt.timedelta(days=1))
    page = client_for(cast.mueang_coordinator).get(reverse("care:caseload"))
    text = page.content.decode()
    assert (
        page.status_code == 200
        and reverse("care:case_detail", args=[due.pk]) in text
        and "นางบุญมี ใจดี" in text
    )
    assert AccessLog.objects.filter(
        object_id=str(due.pk), user=cast.mueang_coordinator, action="read"
    ).exists()


def test_a_viewer_sees_counts_on_the_caseload_page_never_names(client_for, cast, home, grandmother):
    opened(cast.mueang_coordinator, home, grandmother, first_follow_up_on=TODAY)
    text = client_for(cast.chiangrai_viewer).get(reverse("care:caseload")).content.decode()
    assert "บุญมี" not in text and "เมืองเชียงราย" in text


def _cases(cast, second, agency, count: int):
    """count due cases; of them one plan and one closure waiting for the coordinator, one referral unanswered."""
    cases = []
    for number in range(count):
        home = household(house_number=f"{number}/1")
        cases.append(
            opened(cast.mueang_coordinator, home, first_follow_up_on=TODAY - dt.timedelta(days=number % 5))
        )
    services.case_plan_submit(by=second, case=cases[0], plan="แผน")
    services.case_close_request(by=second, case=cases[1], outcome="resolved")
    services.referral_send(
        by=second, case=cases[2], agency=agency, reason="ขอเบี้ย", sent_on=TODAY - dt.timedelta(days=20)
    )


def test_the_caseload_page_makes_a_fixed_number_of_queries(
    client_for, cast, django_assert_max_num_queries, second, agency
):
    # given a few cases of each section, the page read once
    client = client_for(cast.mueang_coordinator)
    _cases(cast, second, agency, 3)
    with django_assert_max_num_queries(25) as few:
        client.get(reverse("care:caseload"))
    # when there are ten times as many
    _cases(cast, second, agency, 30)
    # then the page makes no more queries
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("care:caseload"))
    assert page.status_code == 200 and page.context["page"].paginator.count == 33 - 2


def test_the_case_list_names_the_people_and_filters(client_for, cast, home, grandmother):
    case = opened(cast.mueang_coordinator, home, grandmother, kind="poverty")
    client = client_for(cast.mueang_coordinator)
    text = client.get(reverse("care:case_list"), {"kind": "poverty"}).content.decode()
    assert reverse("care:case_detail", args=[case.pk]) in text and "นางบุญมี ใจดี" in text
    assert (
        reverse("care:case_detail", args=[case.pk])
        not in client.get(reverse("care:case_list"), {"kind": "housing"}).content.decode()
    )


def test_the_home_page_shows_care_follow_ups_to_care_roles_only(client_for, cast, home):
    case = opened(cast.mueang_coordinator, home, first_follow_up_on=TODAY)
    text = client_for(cast.mueang_coordinator).get("/").content.decode()
    assert reverse("care:caseload") in text and reverse("care:case_detail", args=[case.pk]) in text
    assert reverse("care:caseload") not in client_for(cast.chiangrai_viewer).get("/").content.decode()
