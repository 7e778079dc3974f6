"""The synthetic people in care at the tiny scale: about the households asked for, of one to nine people, in the
villages where villages are listed; the rules the care services keep hold on every row; national IDs are valid,
distinct and stored only encrypted; and each province's fund ledger balances."""

from collections import Counter

import pytest
from django.db import transaction
from django.db.models import Count, F, Min, Q, Sum
from stdnum.th import pin

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.care.models import (
    AffectedHousehold,
    Case,
    FollowUp,
    FundRequest,
    Help,
    Household,
    HousingWork,
    Incident,
    LedgerEntry,
    LegalStatusCase,
    Member,
    Referral,
    RiskArea,
    SocialFund,
)
from sanphalang.care.protection import decrypt_national_id, national_id_lookup
from sanphalang.demo.synth import synthesize
from sanphalang.demo.synth.scales import SCALES
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.names import compact, person_search_key

TINY = SCALES["tiny"]


@pytest.fixture(scope="module")
def _synthesized(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield synthesize(scale="tiny", seed=5)
        transaction.set_rollback(True)


@pytest.fixture
def synthesized(_synthesized, db):
    return _synthesized


def test_the_households_asked_for_live_in_villages_where_villages_are_listed(synthesized):
    households = Household.objects.count()
    assert 0.85 * TINY.households <= households <= 1.15 * TINY.households
    assert synthesized.counts["care.Household"] == households
    sizes = Counter(Household.objects.annotate(n=Count("members")).values_list("n", flat=True))
    assert min(sizes) == 1 and 6 <= max(sizes) <= 9
    assert 2.6 <= Member.objects.count() / households <= 3.6
    assert 0.03 <= Member.objects.filter(elderly_alone=True).count() / households <= 0.15
    levels = set(Household.objects.values_list("area__level", flat=True))
    assert levels <= {AreaLevel.VILLAGE, AreaLevel.SUBDISTRICT} and AreaLevel.VILLAGE in levels
    with_villages = set(Area.objects.filter(level=AreaLevel.VILLAGE).values_list("parent_id", flat=True))
    assert not Household.objects.filter(area_id__in=with_villages).exists()
    assert {code[:2] for code in Household.objects.values_list("area_id", flat=True)} == set(TINY.provinces)


def test_people_are_varied_as_registers_write_them(synthesized):
    members = Member.objects.all()
    assert members.filter(title="").exists() and members.filter(title="นาย").exists()
    assert members.filter(title__in=["เด็กชาย", "ด.ช.", "เด็กหญิง", "ด.ญ."]).exists()
    thai_digits = Q()
    for digit in "๐๑๒๓๔๕๖๗๘๙":
        thai_digits |= Q(house_number__contains=digit) | Q(address__contains=digit)
    assert Household.objects.filter(thai_digits).exists()
    assert members.filter(bedridden=True).exists() and members.exclude(disability="").exists()
    # the stateless are found mostly along the border: Chiang Rai has many more than Phayao
    stateless = Counter(
        members.filter(no_national_id_reason="stateless").values_list("area_id", flat=True)
    )  # fmt: skip
    in_chiang_rai = sum(n for code, n in stateless.items() if code.startswith("57"))
    assert in_chiang_rai > 3 * sum(n for code, n in stateless.items() if code.startswith("56"))
    assert LegalStatusCase.objects.filter(area__code__startswith="57").exists()


def test_every_record_lives_where_its_household_lives(synthesized):
    assert not Member.objects.exclude(area_id=F("household__area_id")).exists()
    assert not Case.objects.exclude(area_id=F("household__area_id")).exists()
    assert not Case.objects.exclude(member__household=F("household")).exists()
    assert not HousingWork.objects.exclude(area_id=F("household__area_id")).exists()
    assert not LegalStatusCase.objects.exclude(area_id=F("member__area_id")).exists()
    assert Case.objects.filter(worker__username__startswith="synth-d").exists()
    assert not Case.objects.exclude(worker__role__in=["provincial_coordinator", "area_coordinator"]).exists()


def test_the_keys_are_the_ones_the_services_compute(synthesized):
    for member in Member.objects.all():
        assert member.search_key == person_search_key(member.first_name, member.last_name)
        assert member.sort_key == thai_sort_key(f"{member.first_name} {member.last_name}")
    for household in Household.objects.all():
        assert household.search_key == compact(f"{household.house_number} {household.address}")


def test_national_ids_are_valid_distinct_and_found_by_their_hash(synthesized):
    with_id = Member.objects.exclude(national_id_lookup="")
    lookups = list(with_id.values_list("national_id_lookup", flat=True))
    assert len(lookups) == len(set(lookups)) > 0.8 * Member.objects.count()
    for member in with_id[:300]:
        digits = decrypt_national_id(member.national_id_token)
        assert pin.is_valid(digits) and digits.endswith(member.national_id_last_four)
        assert national_id_lookup(digits) == member.national_id_lookup
    no_id = Member.objects.filter(national_id_lookup="")
    assert not no_id.filter(no_national_id_reason="").exists()
    assert not no_id.exclude(national_id_token="").exists()


def test_cases_follow_up_and_close_as_the_services_keep_them(synthesized):
    cases = Case.objects.all()
    assert set(cases.values_list("status", flat=True)) == {"open", "closing", "closed"}
    assert 0.1 <= cases.filter(status="open").count() / Household.objects.count() <= 0.3
    earliest = dict(
        FollowUp.objects.filter(done_on=None)
        .values("case")
        .annotate(d=Min("due_on"))
        .values_list("case", "d")
    )
    for case_id, next_on in cases.values_list("pk", "next_follow_up_on"):
        assert earliest.get(case_id) == next_on
    assert not cases.exclude(status="open").filter(next_follow_up_on__isnull=False).exists()
    assert cases.filter(status="open", next_follow_up_on__lt="2026-09-30").exists()
    assert cases.filter(status="open", next_follow_up_on__gt="2026-09-30").exists()
    closed = cases.filter(status="closed")
    assert not closed.filter(Q(closure_approved_by=None) | Q(closed_on=None) | Q(outcome="")).exists()
    assert not closed.filter(closure_approved_by=F("closure_requested_by")).exists()
    assert not cases.filter(plan_status="approved", plan_decided_by=F("plan_submitted_by")).exists()
    assert not cases.filter(plan_status="approved", plan_decided_by=None).exists()
    assert Referral.objects.values("status").distinct().count() >= 4
    assert Help.objects.exists()


def test_each_provinces_fund_ledger_balances(synthesized):
    funds = SocialFund.objects.all()
    assert sorted(funds.values_list("area_id", flat=True)) == sorted(TINY.provinces)
    for fund in funds:
        entries = list(fund.entries.order_by("number"))
        assert [e.number for e in entries] == list(range(1, fund.entry_count + 1))
        running = 0
        for entry in entries:
            running += entry.amount
            assert entry.balance_after == running and running >= 0
        assert fund.balance == fund.entries.aggregate(total=Sum("amount"))["total"]
        assert fund.committee.count() >= 3
    assert LedgerEntry.objects.filter(kind="reversal").exists()
    for request in FundRequest.objects.filter(status="paid"):
        assert request.payment.amount == -request.amount
        assert request.payment.help.kind == "money" and request.payment.help.case_id == request.case_id
        approvers = request.decisions.filter(approves=True).values_list("by", flat=True)
        assert len(approvers) >= 2 and request.requested_by_id not in approvers
    assert not Help.objects.filter(kind="money", fund_entry=None).exists()


def test_risk_areas_incidents_legal_status_and_housing(synthesized):
    assert RiskArea.objects.filter(area__code__startswith="57", hazard__in=["forest_fire", "flash_flood",
                                                                           "landslide"]).exists()  # fmt: skip
    assert Incident.objects.exists()
    for incident in Incident.objects.all():
        lives_there = Household.objects.filter(area__code__startswith=incident.area_id).exists()
        assert lives_there == AffectedHousehold.objects.filter(incident=incident).exists()
    for affected in AffectedHousehold.objects.select_related("incident", "household"):
        assert affected.household.area_id.startswith(affected.incident.area_id)
    for status_case in LegalStatusCase.objects.prefetch_related("events"):
        events = list(status_case.events.all())
        assert events[-1].step == status_case.step and events[-1].happened_on == status_case.step_since
    assert not HousingWork.objects.filter(status="completed", completed_on=None).exists()


def test_records_added_after_the_synthesis_get_new_ids(synthesized):
    household = Household.objects.order_by("-pk").first()
    added = Household.objects.create(area_id=household.area_id, purpose="ทดสอบ")
    assert added.pk > household.pk
