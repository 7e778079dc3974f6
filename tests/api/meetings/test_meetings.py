"""The meetings API: bodies, meetings, agenda, attendance, resolutions, action items and letters, under the area
rules of the rest of the API."""

import datetime as dt

import pytest

from sanphalang.directory.services import organisation_create, person_create
from sanphalang.meetings.models import ActionItem, AgendaItem, Attendance, Body, Letter, Meeting, Resolution
from sanphalang.meetings.services.action_items import action_item_create
from sanphalang.meetings.services.bodies import body_create, membership_add
from sanphalang.meetings.services.letters import letter_create
from sanphalang.meetings.services.meetings import (
    agenda_item_add,
    attendance_record,
    meeting_create,
    resolution_add,
)
from tests.api.conftest import assert_error
from tests.meetings.factories import meeting_3_2558, msdhs


@pytest.fixture
def s1(cast):
    """The council's meeting 3/2558 with a member, an agenda item, a resolution and its quarterly action item."""
    meeting = meeting_3_2558(cast)
    office = msdhs(cast)
    member = person_create(
        by=cast.chiangrai_coordinator, first_name="สมศรี", last_name="มีสุข", area_code="5701"
    )
    membership_add(by=cast.chiangrai_coordinator, body=meeting.body, person=member)
    agenda_item_add(by=cast.chiangrai_coordinator, meeting=meeting, title="รายงานคณะทำงาน ๗ คณะ")
    resolution = resolution_add(
        by=cast.chiangrai_coordinator, meeting=meeting, text="รายงานผลต่อผู้ว่าราชการจังหวัดทุก ๓ เดือน"
    )
    item = action_item_create(
        by=cast.chiangrai_coordinator,
        resolution=resolution,
        title="รายงานผู้ว่าฯ",
        due_on=dt.date(2015, 10, 20),
        owner_organisation=office,
        recurrence_months=3,
    )
    letter = letter_create(
        by=cast.chiangrai_coordinator,
        body=meeting.body,
        direction="out",
        dated_on=dt.date(2015, 7, 25),
        subject="ขอรายงานผลการประชุม",
        counterpart=office,
        meeting=meeting,
        action_item=item,
    )
    return {
        "meeting": meeting,
        "body": meeting.body,
        "office": office,
        "member": member,
        "resolution": resolution,
        "item": item,
        "letter": letter,
    }


def _counts() -> tuple:
    return tuple(
        model.objects.count()
        for model in (Body, Meeting, AgendaItem, Attendance, Resolution, ActionItem, Letter)
    )


# ---- the outsider, the viewer, the district coordinator


def test_the_outsider_gets_empty_lists_and_404s(cast, api_for, s1):
    # given the Phayao coordinator
    outsider = api_for(cast.phayao_coordinator)
    before = _counts()
    # then every list is empty
    for path in ("/api/bodies", "/api/meetings", "/api/action-items", "/api/letters"):
        assert outsider.get(path).json() == {"count": 0, "limit": 50, "offset": 0, "items": []}, path
    # and every record of Chiang Rai is not found, for reading and writing
    meeting, item = s1["meeting"].pk, s1["item"].pk
    for path in (
        f"/api/bodies/{s1['body'].pk}",
        f"/api/meetings/{meeting}",
        f"/api/action-items/{item}",
        f"/api/letters/{s1['letter'].pk}",
    ):
        assert_error(outsider.get(path), 404)
    assert_error(outsider.patch(f"/api/meetings/{meeting}", {"venue": "พะเยา"}), 404)
    assert_error(outsider.patch(f"/api/bodies/{s1['body'].pk}", {"description": "x"}), 404)
    assert_error(outsider.patch(f"/api/letters/{s1['letter'].pk}", {"summary": "x"}), 404)
    assert_error(outsider.post(f"/api/meetings/{meeting}/agenda-items", {"title": "x"}), 404)
    assert_error(outsider.post(f"/api/meetings/{meeting}/attendance", {"organisation": s1["office"].pk}), 404)
    assert_error(outsider.post(f"/api/meetings/{meeting}/resolutions", {"text": "x"}), 404)
    assert_error(
        outsider.post(f"/api/bodies/{s1['body'].pk}/members", {"organisation": s1["office"].pk}), 404
    )
    assert_error(outsider.post(f"/api/action-items/{item}/status", {"status": "done"}), 404)
    # and what names a Chiang Rai record is bad input
    assert_error(outsider.post("/api/meetings", {"body": s1["body"].pk, "held_on": "1/8/2558"}), 422, "body")
    assert_error(
        outsider.post(
            "/api/action-items", {"resolution": s1["resolution"].pk, "title": "x", "due_on": "2015-12-01"}
        ),
        422,
        "resolution",
    )
    # and nothing was written
    assert _counts() == before


def test_a_viewer_gets_403_on_every_write_and_nothing_is_written(cast, api_for, s1):
    viewer = api_for(cast.chiangrai_viewer)
    meeting = s1["meeting"]
    before = _counts()
    # the viewer reads
    assert viewer.get(f"/api/meetings/{meeting.pk}").status_code == 200
    # but every write is refused
    writes = [
        viewer.post("/api/bodies", {"name_th": "คณะทำงานด้านที่ดิน", "area_code": "57"}),
        viewer.patch(f"/api/bodies/{s1['body'].pk}", {"description": "x"}),
        viewer.post(f"/api/bodies/{s1['body'].pk}/members", {"organisation": s1["office"].pk}),
        viewer.post("/api/meetings", {"body": s1["body"].pk, "held_on": "1/8/2558"}),
        viewer.patch(f"/api/meetings/{meeting.pk}", {"venue": "ที่อื่น"}),
        viewer.post(f"/api/meetings/{meeting.pk}/agenda-items", {"title": "x"}),
        viewer.post(f"/api/meetings/{meeting.pk}/attendance", {"person": s1["member"].pk}),
        viewer.post(f"/api/meetings/{meeting.pk}/resolutions", {"text": "x"}),
        viewer.post(
            "/api/action-items", {"resolution": s1["resolution"].pk, "title": "x", "due_on": "2015-12-01"}
        ),
        viewer.post(f"/api/action-items/{s1['item'].pk}/status", {"status": "done"}),
        viewer.post(
            "/api/letters",
            {
                "body": s1["body"].pk,
                "direction": "out",
                "dated_on": "1/8/2558",
                "subject": "x",
                "counterpart": s1["office"].pk,
            },
        ),
        viewer.patch(f"/api/letters/{s1['letter'].pk}", {"summary": "x"}),
    ]
    for response in writes:
        assert assert_error(response, 403)["code"] == "read_only_role"
    assert _counts() == before
    meeting.refresh_from_db()
    assert meeting.venue.startswith("ห้องพญาพิภักดิ์")


def test_a_district_coordinator_reads_the_provincial_councils_meeting_but_cannot_write(cast, api_for, s1):
    client = api_for(cast.mueang_coordinator)
    meeting = s1["meeting"]
    before = _counts()
    # they read the council's meeting
    response = client.get(f"/api/meetings/{meeting.pk}")
    assert response.status_code == 200
    assert (response.json()["number"], response.json()["year_be"]) == (3, 2558)
    assert [m["id"] for m in client.get("/api/meetings").json()["items"]][0] == meeting.pk
    # but they cannot change it, nor add to it
    for response in (
        client.patch(f"/api/meetings/{meeting.pk}", {"venue": "ที่อื่น"}),
        client.post(f"/api/meetings/{meeting.pk}/agenda-items", {"title": "x"}),
        client.post(f"/api/meetings/{meeting.pk}/resolutions", {"text": "x"}),
        client.post(f"/api/action-items/{s1['item'].pk}/status", {"status": "done"}),
        client.post("/api/meetings", {"body": s1["body"].pk, "held_on": "1/8/2558"}),
    ):
        assert assert_error(response, 403)["code"] == "outside_area"
    assert _counts() == before


# ---- bodies


def test_a_coordinator_creates_a_working_group_and_adds_a_member(cast, api_for, s1):
    client = api_for(cast.chiangrai_coordinator)
    # when they create a working group of the council
    created = client.post(
        "/api/bodies",
        {"kind": "working_group", "name_th": "คณะทำงานด้านที่ดิน", "area_code": "57", "parent": s1["body"].pk},
    )
    assert created.status_code == 201, created.content
    group = created.json()
    assert (group["parent_id"], group["area_name_th"], group["members"]) == (s1["body"].pk, "เชียงราย", [])
    # and add the provincial office as a member from 1 July 2558
    added = client.post(
        f"/api/bodies/{group['id']}/members",
        {"organisation": s1["office"].pk, "role": "member", "started_on": "1/7/2558"},
    )
    assert added.status_code == 201, added.content
    assert (added.json()["organisation_id"], added.json()["started_on"]) == (s1["office"].pk, "2015-07-01")
    # then the council lists its working group, and the group its member
    assert client.get(f"/api/bodies/{s1['body'].pk}").json()["working_group_ids"] == [group["id"]]
    assert [
        m["organisation_name_th"] for m in client.get(f"/api/bodies/{group['id']}").json()["members"]
    ] == [s1["office"].name_th]
    # and a patch changes what it names
    patched = client.patch(f"/api/bodies/{group['id']}", {"description": "ติดตามปัญหาที่ดิน"})
    assert patched.json()["description"] == "ติดตามปัญหาที่ดิน"


def test_a_body_list_filters_by_kind(cast, api_for, s1):
    body_create(
        by=cast.chiangrai_coordinator,
        name_th="คณะทำงานด้านสวัสดิการ",
        area_code="57",
        kind="working_group",
        parent=s1["body"],
    )
    client = api_for(cast.chiangrai_coordinator)
    assert [b["name_th"] for b in client.get("/api/bodies", {"kind": "council"}).json()["items"]] == [
        "สภาพลเมืองจังหวัดเชียงราย"
    ]
    assert client.get("/api/bodies").json()["count"] == 2


# ---- meetings


def test_a_meeting_is_numbered_next_in_its_be_year_and_dates_come_back_iso(cast, api_for, s1):
    client = api_for(cast.chiangrai_coordinator)
    # when a meeting is created with a BE date and no number
    created = client.post(
        "/api/meetings",
        {"body": s1["body"].pk, "held_on": "21 ก.ย. 2558", "starts_at": "09.00 น.", "venue": "ศาลากลาง"},
    )
    # then it is the fourth of 2558, dated in ISO
    assert created.status_code == 201, created.content
    meeting = created.json()
    assert (meeting["number"], meeting["year_be"], meeting["held_on"], meeting["starts_at"]) == (
        4,
        2558,
        "2015-09-21",
        "09:00:00",
    )


def test_a_duplicate_meeting_number_is_a_422_on_the_number(cast, api_for, s1):
    client = api_for(cast.chiangrai_coordinator)
    before = _counts()
    response = client.post("/api/meetings", {"body": s1["body"].pk, "held_on": "2015-08-01", "number": 3})
    assert_error(response, 422, "number")
    assert _counts() == before
    # and renumbering another meeting onto 3/2558 is refused the same way
    first = Meeting.objects.get(body=s1["body"], number=1)
    assert_error(client.patch(f"/api/meetings/{first.pk}", {"number": 3}), 422, "number")
    first.refresh_from_db()
    assert first.number == 1


def test_the_meeting_list_filters_by_body_and_year(cast, api_for, s1):
    other = body_create(by=cast.chiangrai_coordinator, name_th="เครือข่ายสวัสดิการชุมชนเชียงราย", area_code="57")
    meeting_create(by=cast.chiangrai_coordinator, body=other, held_on=dt.date(2019, 5, 14))
    client = api_for(cast.chiangrai_coordinator)
    assert client.get("/api/meetings").json()["count"] == 4
    assert client.get("/api/meetings", {"body": other.pk}).json()["count"] == 1
    in_2558 = client.get("/api/meetings", {"year": "๒๕๕๘"}).json()
    assert [(m["number"], m["year_be"]) for m in in_2558["items"]] == [(3, 2558), (2, 2558), (1, 2558)]


def test_a_meeting_shows_its_agenda_attendance_resolutions_and_action_items(cast, api_for, s1):
    attendance_record(by=cast.chiangrai_coordinator, meeting=s1["meeting"], person=s1["member"])
    response = api_for(cast.chiangrai_coordinator).get(f"/api/meetings/{s1['meeting'].pk}")
    assert response.status_code == 200
    meeting = response.json()
    assert meeting["chair_name"] == "นายรัชกฤช สถิรานนท์"
    assert [a["title"] for a in meeting["agenda_items"]] == ["รายงานคณะทำงาน ๗ คณะ"]
    assert [(a["person_id"], a["is_guest"]) for a in meeting["attendances"]] == [(s1["member"].pk, False)]
    assert meeting["attendance_count"] == 1
    assert [r["action_item_ids"] for r in meeting["resolutions"]] == [[s1["item"].pk]]
    assert [(i["id"], i["due_on"], i["recurrence_months"]) for i in meeting["action_items"]] == [
        (s1["item"].pk, "2015-10-20", 3)
    ]


def test_agenda_items_and_resolutions_are_added_in_order(cast, api_for, s1):
    client = api_for(cast.chiangrai_coordinator)
    meeting = s1["meeting"].pk
    added = client.post(f"/api/meetings/{meeting}/agenda-items", {"title": "เรื่องเพื่อพิจารณา"})
    assert added.status_code == 201, added.content
    assert added.json()["order"] == 2
    resolution = client.post(f"/api/meetings/{meeting}/resolutions", {"text": "มอบหมายคณะทำงานติดตาม"})
    assert resolution.status_code == 201
    assert (resolution.json()["number"], resolution.json()["action_item_ids"]) == (2, [])
    assert_error(client.post(f"/api/meetings/{meeting}/resolutions", {"text": "  "}), 422, "text")


def test_attendance_of_a_non_member_is_recorded_as_a_guest(cast, api_for, s1):
    client = api_for(cast.chiangrai_coordinator)
    meeting = s1["meeting"].pk
    # a member attends
    member = client.post(
        f"/api/meetings/{meeting}/attendance", {"person": s1["member"].pk, "role": "กรรมการ"}
    )
    assert member.status_code == 201, member.content
    assert (member.json()["is_guest"], member.json()["role"]) == (False, "กรรมการ")
    # the provincial office, not a member, attends as a guest
    guest = client.post(f"/api/meetings/{meeting}/attendance", {"organisation": s1["office"].pk})
    assert (guest.json()["is_guest"], guest.json()["organisation_name_th"]) == (True, s1["office"].name_th)
    # naming nobody is refused
    assert_error(client.post(f"/api/meetings/{meeting}/attendance", {"role": "ผู้สังเกตการณ์"}), 422)
    assert Attendance.objects.count() == 2


def test_attendance_cannot_name_a_person_outside_the_users_areas(cast, api_for, s1):
    stranger = person_create(by=cast.phayao_coordinator, first_name="สมหญิง", area_code="56")
    response = api_for(cast.chiangrai_coordinator).post(
        f"/api/meetings/{s1['meeting'].pk}/attendance", {"person": stranger.pk}
    )
    assert_error(response, 422, "person")
    assert not Attendance.objects.exists()


# ---- action items


def test_an_action_item_due_before_its_meeting_is_a_422_on_due_on(cast, api_for, s1):
    client = api_for(cast.chiangrai_coordinator)
    before = _counts()
    response = client.post(
        "/api/action-items", {"resolution": s1["resolution"].pk, "title": "ทำหนังสือ", "due_on": "19/7/2558"}
    )
    assert_error(response, 422, "due_on")
    assert _counts() == before


def test_an_action_item_is_created_from_a_resolution_or_a_body(cast, api_for, s1):
    client = api_for(cast.chiangrai_coordinator)
    from_resolution = client.post(
        "/api/action-items",
        {
            "resolution": s1["resolution"].pk,
            "title": "ทำหนังสือถึงผู้ว่าฯ",
            "due_on": "31 ก.ค. 2558",
            "owner_organisation": s1["office"].pk,
            "owner_person": s1["member"].pk,
        },
    )
    assert from_resolution.status_code == 201, from_resolution.content
    item = from_resolution.json()
    assert (item["meeting_id"], item["body_id"], item["due_on"], item["owner_person_name"]) == (
        s1["meeting"].pk,
        s1["body"].pk,
        "2015-07-31",
        "สมศรี มีสุข",
    )
    from_body = client.post(
        "/api/action-items", {"body": s1["body"].pk, "title": "จัดเวที", "due_on": "2016-01-15"}
    )
    assert from_body.status_code == 201
    assert (from_body.json()["meeting_id"], from_body.json()["resolution_id"]) == (None, None)
    assert_error(client.post("/api/action-items", {"title": "ไม่มีที่มา", "due_on": "2016-01-15"}), 422, "body")


def test_closing_a_quarterly_item_returns_the_next_one_three_months_later(cast, api_for, s1):
    client = api_for(cast.chiangrai_coordinator)
    # when the quarterly report due 20 October 2015 is closed
    response = client.post(
        f"/api/action-items/{s1['item'].pk}/status",
        {"status": "done", "done_on": "18 ต.ค. 2558", "outcome": "ส่งรายงานแล้ว"},
    )
    # then the item is done and the next occurrence is due 20 January 2016
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["item"]["status"], body["item"]["done_on"], body["item"]["outcome"]) == (
        "done",
        "2015-10-18",
        "ส่งรายงานแล้ว",
    )
    following = body["next_occurrence"]
    assert (following["due_on"], following["status"], following["sequence"], following["series_id"]) == (
        "2016-01-20",
        "open",
        2,
        s1["item"].pk,
    )
    assert following["owner_organisation_id"] == s1["office"].pk
    # and an item that does not repeat returns no next occurrence
    once = action_item_create(
        by=cast.chiangrai_coordinator, body=s1["body"], title="ครั้งเดียว", due_on=dt.date(2016, 2, 1)
    )
    single = client.post(f"/api/action-items/{once.pk}/status", {"status": "in_progress"}).json()
    assert (single["item"]["status"], single["next_occurrence"]) == ("in_progress", None)
    assert_error(client.post(f"/api/action-items/{once.pk}/status", {"status": "finished"}), 422, "status")


def test_the_action_item_list_filters_by_status_overdue_owner_and_body(cast, api_for, s1):
    other = organisation_create(
        by=cast.chiangrai_coordinator,
        kind="network",
        area_code="57",
        name_th="เครือข่ายสวัสดิการชุมชนจังหวัดเชียงราย",
    )
    done = action_item_create(
        by=cast.chiangrai_coordinator,
        body=s1["body"],
        title="เสร็จแล้ว",
        due_on=dt.date(2015, 8, 1),
        owner_organisation=other,
    )
    client = api_for(cast.chiangrai_coordinator)
    client.post(f"/api/action-items/{done.pk}/status", {"status": "done"})

    def ids(**params):
        return [item["id"] for item in client.get("/api/action-items", params).json()["items"]]

    assert ids() == [done.pk, s1["item"].pk]
    assert ids(status="open") == [s1["item"].pk]
    assert ids(status="done") == [done.pk]
    assert ids(overdue="true") == [s1["item"].pk]  # due in 2015, still open
    assert ids(owner=other.pk) == [done.pk]
    assert ids(body=s1["body"].pk, owner=s1["office"].pk) == [s1["item"].pk]
    assert client.get("/api/action-items", {"overdue": "true"}).json()["items"][0]["is_overdue"] is True


# ---- letters


def test_a_letter_is_created_listed_and_answered(cast, api_for, s1):
    client = api_for(cast.chiangrai_coordinator)
    created = client.post(
        "/api/letters",
        {
            "body": s1["body"].pk,
            "direction": "out",
            "number": "ชร ๐๐๑/๒๕๕๘",
            "dated_on": "1 ส.ค. 2558",
            "subject": "ขอเชิญประชุม",
            "counterpart": s1["office"].pk,
            "status": "sent",
            "answer_due_on": "15/8/2558",
        },
    )
    assert created.status_code == 201, created.content
    letter = created.json()
    assert (letter["dated_on"], letter["answer_due_on"], letter["counterpart_name_th"]) == (
        "2015-08-01",
        "2015-08-15",
        s1["office"].name_th,
    )
    answer = client.post(
        "/api/letters",
        {
            "body": s1["body"].pk,
            "direction": "in",
            "dated_on": "10/8/2558",
            "subject": "ตอบรับ",
            "counterpart": s1["office"].pk,
            "in_reply_to": letter["id"],
        },
    )
    assert answer.status_code == 201
    assert client.get(f"/api/letters/{letter['id']}").json()["status"] == "answered"
    assert [item["id"] for item in client.get("/api/letters", {"direction": "in"}).json()["items"]] == [
        answer.json()["id"]
    ]
    patched = client.patch(f"/api/letters/{letter['id']}", {"summary": "เชิญร่วมประชุมสภา"})
    assert patched.json()["summary"] == "เชิญร่วมประชุมสภา"
    assert_error(
        client.patch(f"/api/letters/{letter['id']}", {"answer_due_on": "2015-07-01"}), 422, "answer_due_on"
    )


# ---- query counts


LISTS = [
    "/api/bodies?limit=10",
    "/api/meetings?limit=10",
    "/api/action-items?limit=10",
    "/api/letters?limit=10",
]
MAX_QUERIES = 8  # token, scope, page (with its count), prefetches


def _add_rows(cast, s1, start: int, how_many: int) -> None:
    by = cast.chiangrai_coordinator
    for n in range(start, start + how_many):
        group = body_create(
            by=by, name_th=f"คณะทำงาน {n}", area_code="5701", kind="working_group", parent=s1["body"]
        )
        group.issue_areas.set([])
        meeting = meeting_create(by=by, body=group, held_on=dt.date(2016, 1, 1) + dt.timedelta(days=n))
        attendance_record(by=by, meeting=meeting, organisation=s1["office"])
        item = action_item_create(
            by=by,
            body=group,
            meeting=meeting,
            title=f"งาน {n}",
            due_on=meeting.held_on,
            owner_organisation=s1["office"],
            owner_person=s1["member"],
        )
        letter_create(
            by=by,
            body=group,
            direction="out",
            dated_on=meeting.held_on,
            subject=f"หนังสือ {n}",
            counterpart=s1["office"],
            meeting=meeting,
            action_item=item,
        )


@pytest.mark.parametrize("path", LISTS)
def test_a_list_does_not_grow_its_queries_with_its_rows(
    cast, api_for, s1, django_assert_max_num_queries, path
):
    client = api_for(cast.chiangrai_coordinator)
    client.get(path)  # the token's last use is written once a minute: not part of what is measured
    # given a few rows
    _add_rows(cast, s1, 0, 2)
    with django_assert_max_num_queries(MAX_QUERIES) as few:
        assert client.get(path).status_code == 200
    # given many more rows
    _add_rows(cast, s1, 2, 20)
    with django_assert_max_num_queries(MAX_QUERIES) as many:
        response = client.get(path)
    # then the number of queries is the same
    assert response.status_code == 200 and response.json()["count"] > 10
    assert (
        len(many.captured_queries) <= max(len(few.captured_queries), 1) + 1
    )  # +1: the count once a page fills
