"""The demo's plans: S7 Phayao's people's agenda with its MOU, projects, targets and quarters; S4 Chumphon's
charters counted against the year's target; S10 the Chiang Rai network's registration; S14 the Bangkok region's
provinces compared over two years; and a second load that changes nothing."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sanphalang.areas.models import Region
from sanphalang.demo import plans_data as spec
from sanphalang.demo.loader import load_demo
from sanphalang.directory.models import Organisation
from sanphalang.meetings.models import Body, Meeting
from sanphalang.plans.models import (
    Agreement,
    AgreementDocument,
    AgreementParty,
    BudgetLine,
    Charter,
    Indicator,
    MainWork,
    PeriodLock,
    Plan,
    ProgressEntry,
    Project,
    Registration,
    Signatory,
    StageEvent,
    TargetSplit,
)
from sanphalang.plans.selectors.progress import plan_progress, region_comparison
from sanphalang.plans.services.targets import split_check

User = get_user_model()
PHAYAO_DISTRICTS = ["5601", "5602", "5603", "5604", "5605", "5606", "5607", "5608", "5609"]


def _phayao_plan() -> Plan:
    return Plan.objects.get(area_id="56", year_be=2565, title="วาระคนพะเยา ปี 2565")


def _rolled(user, plan: Plan) -> dict:
    return {rolled.indicator.external_id: rolled for rolled in plan_progress(user=user, plan=plan)}


def test_the_demo_holds_phayaos_agenda_and_its_mou_as_the_report_records_them(demo):
    plan = _phayao_plan()
    assert plan.vision == "พะเยาอยู่เย็นเป็นสุขอย่างยั่งยืน"
    assert (plan.year_kind, plan.period_kind, plan.status) == ("fiscal", "quarter", "adopted")
    works = list(plan.main_works.order_by("number"))
    assert [work.number for work in works] == [1, 2, 3, 4, 5]
    assert works[0].title.startswith("งานพัฒนาระบบการจัดการทรัพยากรธรรมชาติ")
    assert works[4].title == "งานการจัดการสถานะทางสิทธิของบุคคลไร้รัฐและไร้สัญชาติ"
    assert all(work.issue_areas.exists() and work.strategies.exists() for work in works)
    # the MOU, signed at the forum of 27 January 2565 where the governor opened the agenda
    agreement = Agreement.objects.get(plan=plan)
    assert agreement.signed_on == dt.date(2022, 1, 27)
    assert agreement.venue.startswith("ห้องประชุมสหกรณ์การเกษตรเมืองพะเยาจำกัด")
    assert agreement.meeting == plan.meeting
    assert agreement.meeting.chair.full_name == "ศักดิ์ฤทธิ์ สลักคำ"
    parties = {party.organisation.name_th for party in agreement.parties.all()}
    assert {
        "เครือข่ายขบวนองค์กรชุมชนจังหวัดพะเยา",
        "สำนักงานจังหวัดพะเยา",
        "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)",
    } <= parties
    assert {"พมจ.พะเยา", "อบจ.พะเยา"} <= {
        party.organisation.abbreviation for party in agreement.parties.all()
    }
    signed = {(s.person.full_name, s.position) for s in Signatory.objects.filter(party__agreement=agreement)}
    assert signed == {
        ("ศักดิ์ฤทธิ์ สลักคำ", "ผู้ว่าราชการจังหวัดพะเยา"),
        ("มุกดา อินต๊ะสาร", "ประธานคณะทำงานเครือข่ายสร้างบ้านแปงเมืองพะเยา"),
        ("วิชัย นะสุวรรณโน", "ผู้อำนวยการภาคเหนือ สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)"),
    }
    assert agreement.documents.count() == 1
    # the four provincial projects, each with its owner, partners, budget and targets
    projects = list(plan.projects.order_by("external_id"))
    assert [project.name for project in projects][3] == "โครงการบ้านพอเพียงชนบท ปี 2565"
    assert len(projects) == 4
    for project in projects:
        assert project.owner is not None and project.partners.exists()
        assert project.budget_lines.exists() and project.indicators.exists()
        assert project.agreement == agreement


def test_the_618_households_are_split_over_phayaos_9_districts_and_add_up(demo):
    housing = Indicator.objects.get(plan=_phayao_plan(), measure__slug="rural-housing-repair")
    assert (housing.name, housing.target, housing.unit) == (
        "ครัวเรือนที่ได้รับการซ่อมสร้างบ้านพอเพียงชนบท",
        Decimal(618),
        "households",
    )
    splits = dict(housing.splits.values_list("area_id", "target"))
    assert sorted(splits) == PHAYAO_DISTRICTS
    assert sum(splits.values()) == 618
    assert split_check(housing, splits).adds_up


def test_the_first_two_quarters_are_approved_and_locked_and_the_third_waits(demo):
    plan = _phayao_plan()
    locked = set(
        PeriodLock.objects.filter(plan=plan, reopened_at=None).values_list("period_start", flat=True)
    )
    assert locked == {dt.date(2021, 10, 1), dt.date(2022, 1, 1)}
    entries = ProgressEntry.objects.filter(indicator__plan=plan)
    assert set(entries.filter(period_start__lt=dt.date(2022, 4, 1)).values_list("status", flat=True)) == {
        "approved"
    }
    third = entries.filter(period_start=dt.date(2022, 4, 1))
    assert third.filter(status="submitted").count() >= 5
    [returned] = third.filter(status="returned")
    assert returned.area_id == "5606" and returned.return_reason
    assert not entries.filter(period_start__gt=timezone.localdate()).exists()
    # the housing figures: 62 households approved in Q1 and 185 in Q2 count; five districts' Q3 reports wait, the
    # returned one (18 households) does not count at all
    housing = _rolled(User.objects.get(username="phayao"), plan)["PY65-04-1"]
    assert housing.whole.value == 62 + 185
    assert housing.whole.pending == 24 + 21 + 20 + 13 + 18
    assert {row.code: row.value for row in housing.rows}["5606"] == 7 + 21
    assert sum(row.target for row in housing.rows) == 618
    # the share of funds with accounts up to date is computed from its parts, never by adding percentages
    accounts = _rolled(User.objects.get(username="phayao"), plan)["PY65-03-2"]
    assert (accounts.whole.actual, accounts.whole.denominator) == (49, 68)


def test_the_phayao_plan_page_shows_every_target_as_a_bar_with_its_status_in_thai(demo):
    plan = _phayao_plan()
    client = Client()
    client.force_login(User.objects.get(username="phayao"))
    with translation.override("th"):
        page = client.get(reverse("plans:plan_detail", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="th")
    assert page.status_code == 200
    html = page.content.decode()
    assert "พะเยาอยู่เย็นเป็นสุขอย่างยั่งยืน" in html
    assert html.count('<progress class="target-progress') == plan.indicators.count() == 7
    assert "ครัวเรือนที่ได้รับการซ่อมสร้างบ้านพอเพียงชนบท" in html
    assert "บรรลุเป้าหมายแล้ว" in html  # the nine district forums were all held
    assert reverse("plans:approvals", args=[plan.pk]) in html


def test_chumphons_counted_target_shows_5_of_its_11_tambons(demo):
    plan = Plan.objects.get(area_id="86", year_be=2562)
    [rolled] = plan_progress(user=User.objects.get(username="chumphon"), plan=plan)
    assert rolled.indicator.counted_by == "charters_enacted"
    assert rolled.indicator.measure.slug == "charters-enacted"
    assert (rolled.whole.value, rolled.whole.target, rolled.whole.source) == (5, 11, "counted")
    charters = Charter.objects.filter(area__code__startswith="86")
    assert charters.count() == 11
    stages = {stage: charters.filter(stage=stage).count() for stage in ("enacted", "hearing", "drafting")}
    assert stages == {"enacted": 5, "hearing": 2, "drafting": 4}
    for charter in charters.filter(stage="enacted"):
        path = list(charter.events.values_list("stage", "happened_on"))
        assert [stage for stage, _day in path] == ["drafting", "hearing", "enacted"]
        assert all(plan.starts_on <= day <= plan.ends_on for _stage, day in path)
        assert charter.adopted_by.name_th == f"สภาองค์กรชุมชนตำบล{charter.area.name_th}"


def test_the_chiang_rai_networks_registration_moves_step_by_step(demo):
    registration = Registration.objects.get(organisation__name_th="เครือข่ายสวัสดิการชุมชนจังหวัดเชียงราย")
    assert (registration.law, registration.stage) == ("welfare_organisation", "reviewing")
    assert registration.authority.abbreviation == "พมจ.เชียงราย"
    events = list(registration.events.order_by("happened_on", "pk"))
    assert [event.stage for event in events] == ["preparing", "submitted", "reviewing"]
    assert [event.happened_on for event in events] == sorted(event.happened_on for event in events)
    assert [event.document_version for event in events] == [1, 2, 3]
    assert events[0].document.read().decode().startswith("ร่างระเบียบข้อบังคับ")
    assert registration.stage_on == events[-1].happened_on


def test_the_bangkok_region_compares_its_four_provinces_this_year_and_last(demo):
    region = Region.objects.get(slug="bangkok-vicinity-east")
    comparisons = region_comparison(user=User.objects.get(username="bangkok"), region=region, year_be=2562)
    by_measure = {comparison.measure.slug: comparison.rows for comparison in comparisons}
    assert set(by_measure) == {slug for slug, _name, _adds in spec.REGION_MEASURES}
    for rows in by_measure.values():
        assert [row["code"] for row in rows] == ["10", "11", "12", "13"]
        assert all(row["this_year"] is not None and row["last_year"] is not None for row in rows)
    members = {row["code"]: row for row in by_measure["welfare-fund-members"]}
    # a standing: the latest approved figure of the year counts
    assert (members["10"]["this_year"].value, members["10"]["last_year"].value) == (53600, 51400)
    assert members["13"]["this_year"].target == 19000
    # an amount done: the quarters add up
    housing = {row["code"]: row for row in by_measure["rural-housing-repair"]}
    assert (housing["11"]["this_year"].value, housing["11"]["last_year"].value) == (165, 145)
    client = Client()
    client.force_login(User.objects.get(username="bangkok"))
    page = client.get(reverse("plans:region_page", args=[region.slug]), {"year": "2562"})
    assert page.status_code == 200
    assert "สมุทรปราการ" in page.content.decode() and "ปทุมธานี" in page.content.decode()


def test_loading_the_demo_twice_changes_no_plan_record(demo):
    kinds = [
        Plan,
        MainWork,
        Agreement,
        AgreementParty,
        Signatory,
        AgreementDocument,
        Project,
        BudgetLine,
        Indicator,
        TargetSplit,
        ProgressEntry,
        PeriodLock,
        Charter,
        Registration,
        StageEvent,
        Body,
        Meeting,
        Organisation,
    ]
    histories = [Plan, Indicator, TargetSplit, ProgressEntry, Charter, Registration]

    def counts():
        return [kind.objects.count() for kind in kinds] + [kind.history.count() for kind in histories]

    before = counts()
    again = load_demo()
    assert counts() == before
    assert (
        again["plans"]["entries"]
        == ProgressEntry.objects.filter(
            indicator__plan__in=[_phayao_plan(), *Plan.objects.filter(region__slug="bangkok-vicinity-east")]
        ).count()
    )
