"""The cases selectors: who opens a case and which of its fields they see, the caseload's order and what it
holds, the counts for the roles that see numbers only, and a partner agency's inbox."""

import datetime as dt

import pytest
from django.http import Http404

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import Case, CaseKind
from sanphalang.care.selectors import cases as selectors
from sanphalang.care.services import cases as services
from sanphalang.errors import AccessDenied

from .cases_data import TODAY, household, member, opened


def _refer(cast, case, agency):
    return services.referral_send(by=cast.mueang_coordinator, case=case, agency=agency, reason="ขอกายอุปกรณ์")


def test_the_districts_coordinator_sees_the_case_in_full_and_the_read_is_logged(cast, case):
    view = selectors.case_get(user=cast.chiangrai_coordinator, pk=case.pk)
    assert view.member.name == "นางบุญมี ใจดี"
    assert view.member.national_id == "1-1017-00203-45-0"  # in full for a provincial coordinator
    assert view.member.bedridden is True and view.kind_shown
    masked = selectors.case_get(user=cast.mueang_coordinator, pk=case.pk).member.national_id
    assert masked.endswith("45-0") and "00203" not in masked
    assert AccessLog.objects.filter(model="care.case", object_id=str(case.pk), action="read").count() == 2


@pytest.mark.parametrize(
    "who", ["maesai_coordinator", "chiangrai_viewer", "phayao_coordinator", "unassigned"]
)
def test_another_district_and_a_viewer_see_nothing(cast, case, who):
    user = getattr(cast, who)
    with pytest.raises(Http404):
        selectors.case_get(user=user, pk=case.pk)
    assert not selectors.case_list(user=user).exists()
    assert not selectors.caseload(user=user, today=TODAY).due.exists()


def test_a_partner_sees_a_referred_case_without_health_legal_status_or_national_id(cast, case, agency):
    # given no referral yet: the partner sees nothing
    with pytest.raises(Http404):
        selectors.case_get(user=cast.chiangrai_partner, pk=case.pk)
    services.follow_up_schedule(by=cast.mueang_coordinator, case=case, due_on=TODAY)
    referral = _refer(cast, case, agency)
    # when the case is referred to the partner's agency, with the household's consent
    view = selectors.case_get(user=cast.chiangrai_partner, pk=case.pk)
    # then the partner sees the name and the referral, not health, legal status, ID, assessments or visits
    assert view.referred and view.member.name == "นางบุญมี ใจดี"
    assert (
        view.member.national_id is None and view.member.bedridden is None and view.member.legal_status is None
    )
    assert view.member.chronic_illness is None
    assert view.referrals == [referral] and view.follow_ups == [] and view.assessments == []
    assert view.kind_shown  # elderly living alone says nothing of health
    assert list(selectors.referral_inbox(user=cast.chiangrai_partner)) == [referral]
    assert AccessLog.objects.filter(
        user=cast.chiangrai_partner, object_id=str(case.pk), action="read"
    ).exists()


def test_a_partner_does_not_see_a_health_kind_nor_other_agencies_referrals(cast, home, grandmother, agency):
    from sanphalang.directory.services import organisation_create

    case = opened(cast.mueang_coordinator, home, grandmother, kind="bedridden")
    other = organisation_create(
        by=cast.chiangrai_coordinator, kind="agency", name_th="โรงพยาบาลเชียงราย", area_code="57"
    )
    services.referral_send(by=cast.mueang_coordinator, case=case, agency=other, reason="ขอเตียง")
    mine = _refer(cast, case, agency)
    view = selectors.case_get(user=cast.chiangrai_partner, pk=case.pk)
    assert not view.kind_shown
    assert view.referrals == [mine]


def test_a_partner_sees_nothing_once_the_referral_is_revoked_or_without_consent(cast, case, agency):
    referral = _refer(cast, case, agency)
    services.referral_revoke(by=cast.mueang_coordinator, referral=referral)
    with pytest.raises(Http404):
        selectors.case_get(user=cast.chiangrai_partner, pk=case.pk)
    assert not selectors.referral_inbox(user=cast.chiangrai_partner).exists()
    # a household that withdrew its consent after a referral: the agency no longer reads it
    second = _refer(cast, case, agency)
    type(case.household).objects.filter(pk=case.household_id).update(consent_for_sharing=False)
    with pytest.raises(Http404):
        selectors.case_get(user=cast.chiangrai_partner, pk=case.pk)
    with pytest.raises(Http404):
        selectors.referral_get_for_answer(user=cast.chiangrai_partner, pk=second.pk)


def test_a_partner_and_a_viewer_cannot_fetch_a_case_to_change_it(cast, case, agency):
    _refer(cast, case, agency)
    with pytest.raises(AccessDenied):
        selectors.case_get_for_change(user=cast.chiangrai_partner, pk=case.pk)
    with pytest.raises(Http404):
        selectors.case_get_for_change(user=cast.chiangrai_viewer, pk=case.pk)


def test_the_caseload_lists_due_cases_overdue_first_and_the_approvals_of_others(cast, home, second):
    coordinator = cast.mueang_coordinator
    later = opened(coordinator, home, first_follow_up_on=TODAY + dt.timedelta(days=3))
    overdue = opened(coordinator, home, first_follow_up_on=TODAY - dt.timedelta(days=5))
    opened(coordinator, home, first_follow_up_on=TODAY + dt.timedelta(days=30))  # not due yet
    services.case_plan_submit(by=second, case=later, plan="แผน")
    services.case_plan_submit(by=coordinator, case=overdue, plan="แผน")
    services.case_close_request(by=second, case=Case.objects.get(pk=later.pk), outcome="resolved")
    load = selectors.caseload(user=coordinator, today=TODAY)
    assert list(load.due) == [overdue]  # the closing one is not open; the far one is not due
    assert [case.pk for case in load.plans_to_approve] == [later.pk]  # not the one the user submitted
    assert [case.pk for case in load.closures_to_approve] == [later.pk]
    assert selectors.caseload(user=second, today=TODAY).closures_to_approve == []


def test_the_caseload_filters_by_worker_and_area_and_chases_old_referrals(cast, home, second, agency):
    coordinator = cast.mueang_coordinator
    mine = opened(coordinator, home, worker=coordinator, first_follow_up_on=TODAY)
    theirs = opened(
        coordinator, household("570102"), worker=second, first_follow_up_on=TODAY - dt.timedelta(days=1)
    )
    assert list(selectors.caseload(user=coordinator, today=TODAY).due) == [theirs, mine]
    assert list(selectors.caseload(user=coordinator, today=TODAY, worker=coordinator.pk).due) == [mine]
    assert list(selectors.caseload(user=coordinator, today=TODAY, area="570102").due) == [theirs]
    old = services.referral_send(
        by=coordinator, case=mine, agency=agency, reason="ขอเบี้ย", sent_on=TODAY - dt.timedelta(days=15)
    )
    services.referral_send(by=coordinator, case=mine, agency=agency, reason="ขอเบี้ย", sent_on=TODAY)
    assert selectors.caseload(user=coordinator, today=TODAY).stale_referrals == [old]


def test_the_case_list_filters(cast, home, grandmother):
    coordinator = cast.mueang_coordinator
    poor = opened(coordinator, home, kind="poverty", first_follow_up_on=TODAY - dt.timedelta(days=1))
    alone = opened(coordinator, home, grandmother, worker=coordinator)
    assert list(selectors.case_list(user=coordinator, kind="poverty")) == [poor]
    assert list(selectors.case_list(user=coordinator, due="overdue", today=TODAY)) == [poor]
    assert list(selectors.case_list(user=coordinator, worker=coordinator.pk)) == [alone]
    assert list(selectors.case_list(user=coordinator, status="closed")) == []
    assert set(selectors.case_list(user=coordinator, area="5701")) == {poor, alone}


def test_counts_are_per_district_and_kind_for_every_role_and_name_nobody(cast, home):
    opened(cast.mueang_coordinator, home)
    opened(cast.mueang_coordinator, home, kind="poverty")
    opened(cast.maesai_coordinator, household("570901"))
    counts = selectors.caseload_counts(user=cast.chiangrai_viewer)
    assert {(row.area.code, str(row.kind), row.count) for row in counts} == {
        ("5701", str(CaseKind.ELDERLY_ALONE.label), 1),
        ("5701", str(CaseKind.POVERTY.label), 1),
        ("5709", str(CaseKind.ELDERLY_ALONE.label), 1),
    }
    assert {row.area.code for row in selectors.caseload_counts(user=cast.maesai_coordinator)} == {"5709"}
    assert selectors.caseload_counts(user=cast.phayao_coordinator) == []


def test_the_home_page_count_of_follow_ups_due(cast, home):
    opened(cast.mueang_coordinator, home, first_follow_up_on=TODAY)
    opened(cast.mueang_coordinator, home, first_follow_up_on=TODAY + dt.timedelta(days=1))
    count, first = selectors.follow_ups_due(user=cast.mueang_coordinator, today=TODAY)
    assert count == 1 and len(first) == 1
    assert selectors.follow_ups_due(user=cast.maesai_coordinator, today=TODAY)[0] == 0


def test_workers_offered_are_those_who_may_write_the_area(cast, home, second):
    workers = selectors.worker_choices(user=cast.mueang_coordinator, area_code=home.area_id)
    assert cast.mueang_coordinator in workers and second in workers and cast.chiangrai_coordinator in workers
    assert cast.maesai_coordinator not in workers and cast.chiangrai_viewer not in workers
    with pytest.raises(AccessDenied):
        selectors.worker_choices(user=cast.maesai_coordinator, area_code=home.area_id)


def test_a_member_of_another_household_is_not_a_reason_to_see_it(cast):
    # a member registered in Mae Sai does not open a Mueang case of hers to Mae Sai's coordinator
    other = household("570901")
    person = member(other, first_name="แสง")
    case = opened(cast.maesai_coordinator, other, person)
    with pytest.raises(Http404):
        selectors.case_get(user=cast.mueang_coordinator, pk=case.pk)
