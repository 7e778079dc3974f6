"""Reads of the watch list and incidents (S6): filters, the season over the new year, the history per year, the
incident's page (households by the people rules, help and fund payments with their totals), the risk calendar."""

import datetime as dt
from decimal import Decimal

import pytest

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import (
    AffectedHousehold,
    Case,
    EntryKind,
    FundRequest,
    Hazard,
    Help,
    HelpKind,
    Incident,
    LedgerEntry,
    RequestStatus,
    RiskArea,
    SocialFund,
)
from sanphalang.care.selectors.risks import (
    incident_page,
    risk_area_history,
    risk_area_list,
    risk_calendar,
)

from .people import household_in

pytestmark = pytest.mark.django_db


def entry(area_code, hazard, starts, ends, **fields):
    return RiskArea.objects.create(
        area_id=area_code,
        hazard=hazard,
        season_starts=starts,
        season_ends=ends,
        listed_on=dt.date(2020, 1, 1),
        **fields,
    )


def test_the_watch_list_filters_by_hazard_and_season_now_across_the_new_year(cast):
    # given a flood (Aug-Oct), a haze season (Dec-Mar) and a drought (Mar-May) in Mueang, a flood in Mae Sai
    flood = entry("570101", Hazard.FLOOD, 8, 10)
    haze = entry("570102", Hazard.FOREST_FIRE, 12, 3)
    drought = entry("570103", Hazard.DROUGHT, 3, 5)
    entry("570901", Hazard.FLOOD, 8, 10)
    user = cast.mueang_coordinator
    # then
    assert set(risk_area_list(user=user)) == {flood, haze, drought}
    assert list(risk_area_list(user=user, hazard=Hazard.FLOOD)) == [flood]
    january = dt.date(2025, 1, 15)
    assert list(risk_area_list(user=user, in_season_now=True, today=january)) == [haze]
    march = dt.date(2025, 3, 1)
    assert set(risk_area_list(user=user, in_season_now=True, today=march)) == {haze, drought}
    september = dt.date(2025, 9, 1)
    assert list(risk_area_list(user=user, in_season_now=True, today=september)) == [flood]


def test_the_database_season_filter_agrees_with_in_season_for_every_month(cast):
    entries = [
        entry("570101", hazard, starts, ends)
        for hazard, starts, ends in [(Hazard.FLOOD, 8, 10), (Hazard.STORM, 11, 2), (Hazard.DROUGHT, 12, 12)]
    ]
    for month in range(1, 13):
        found = set(risk_area_list(user=cast.admin, in_season_now=True, today=dt.date(2025, month, 1)))
        assert found == {e for e in entries if e.in_season(month)}, month


def test_the_history_counts_the_incidents_of_each_year(cast):
    flood = entry("570101", Hazard.FLOOD, 8, 10)
    for day in (dt.date(2022, 9, 1), dt.date(2024, 8, 3), dt.date(2024, 10, 9)):
        Incident.objects.create(
            risk_area=flood, area_id="570101", hazard=Hazard.FLOOD, occurred_on=day, description="น้ำท่วม"
        )
    assert risk_area_history(user=cast.mueang_coordinator, risk_area=flood) == [
        {"year": 2024, "count": 2},
        {"year": 2022, "count": 1},
    ]


def flood_with_help(cast):
    """A flood in Mueang that hit two households of Mueang and one of Mae Sai, with help and a fund payment."""
    incident = Incident.objects.create(
        area_id="570101", hazard=Hazard.FLOOD, occurred_on=dt.date(2024, 9, 1), description="น้ำท่วม"
    )
    households = [
        household_in("570101", head="บุญมี"),
        household_in("570102", head="คำปัน"),
        household_in("570901", head="แสงเดือน"),
    ]
    for household in households:
        AffectedHousehold.objects.create(incident=incident, household=household, damage="บ้านเสียหาย")
    case = Case.objects.create(
        household=households[0],
        area_id="570101",
        kind="disaster",
        summary="ซ่อมบ้าน",
        opened_on=dt.date(2024, 9, 2),
    )
    Help.objects.create(
        case=case,
        kind=HelpKind.IN_KIND,
        description="ถุงยังชีพ",
        amount=Decimal("500.50"),
        given_on=dt.date(2024, 9, 3),
        incident=incident,
    )
    fund = SocialFund.objects.create(area_id="57", name="กองทุนพัฒนาสังคมจังหวัดเชียงราย")
    LedgerEntry.objects.create(
        fund=fund,
        number=1,
        kind=EntryKind.DONATION,
        amount=Decimal("10000"),
        balance_after=Decimal("10000"),
        entered_on=dt.date(2024, 9, 1),
    )
    request = FundRequest.objects.create(
        fund=fund,
        incident=incident,
        amount=Decimal("3000"),
        purpose="ซ่อมบ้าน",
        requested_by=cast.mueang_coordinator,
        requested_on=dt.date(2024, 9, 4),
        status=RequestStatus.PAID,
    )
    LedgerEntry.objects.create(
        fund=fund,
        number=2,
        kind=EntryKind.PAYMENT,
        amount=Decimal("-3000.25"),
        balance_after=Decimal("6999.75"),
        entered_on=dt.date(2024, 9, 5),
        request=request,
    )
    FundRequest.objects.create(
        fund=fund,
        incident=incident,
        amount=Decimal("9000"),
        purpose="ยังไม่อนุมัติ",
        requested_by=cast.mueang_coordinator,
        requested_on=dt.date(2024, 9, 4),
    )
    return incident


def test_the_incident_page_shows_the_households_the_reader_sees_and_counts_the_others(cast):
    # given
    incident = flood_with_help(cast)
    # when the coordinator of Mueang reads it
    page = incident_page(user=cast.mueang_coordinator, incident=incident)
    # then two households are named, the third counted; the help and the paid request are summed in satang
    assert page.affected_count == 3 and page.hidden_count == 1
    assert sorted(str(row.head.name) for row in page.affected) == ["นางคำปัน ใจดี", "นางบุญมี ใจดี"]
    assert page.help_total == Decimal("500.50") and page.help[0].description == "ถุงยังชีพ"
    assert page.paid_total == Decimal("3000.25") and len(page.payments) == 1
    assert AccessLog.objects.filter(model="care.household").count() == 2


def test_a_viewer_sees_counts_and_totals_but_no_household_nor_what_was_given(cast):
    incident = flood_with_help(cast)
    page = incident_page(user=cast.chiangrai_viewer, incident=incident)
    assert page.affected == [] and page.hidden_count == 3
    assert page.help[0].description is None and page.help_total == Decimal("500.50")
    assert not AccessLog.objects.filter(model="care.household").exists()


def test_the_risk_calendar_counts_each_hazard_in_season_per_month(cast):
    entry("570101", Hazard.FLOOD, 8, 10)
    entry("570102", Hazard.FLOOD, 9, 9)
    entry("570103", Hazard.FOREST_FIRE, 12, 2)
    entry("570104", Hazard.FLOOD, 1, 12, is_active=False)
    entry("560101", Hazard.FLOOD, 1, 12)
    rows = risk_calendar(user=cast.chiangrai_coordinator, province_code="57")
    assert [(row.hazard, row.months) for row in rows] == [
        ("flood", [0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 0, 0]),
        ("forest_fire", [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
    ]
    assert risk_calendar(user=cast.phayao_coordinator, province_code="57") == []
