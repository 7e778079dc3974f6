"""The demo's people in care: Chumphon's households with cases at every status, their referrals and the social
fund's balanced ledger (S5), the stateless people of Chumphon and Chiang Rai with their legal status cases (S8), the
disaster-risk areas with a past flood (S6), Phayao's housing repairs house by house, and a second load that changes
nothing."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import F, Sum
from django.utils import timezone

from sanphalang.care import access
from sanphalang.care.models import (
    AffectedHousehold,
    Case,
    CasePlanStatus,
    CaseStatus,
    EntryKind,
    FollowUp,
    FundRequest,
    Help,
    HelpKind,
    Household,
    HousingStatus,
    HousingWork,
    Incident,
    LedgerEntry,
    LegalStatusCase,
    Member,
    Referral,
    ReferralStatus,
    RequestStatus,
    RiskArea,
    SocialFund,
)
from sanphalang.care.protection import decrypt_national_id
from sanphalang.demo import care_data as spec
from sanphalang.demo import plans_data
from sanphalang.demo.loader import load_demo
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.names import compact, person_search_key

User = get_user_model()


def _user(username: str):
    return User.objects.get(username=username)


def test_the_chumphon_coordinator_sees_the_centres_households_and_no_others(demo):
    coordinator = _user("chumphon")
    seen = Household.objects.filter(access.people_q(coordinator, "area_id"))
    assert seen.count() == spec.CHUMPHON_HOUSEHOLD_COUNT == 40
    assert {h.area_id[:4] for h in seen} >= {"8601", "8602", "8603", "8604", "8605", "8607"}
    # the Lang Suan coordinator sees Lang Suan's alone, and a viewer none
    lang_suan = Household.objects.filter(access.people_q(_user("langsuan"), "area_id"))
    assert lang_suan.exists() and all(h.area_id.startswith("8604") for h in lang_suan)
    assert not Household.objects.filter(access.people_q(_user("viewer"), "area_id")).exists()


def test_the_cases_stand_at_every_status_with_follow_ups_due_this_week_and_overdue(demo):
    today = timezone.localdate()
    cases = Case.objects.filter(area__code__startswith="86")
    assert set(cases.values_list("status", flat=True)) == set(CaseStatus.values)
    assert set(cases.values_list("plan_status", flat=True)) == set(CasePlanStatus.values)
    week_end = today + dt.timedelta(days=6 - today.weekday())
    open_cases = cases.filter(status=CaseStatus.OPEN)
    assert open_cases.filter(next_follow_up_on__gte=today, next_follow_up_on__lte=week_end).exists()
    assert open_cases.filter(next_follow_up_on__lt=today).exists()
    # the next follow-up is the earliest not done; a case awaiting its closure has none left
    for case in Case.objects.all():
        pending = FollowUp.objects.filter(case=case, done_on=None).order_by("due_on").first()
        assert case.next_follow_up_on == (pending.due_on if pending else None)
    closed = cases.filter(status=CaseStatus.CLOSED)
    assert closed.exists() and not closed.filter(closure_approved_by=F("closure_requested_by")).exists()
    assert not cases.filter(
        plan_status=CasePlanStatus.APPROVED, plan_decided_by=F("plan_submitted_by")
    ).exists()


def test_members_and_cases_live_where_their_household_lives_with_the_keys_the_services_compute(demo):
    assert not Member.objects.exclude(area_id=F("household__area_id")).exists()
    assert not Case.objects.exclude(area_id=F("household__area_id")).exists()
    assert not Case.objects.exclude(member=None).exclude(member__household=F("household")).exists()
    assert not HousingWork.objects.exclude(area_id=F("household__area_id")).exists()
    for member in Member.objects.all()[:200]:
        assert member.search_key == person_search_key(member.first_name, member.last_name)
        assert member.sort_key == thai_sort_key(f"{member.first_name} {member.last_name}")
    for household in Household.objects.all()[:200]:
        assert household.search_key == compact(f"{household.house_number} {household.address}")
    ids = [decrypt_national_id(t) for t in Member.objects.exclude(national_id_token="").values_list(
        "national_id_token", flat=True)]  # fmt: skip
    assert all(len(digits) == 13 and digits.isdigit() for digits in ids)
    assert len(set(ids)) == len(ids)


def test_referrals_reach_the_agencies_at_every_status_and_the_partner_sees_what_was_shared(demo):
    referrals = Referral.objects.filter(case__area__code__startswith="86")
    assert set(referrals.values_list("status", flat=True)) == set(ReferralStatus.values)
    assert {"พมจ.ชุมพร", "อบต.นาขา"} <= set(referrals.values_list("agency__abbreviation", flat=True))
    assert referrals.filter(agency__name_th="โรงพยาบาลหลังสวน").exists()
    partner = _user("partner-chumphon")
    shared = Case.objects.filter(access.case_read_q(partner)).distinct()
    assert shared.exists()
    assert all(c.referrals.filter(agency=partner.organisation).exists() for c in shared)
    kinds = set(Help.objects.filter(case__area__code__startswith="86").values_list("kind", flat=True))
    assert {HelpKind.IN_KIND, HelpKind.MONEY, HelpKind.REPAIR, HelpKind.ADVICE} <= kinds


def test_the_chumphon_fund_ledger_balances_and_pays_approved_requests(demo):
    fund = SocialFund.objects.get(area_id="86", name=spec.FUND_NAME)
    assert fund.organisation.name_th == "สมาคมสานพลังประชารัฐจังหวัดชุมพร"
    assert {u.username for u in fund.committee.all()} == set(spec.FUND_COMMITTEE)
    entries = list(fund.entries.order_by("number"))
    assert [e.number for e in entries] == list(range(1, len(entries) + 1)) and fund.entry_count == len(
        entries
    )
    running = 0
    for entry in entries:
        running += entry.amount
        assert entry.balance_after == running >= 0
    assert fund.balance == LedgerEntry.objects.filter(fund=fund).aggregate(total=Sum("amount"))["total"]
    assert {e.kind for e in entries} == set(EntryKind.values)
    reversal = next(e for e in entries if e.kind == EntryKind.REVERSAL)
    assert reversal.amount == -reversal.reverses.amount
    # money in from a company, a temple and individuals, and a grant
    assert fund.entries.filter(kind=EntryKind.DONATION, donor_organisation__kind="business").exists()
    assert fund.entries.filter(donor_name__startswith="วัด").exists()
    # each paid request has its payment and the money help on the case, linked to it
    requests = FundRequest.objects.filter(fund=fund)
    assert set(requests.values_list("status", flat=True)) >= {"paid", "approved", "pending", "rejected"}
    for request in requests.filter(status=RequestStatus.PAID):
        assert request.payment.amount == -request.amount
        assert request.payment.help.case == request.case and request.payment.help.kind == HelpKind.MONEY
        assert request.decisions.filter(approves=True).exclude(by=request.requested_by).count() >= 2
    waiting = requests.get(status=RequestStatus.PENDING)
    assert waiting.decisions.count() == 1


def test_the_stateless_people_have_legal_status_cases_one_stuck_at_the_district(demo):
    stateless = Member.objects.filter(area__code__startswith="86", no_national_id_reason="stateless")
    assert stateless.count() == 3 and not stateless.exclude(national_id_lookup="").exists()
    cases = LegalStatusCase.objects.filter(area__code__startswith="86")
    assert cases.count() == 3 and len(set(cases.values_list("step", flat=True))) == 3
    stuck = cases.get(step="district_review")
    assert (timezone.localdate() - stuck.step_since).days >= 200
    assert stuck.agency.name_th == "ที่ว่าการอำเภอท่าแซะ"
    for case in LegalStatusCase.objects.all():
        events = list(case.events.order_by("happened_on"))
        assert events[-1].step == case.step and events[-1].happened_on == case.step_since
        assert case.area_id == case.member.area_id
    assert LegalStatusCase.objects.filter(area__code__startswith="57").count() >= 4


def test_risk_areas_and_a_past_flood_that_hit_households(demo):
    assert RiskArea.objects.filter(area__code__startswith="8604", hazard="flood").exists()
    assert RiskArea.objects.filter(
        area__code__startswith="56", hazard="forest_fire", season_starts=2
    ).exists()
    incident = Incident.objects.get(area_id="8604")
    affected = AffectedHousehold.objects.filter(incident=incident)
    assert affected.exists() and all(a.household.area_id.startswith("8604") for a in affected)
    assert Case.objects.filter(incident=incident, kind="disaster").count() == affected.count()


def test_phayaos_housing_repairs_count_towards_the_618_households(demo):
    works = HousingWork.objects.filter(project__external_id=spec.PHAYAO_HOUSING_PROJECT)
    completed = works.filter(status=HousingStatus.COMPLETED)
    expected = sum(q1 + q2 for q1, q2, _q3 in plans_data.HOUSING_DONE.values())
    assert completed.count() == expected == 247
    assert works.filter(status=HousingStatus.UNDER_WAY).exists()
    assert {w.area_id[:4] for w in completed} == set(plans_data.HOUSING_SPLIT)
    assert not completed.filter(completed_on__lt=F("started_on")).exists()


def test_a_second_load_changes_nothing(demo):
    counts = (Household.objects.count(), Member.objects.count(), LedgerEntry.objects.count())
    assert load_demo()["care"] == {"loaded": False}
    assert (Household.objects.count(), Member.objects.count(), LedgerEntry.objects.count()) == counts
