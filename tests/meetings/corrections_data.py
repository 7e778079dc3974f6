"""A recorded meeting with something of every kind to correct: the S1 council meeting 3/2558 with two agenda
items, a member and a guest attending, two resolutions (one with a quarterly action item), an invitation and a
working group; and a snapshot of everything, to show that a refused correction changed nothing."""

import datetime as dt
from dataclasses import dataclass

from sanphalang.directory.services import organisation_create, person_create
from sanphalang.meetings.models import (
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    Body,
    Invitation,
    Meeting,
    Membership,
    Resolution,
)
from sanphalang.meetings.services.action_items import action_item_create
from sanphalang.meetings.services.bodies import body_create, membership_add
from sanphalang.meetings.services.meetings import (
    agenda_item_add,
    attendance_record,
    invitation_add,
    resolution_add,
)

from .factories import meeting_3_2558, msdhs

MEETING_DAY = dt.date(2015, 7, 20)


@dataclass
class Recorded:
    meeting: Meeting
    body: Body
    group: Body
    office: object
    member: object
    visitor: object
    membership: Membership
    agenda: list[AgendaItem]
    member_line: Attendance
    visitor_line: Attendance
    resolution: Resolution
    bare_resolution: Resolution
    item: ActionItem
    single_item: ActionItem
    invitation: Invitation


def recorded_meeting(cast) -> Recorded:
    by = cast.chiangrai_coordinator
    meeting = meeting_3_2558(cast)
    body = meeting.body
    group = body_create(
        by=by, name_th="คณะทำงานประเด็นที่อยู่อาศัย", area_code="57", kind="working_group", parent=body
    )
    office = msdhs(cast)
    member = person_create(
        by=by, first_name="สมศรี", last_name="มีสุข", area_code="57", legal_basis="public_role"
    )
    visitor = person_create(
        by=by, first_name="สมชาย", last_name="ใจดี", area_code="57", legal_basis="public_role"
    )
    membership = membership_add(by=by, body=body, person=member, started_on=dt.date(2015, 1, 1))
    agenda = [
        agenda_item_add(by=by, meeting=meeting, title="เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
        agenda_item_add(by=by, meeting=meeting, title="รายงานความก้าวหน้าคณะทำงาน ๗ คณะ"),
        agenda_item_add(by=by, meeting=meeting, title="เรื่องอื่น ๆ"),
    ]
    member_line = attendance_record(by=by, meeting=meeting, person=member, role="กรรมการ")
    visitor_line = attendance_record(by=by, meeting=meeting, person=visitor, role="ผู้สังเกตการณ์")
    resolution = resolution_add(by=by, meeting=meeting, text="รายงานผลต่อผู้ว่าราชการจังหวัดทุก ๓ เดือน")
    bare_resolution = resolution_add(by=by, meeting=meeting, text="รับทราบรายงาน")
    item = action_item_create(
        by=by,
        resolution=resolution,
        title="รายงานผู้ว่าฯ",
        due_on=dt.date(2015, 10, 20),
        owner_organisation=office,
        recurrence_months=3,
    )
    single_item = action_item_create(
        by=by,
        resolution=resolution,
        title="ส่งรายงานการประชุม",
        due_on=dt.date(2015, 8, 1),
        owner_organisation=office,
    )
    invitation = invitation_add(by=by, meeting=meeting, organisation=office, sent_on=dt.date(2015, 7, 1))
    return Recorded(
        meeting=meeting,
        body=body,
        group=group,
        office=office,
        member=member,
        visitor=visitor,
        membership=membership,
        agenda=agenda,
        member_line=member_line,
        visitor_line=visitor_line,
        resolution=resolution,
        bare_resolution=bare_resolution,
        item=item,
        single_item=single_item,
        invitation=invitation,
    )


def other_agency(cast):
    return organisation_create(
        by=cast.chiangrai_coordinator,
        kind="agency",
        area_code="57",
        name_th="องค์การบริหารส่วนจังหวัดเชียงราย",
        abbreviation="อบจ.เชียงราย",
    )


SNAPSHOT_MODELS = (AgendaItem, Attendance, Resolution, ActionItem, Membership, Invitation, Attachment)


def snapshot() -> dict:
    """Every row that a correction could touch, with its history rows counted."""
    state = {}
    for model in SNAPSHOT_MODELS:
        state[model.__name__] = list(model.objects.order_by("pk").values())
        if hasattr(model, "history"):
            state[f"{model.__name__} history"] = model.history.count()
    return state


def agenda_of(meeting) -> list[tuple[int, str]]:
    return list(meeting.agenda_items.order_by("order", "id").values_list("order", "title"))


def deleted_by(model, pk):
    """Who the history row of a removal names."""
    return model.history.filter(id=pk, history_type="-").get().history_user
