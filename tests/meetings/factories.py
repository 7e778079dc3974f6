"""The S1 cast of records, built through the services: the Chiang Rai citizens' council and its meeting 3/2558."""

import datetime as dt

from sanphalang.directory.services import organisation_create, person_create
from sanphalang.meetings.services.action_items import action_item_create
from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.meetings import meeting_create, resolution_add


def council(cast):
    return body_create(
        by=cast.chiangrai_coordinator, name_th="สภาพลเมืองจังหวัดเชียงราย", area_code="57", kind="council"
    )


def msdhs(cast):
    return organisation_create(
        by=cast.chiangrai_coordinator,
        kind="agency",
        area_code="57",
        name_th="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
        abbreviation="พมจ.เชียงราย",
    )


def meeting_3_2558(cast, body=None):
    body = body or council(cast)
    chair = person_create(
        by=cast.chiangrai_coordinator,
        title="นาย",
        first_name="รัชกฤช",
        last_name="สถิรานนท์",
        area_code="57",
        legal_basis="public_role",
    )
    meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 3, 1))
    meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 5, 1))
    return meeting_create(
        by=cast.chiangrai_coordinator,
        body=body,
        held_on=dt.date(2015, 7, 20),
        venue="ห้องพญาพิภักดิ์ ศาลากลางจังหวัดเชียงราย",
        chair=chair,
        chair_title="รองผู้ว่าราชการจังหวัดเชียงราย",
        head_count=50,
    )


def person(cast, first_name="สมชาย", last_name="ใจดี", area_code="57"):
    return person_create(
        by=cast.chiangrai_coordinator,
        first_name=first_name,
        last_name=last_name,
        area_code=area_code,
        legal_basis="public_role",
    )


def quarterly_report(cast, **extra):
    """The S1 resolution's quarterly report to the governor, owned by the provincial social development office."""
    meeting = meeting_3_2558(cast)
    resolution = resolution_add(
        by=cast.chiangrai_coordinator,
        meeting=meeting,
        text="ให้เครือข่ายรายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัดอย่างน้อย 3 เดือนต่อครั้ง",
    )
    return action_item_create(
        by=cast.chiangrai_coordinator,
        resolution=resolution,
        owner_organisation=msdhs(cast),
        title="รายงานความก้าวหน้าต่อผู้ว่าราชการจังหวัด",
        due_on=dt.date(2015, 10, 20),
        recurrence_months=3,
        **extra,
    )


def quarterly_item(cast, *, due_on, body=None, owner=None, title="รายงานผู้ว่าราชการจังหวัด"):
    """A quarterly item falling due on due_on, set by a meeting of the body (the council) 90 days before."""
    body = body or council(cast)
    meeting = meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=due_on - dt.timedelta(days=90))
    resolution = resolution_add(by=cast.chiangrai_coordinator, meeting=meeting, text="รายงานทุก 3 เดือน")
    return action_item_create(
        by=cast.chiangrai_coordinator,
        resolution=resolution,
        title=title,
        due_on=due_on,
        owner_organisation=owner,
        recurrence_months=3,
    )
