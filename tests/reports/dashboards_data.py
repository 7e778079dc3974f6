"""Records the dashboard tests count: meetings and action items of Chiang Rai's bodies, cases in its districts,
in the quarter from 1 October 2568 BE (2025) and the one before."""

import datetime as dt

from model_bakery import baker

from sanphalang.meetings.models import ActionItem, ActionStatus, Body, Meeting, MeetingStatus

QUARTER = dt.date(2025, 10, 1)  # the first quarter of fiscal year 2569
PREVIOUS = dt.date(2025, 7, 1)


def body(area_code: str, name: str = "") -> Body:
    return baker.make(
        Body, area_id=area_code, name_th=name or f"คณะทำงาน {area_code}", organisation=None, parent=None
    )


def held(body_: Body, *days: dt.date) -> list[Meeting]:
    return [
        baker.make(Meeting, body=body_, held_on=day, status=MeetingStatus.HELD, chair=None) for day in days
    ]


def overdue_item(body_: Body, *, due_on: dt.date, title: str = "ส่งรายงานผลการดำเนินงาน") -> ActionItem:
    return baker.make(
        ActionItem,
        body=body_,
        title=title,
        due_on=due_on,
        status=ActionStatus.OPEN,
        done_on=None,
        meeting=None,
        resolution=None,
        owner_person=None,
        series=None,
    )


def chiang_rai_meetings() -> dict[str, Body]:
    """Mueang Chiang Rai: two meetings this quarter and one the quarter before; Mae Sai: one; the province's own
    council: one this quarter (counted in the province's totals, not on its map)."""
    bodies = {"5701": body("5701"), "5709": body("5709"), "57": body("57", "สภาพลเมืองจังหวัดเชียงราย")}
    held(bodies["5701"], dt.date(2025, 10, 15), dt.date(2025, 12, 20), dt.date(2025, 8, 1))
    held(bodies["5709"], dt.date(2025, 11, 3))
    held(bodies["57"], dt.date(2025, 10, 20))
    return bodies
