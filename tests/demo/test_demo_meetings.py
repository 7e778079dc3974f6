import datetime as dt

from sanphalang.demo.loader import load_demo
from sanphalang.meetings.models import ActionItem, Body, Letter, Meeting


def test_the_demo_holds_s1_as_the_report_records_it(demo):
    meeting = Meeting.objects.get(held_on=dt.date(2015, 7, 20))
    assert f"{meeting.number}/{meeting.year_be}" == "3/2558"
    assert meeting.chair.full_name == "รัชกฤช สถิรานนท์"
    assert meeting.chair_title == "รองผู้ว่าราชการจังหวัดเชียงราย"
    assert meeting.head_count == 50
    assert "ศาลากลางจังหวัดเชียงราย" in meeting.venue
    assert Body.objects.filter(parent=meeting.body, kind="working_group").count() == 7
    assert meeting.agenda_items.exclude(working_group=None).count() == 7
    assert meeting.resolutions.count() == 2
    # the quarterly report to the governor: the first one done, the next one due three months later
    series = ActionItem.objects.filter(meeting=meeting, recurrence_months=3).order_by("sequence")
    assert [(item.due_on, item.status) for item in series] == [
        (dt.date(2015, 10, 20), "done"),
        (dt.date(2016, 1, 20), "open"),
    ]
    assert series[0].owner_organisation.name_th == "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย"


def test_the_demo_holds_the_welfare_network_meeting_and_its_letter(demo):
    meeting = Meeting.objects.get(held_on=dt.date(2019, 5, 14))
    assert meeting.venue == "ศูนย์คุ้มครองผู้บริโภคจังหวัดเชียงราย"
    letter = Letter.objects.get(meeting=meeting)
    assert letter.counterpart.name_th == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert letter.via.abbreviation == "สถจ.เชียงราย"
    load_demo()
    assert Meeting.objects.filter(held_on=dt.date(2019, 5, 14)).count() == 1
