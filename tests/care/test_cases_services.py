"""The cases services: opening a case, assessments, help, referrals and their answers, follow-ups, the case plan
and closing with their second person; every write in the access log; other districts and viewers refused."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sanphalang.accounts.models import AccessLog
from sanphalang.care.errors import CareError
from sanphalang.care.models import (
    Case,
    CasePlanStatus,
    CaseStatus,
    FollowUp,
    Referral,
    ReferralStatus,
)
from sanphalang.care.services import cases as services
from sanphalang.errors import AccessDenied

from .cases_data import TODAY, household, member, opened


def codes(error: ValidationError) -> set[str]:
    found = set()
    for items in error.error_dict.values() if hasattr(error, "error_dict") else [error.error_list]:
        found.update(item.code for item in items)
    return found


def logged(case, detail_part: str = "", action: str | None = None) -> bool:
    rows = AccessLog.objects.filter(model="care.case", object_id=str(case.pk))
    if action:
        rows = rows.filter(action=action)
    return rows.filter(detail__contains=detail_part).exists()


# ---- opening


def test_a_coordinator_opens_a_case_in_the_households_area(cast, home, grandmother):
    # when the district's coordinator opens a case with a first follow-up
    case = opened(cast.mueang_coordinator, home, grandmother, first_follow_up_on=TODAY + dt.timedelta(days=7))
    # then it is open, in the household's area, with its follow-up, and logged as created
    assert case.status == CaseStatus.OPEN and case.area_id == home.area_id
    assert case.next_follow_up_on == TODAY + dt.timedelta(days=7)
    assert case.follow_ups.get().due_on == case.next_follow_up_on
    assert logged(case, "opened", action="create")


@pytest.mark.parametrize(
    "who", ["maesai_coordinator", "chiangrai_viewer", "chiangrai_partner", "phayao_coordinator"]
)
def test_opening_is_refused_outside_the_writers_areas(cast, home, who):
    with pytest.raises(AccessDenied):
        opened(getattr(cast, who), home)
    assert not Case.objects.exists()


def test_the_member_must_be_of_the_household_and_the_worker_of_its_area(cast, home):
    other = member(household("570102"), first_name="สมชาย")
    with pytest.raises(ValidationError) as refused:
        opened(cast.mueang_coordinator, home, other)
    assert codes(refused.value) == {"member_not_of_household"}
    with pytest.raises(ValidationError) as refused:
        opened(cast.mueang_coordinator, home, worker=cast.maesai_coordinator)
    assert codes(refused.value) == {"worker_not_of_area"}


def test_a_case_is_not_opened_in_the_future(cast, home):
    with pytest.raises(ValidationError) as refused:
        opened(cast.mueang_coordinator, home, opened_on=TODAY + dt.timedelta(days=1))
    assert codes(refused.value) == {"date_in_future"}


# ---- assessments


def test_an_assessment_is_recorded_on_the_form_of_the_cases_kind(cast, case):
    answers = {"can_cook": "no", "can_bathe": True, "has_carer": False, "income_source": "allowance"}
    answers["health_volunteer_visits"] = "yes"
    assessment = services.assessment_record(
        by=cast.mueang_coordinator, case=case, answers=answers, assessed_on=TODAY
    )
    assert assessment.template == "elderly_alone-1"
    assert assessment.answers["can_cook"] is False and assessment.answers["health_volunteer_visits"] is True
    assert logged(case, f"assessment {assessment.pk}")


def test_an_assessment_refuses_unknown_questions_wrong_types_and_missing_answers(cast, case):
    with pytest.raises(ValidationError) as refused:
        services.assessment_record(
            by=cast.mueang_coordinator,
            case=case,
            answers={"shoe_size": 42, "can_cook": "maybe", "income_source": "lottery"},
            assessed_on=TODAY,
        )
    assert codes(refused.value) == {
        "unknown_question",
        "answer_not_yes_no",
        "answer_not_a_choice",
        "answer_required",
    }
    assert not case.assessments.exists()


# ---- help


def test_help_is_recorded_with_satang_by_a_name(cast, case):
    given = services.help_record(
        by=cast.mueang_coordinator,
        case=case,
        kind="money",
        description="ค่าอาหาร",
        amount="1500.50",
        given_on=TODAY,
        given_by_name="กองทุนสวัสดิการชุมชน",
    )
    assert given.amount == Decimal("1500.50")
    assert logged(case, f"help {given.pk}")


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"amount": "-1"}, "amount_negative"),
        ({"amount": "10.005"}, "amount_too_precise"),
        ({"given_on": TODAY + dt.timedelta(days=1)}, "date_in_future"),
        ({"given_by_name": ""}, "giver_required"),
    ],
)
def test_help_refuses_bad_values(cast, case, fields, code):
    values = {"kind": "money", "description": "ค่าอาหาร", "given_on": TODAY, "given_by_name": "ผู้ใหญ่บ้าน"}
    values.update(fields)
    with pytest.raises(ValidationError) as refused:
        services.help_record(by=cast.mueang_coordinator, case=case, **values)
    assert codes(refused.value) == {code}


# ---- referrals


def _referral(cast, case, agency):
    return services.referral_send(by=cast.mueang_coordinator, case=case, agency=agency, reason="ขอเบี้ยยังชีพ")


def test_a_referral_needs_the_households_consent_to_sharing(cast, agency):
    home = household(consent_for_sharing=False)
    case = opened(cast.mueang_coordinator, home)
    with pytest.raises(ValidationError) as refused:
        _referral(cast, case, agency)
    assert codes(refused.value) == {"consent_for_sharing_required"}
    assert CareError.CONSENT_FOR_SHARING_REQUIRED.message() in str(refused.value)


def test_the_agency_accepts_and_marks_done(cast, case, agency):
    referral = _referral(cast, case, agency)
    assert referral.status == ReferralStatus.IN_PROGRESS and logged(case, f"referral {referral.pk} sent")
    services.referral_answer(by=cast.chiangrai_partner, referral=referral, decision="accept", answer="รับเรื่อง")
    assert referral.status == ReferralStatus.ACCEPTED and referral.answered_by == cast.chiangrai_partner
    services.referral_answer(by=cast.chiangrai_partner, referral=referral, decision="done", outcome="given")
    referral.refresh_from_db()
    assert (referral.status, referral.outcome, referral.done_on) == (ReferralStatus.DONE, "given", TODAY)
    assert logged(case, f"referral {referral.pk} done")


def test_the_agency_declines_with_a_reason(cast, case, agency):
    referral = _referral(cast, case, agency)
    with pytest.raises(ValidationError) as refused:
        services.referral_answer(by=cast.chiangrai_partner, referral=referral, decision="reject")
    assert codes(refused.value) == {"rejection_reason_required"}
    services.referral_answer(
        by=cast.chiangrai_partner, referral=referral, decision="reject", answer="ไม่อยู่ในเขต"
    )
    assert referral.status == ReferralStatus.REJECTED


def test_the_areas_coordinator_answers_for_the_agency_but_another_district_cannot(cast, case, agency):
    referral = _referral(cast, case, agency)
    with pytest.raises(AccessDenied):
        services.referral_answer(by=cast.maesai_coordinator, referral=referral, decision="accept")
    services.referral_answer(by=cast.chiangrai_coordinator, referral=referral, decision="accept")
    assert referral.status == ReferralStatus.ACCEPTED


def test_answers_only_follow_the_states_that_make_sense(cast, case, agency):
    referral = _referral(cast, case, agency)
    with pytest.raises(ValidationError) as refused:
        services.referral_answer(
            by=cast.chiangrai_partner, referral=referral, decision="done", outcome="given"
        )
    assert codes(refused.value) == {"referral_not_accepted"}
    services.referral_answer(by=cast.chiangrai_partner, referral=referral, decision="accept")
    with pytest.raises(ValidationError) as refused:
        services.referral_answer(by=cast.chiangrai_partner, referral=referral, decision="accept")
    assert codes(refused.value) == {"referral_not_waiting"}
    with pytest.raises(ValidationError) as refused:
        services.referral_answer(by=cast.chiangrai_partner, referral=referral, decision="done")
    assert codes(refused.value) == {"service_outcome_required"}


def test_the_cases_coordinators_revoke_a_referral_once(cast, case, agency):
    referral = _referral(cast, case, agency)
    with pytest.raises(AccessDenied):
        services.referral_revoke(by=cast.chiangrai_partner, referral=referral)
    services.referral_revoke(by=cast.mueang_coordinator, referral=referral)
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.REVOKED
    assert logged(case, f"referral {referral.pk} revoked")
    with pytest.raises(ValidationError) as refused:
        services.referral_revoke(by=cast.mueang_coordinator, referral=referral)
    assert codes(refused.value) == {"referral_finished"}


# ---- follow-ups


def test_the_next_follow_up_is_the_earliest_not_done_and_a_repeating_one_schedules_the_next(cast, case):
    later = services.follow_up_schedule(
        by=cast.mueang_coordinator, case=case, due_on=TODAY + dt.timedelta(days=20)
    )
    sooner = services.follow_up_schedule(
        by=cast.mueang_coordinator, case=case, due_on=TODAY - dt.timedelta(days=2), repeat_days=30
    )
    assert Case.objects.get(pk=case.pk).next_follow_up_on == sooner.due_on
    services.follow_up_done(by=cast.mueang_coordinator, follow_up=sooner, note="สบายดี")
    # the repeating one scheduled the next 30 days after the visit; the earliest undone is now the later one
    assert FollowUp.objects.filter(
        case=case, done_on__isnull=True, due_on=TODAY + dt.timedelta(days=30)
    ).exists()
    assert Case.objects.get(pk=case.pk).next_follow_up_on == later.due_on
    assert logged(case, f"follow-up {sooner.pk} done")
    with pytest.raises(ValidationError) as refused:
        services.follow_up_done(by=cast.mueang_coordinator, follow_up=sooner)
    assert codes(refused.value) == {"follow_up_done_already"}


def test_a_repeat_out_of_range_is_refused(cast, case):
    with pytest.raises(ValidationError) as refused:
        services.follow_up_schedule(by=cast.mueang_coordinator, case=case, due_on=TODAY, repeat_days=400)
    assert codes(refused.value) == {"repeat_out_of_range"}


# ---- the case plan


def test_the_plan_is_approved_by_a_second_person_only(cast, case, second):
    services.case_plan_submit(by=cast.mueang_coordinator, case=case, plan="เยี่ยมบ้านทุกเดือน")
    assert case.plan_status == CasePlanStatus.SUBMITTED
    with pytest.raises(ValidationError) as refused:
        services.case_plan_decide(by=cast.mueang_coordinator, case=case, approve=True)
    assert codes(refused.value) == {"second_person_required"}
    with pytest.raises(AccessDenied):
        services.case_plan_decide(by=cast.maesai_coordinator, case=case, approve=True)
    services.case_plan_decide(by=second, case=case, approve=True)
    saved = Case.objects.get(pk=case.pk)
    assert (saved.plan_status, saved.plan_decided_by) == (CasePlanStatus.APPROVED, second)
    assert logged(case, "plan approved")


def test_a_returned_plan_says_why_and_can_be_submitted_again(cast, case, second):
    services.case_plan_submit(by=cast.mueang_coordinator, case=case, plan="เยี่ยมบ้าน")
    with pytest.raises(ValidationError) as refused:
        services.case_plan_submit(by=cast.mueang_coordinator, case=case, plan="อีกแผน")
    assert codes(refused.value) == {"plan_awaiting_decision"}
    with pytest.raises(ValidationError) as refused:
        services.case_plan_decide(by=second, case=case, approve=False)
    assert codes(refused.value) == {"return_reason_required"}
    services.case_plan_decide(by=second, case=case, approve=False, reason="ระบุผู้รับผิดชอบ")
    assert case.plan_status == CasePlanStatus.RETURNED and case.plan_return_reason == "ระบุผู้รับผิดชอบ"
    services.case_plan_submit(by=cast.mueang_coordinator, case=case, plan="เยี่ยมบ้าน โดย อสม.")
    assert case.plan_status == CasePlanStatus.SUBMITTED and case.plan_return_reason == ""
    with pytest.raises(ValidationError) as refused:
        services.case_plan_decide(
            by=second, case=Case.objects.get(pk=opened(second, case.household).pk), approve=True
        )
    assert codes(refused.value) == {"nothing_to_approve"}


def test_the_database_refuses_a_plan_approved_by_its_submitter(cast, case):
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(
            plan_status="approved",
            plan_submitted_by=cast.mueang_coordinator,
            plan_decided_by=cast.mueang_coordinator,
        )


# ---- closing


def test_closing_needs_a_second_person_and_a_refusal_keeps_it_open(cast, case, second):
    services.case_close_request(by=cast.mueang_coordinator, case=case, outcome="resolved", note="มีผู้ดูแลแล้ว")
    assert case.status == CaseStatus.CLOSING
    with pytest.raises(ValidationError) as refused:
        services.case_close_decide(by=cast.mueang_coordinator, case=case, approve=True)
    assert codes(refused.value) == {"second_person_required"}
    services.case_close_decide(by=second, case=case, approve=False)
    assert (case.status, case.outcome) == (CaseStatus.OPEN, "")
    assert logged(case, "closure refused")
    services.case_close_request(by=cast.mueang_coordinator, case=case, outcome="resolved")
    services.case_close_decide(by=second, case=case, approve=True)
    saved = Case.objects.get(pk=case.pk)
    assert (saved.status, saved.closed_on, saved.closure_approved_by) == (CaseStatus.CLOSED, TODAY, second)


def test_a_closed_case_is_changed_only_after_it_is_reopened(cast, case, second):
    with pytest.raises(ValidationError) as refused:
        services.case_reopen(by=cast.mueang_coordinator, case=case)
    assert codes(refused.value) == {"case_not_closed"}
    with pytest.raises(ValidationError) as refused:
        services.case_close_request(by=cast.mueang_coordinator, case=case, outcome="")
    assert codes(refused.value) == {"outcome_required"}
    services.case_close_request(by=cast.mueang_coordinator, case=case, outcome="moved_away")
    with pytest.raises(ValidationError) as refused:
        services.case_close_request(by=cast.mueang_coordinator, case=case, outcome="moved_away")
    assert codes(refused.value) == {"case_not_open"}
    services.case_close_decide(by=second, case=case, approve=True)
    with pytest.raises(ValidationError) as refused:
        services.follow_up_schedule(by=cast.mueang_coordinator, case=case, due_on=TODAY)
    assert codes(refused.value) == {"case_closed"}
    services.case_reopen(by=cast.mueang_coordinator, case=case)
    assert (case.status, case.closed_on, case.outcome) == (CaseStatus.OPEN, None, "")
    assert logged(case, "reopened")


def test_the_database_refuses_a_closure_approved_by_its_requester(cast, case):
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(
            closure_requested_by=cast.mueang_coordinator, closure_approved_by=cast.mueang_coordinator
        )


def test_a_change_built_on_an_old_version_of_the_case_is_refused(cast, case, second):
    from sanphalang.errors import VersionConflict

    stale = case.version
    services.case_plan_submit(by=cast.mueang_coordinator, case=case, plan="แผนแรก")
    with pytest.raises(VersionConflict):
        services.case_update(by=second, case=Case.objects.get(pk=case.pk), version=stale, summary="อื่น")
