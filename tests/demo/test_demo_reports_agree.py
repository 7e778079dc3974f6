"""The demo tells the story its reports tell (/work corpus: the Chiang Rai citizens' council of 20 July 2558, the
Chiang Rai welfare network of 14 May 2562): one chair of meeting 3/2558, in its record and its attendance alike, and
the Chumphon social development fund as the province's social fund, not a community welfare fund."""

import datetime as dt

from sanphalang.care.models import SocialFund
from sanphalang.demo import care_data
from sanphalang.directory.models import Organisation, OrganisationKind
from sanphalang.meetings.models import ActionItem, Meeting
from sanphalang.welfare.models import AuditRound, Fund

CHAIR_OF_THE_MEETING = "ประธานในที่ประชุม"


def _s1() -> Meeting:
    return Meeting.objects.get(
        body__name_th__startswith="สภาพลเมืองจังหวัดเชียงราย", held_on=dt.date(2015, 7, 20)
    )


def test_meeting_3_2558_has_one_chair_the_vice_governor_in_its_record_and_its_attendance(demo):
    meeting = _s1()

    chairs = [
        line
        for line in meeting.attendances.all()
        if "ประธานการประชุม" in line.role or line.role.startswith(CHAIR_OF_THE_MEETING)
    ]

    assert len(chairs) == 1
    assert chairs[0].person_id == meeting.chair_id
    assert meeting.chair.full_name == "รัชกฤช สถิรานนท์"
    assert meeting.chair_title == "รองผู้ว่าราชการจังหวัดเชียงราย" and meeting.chair_title in chairs[0].role


def test_the_vice_governor_holds_his_own_office_not_a_chair_of_the_council(demo):
    positions = _s1().chair.positions.all()

    assert [(position.organisation.name_th, position.title) for position in positions] == [
        ("สำนักงานจังหวัดเชียงราย", "รองผู้ว่าราชการจังหวัดเชียงราย")
    ]


def test_dr_wirun_attends_meeting_3_2558_as_the_working_groups_chair_not_the_meetings(demo):
    line = _s1().attendances.get(person__first_name="วิรุณ")

    assert line.role == "ประธานคณะทำงานเครือข่ายภาคประชาสังคม"


def test_meeting_3_2558_holds_the_reports_figures(demo):
    # the report: 20 July 2558, 50 people, seven issues, a report to the governor at least every 3 months
    meeting = _s1()

    assert (f"{meeting.number}/{meeting.year_be}", meeting.held_on, meeting.head_count) == (
        "3/2558",
        dt.date(2015, 7, 20),
        50,
    )
    assert meeting.agenda_items.exclude(working_group=None).count() == 7
    assert ActionItem.objects.filter(meeting=meeting, recurrence_months=3).exists()
    names = set(
        meeting.attendances.exclude(organisation=None).values_list("organisation__name_th", flat=True)
    )
    assert {
        "สำนักงานแรงงานจังหวัดเชียงราย",
        "สำนักงานธนารักษ์พื้นที่จังหวัดเชียงราย",
        "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
    } <= names


def test_no_chumphon_social_development_fund_among_the_welfare_funds(demo):
    assert not Organisation.objects.filter(
        kind=OrganisationKind.WELFARE_FUND, name_th__contains="พัฒนาสังคม"
    ).exists()
    assert not Organisation.objects.filter(
        kind=OrganisationKind.WELFARE_FUND, area__code__startswith="86"
    ).exists()
    assert not Fund.objects.filter(name_th__contains="พัฒนาสังคม").exists()


def test_the_chumphon_social_development_fund_is_the_provinces_social_fund(demo):
    fund = SocialFund.objects.get(area_id="86")

    assert fund.name == care_data.FUND_NAME == "กองทุนพัฒนาสังคมจังหวัดชุมพร"
    assert fund.organisation.name_th == "สมาคมสานพลังประชารัฐจังหวัดชุมพร"


def test_the_welfare_network_meeting_and_its_round_hold_the_reports_figures(demo):
    # the report: 14 May 2562 at the consumer protection centre; 3 sources; 18 districts; 20 May – 15 Jun 62
    meeting = Meeting.objects.get(held_on=dt.date(2019, 5, 14))
    audit_round = AuditRound.objects.get(province_id="57")

    assert meeting.venue == "ศูนย์คุ้มครองผู้บริโภคจังหวัดเชียงราย"
    assert "10 อำเภอ" in meeting.minutes
    assert meeting.agenda_items.filter(title__contains="ข้อมูล 3 ฐาน").exists()
    assert ActionItem.objects.filter(meeting=meeting, title__contains="18 อำเภอ").exists()
    assert (audit_round.starts_on, audit_round.ends_on) == (dt.date(2019, 5, 20), dt.date(2019, 6, 15))
