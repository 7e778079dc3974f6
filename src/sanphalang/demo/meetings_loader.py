"""Load the demo's meetings through the meetings services (idempotent: found by body, year and number)."""

from sanphalang.directory.models import IssueArea, Person
from sanphalang.meetings.models import ActionItem, Body, Meeting
from sanphalang.meetings.services.action_items import action_item_create, action_item_set_status
from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.letters import letter_create
from sanphalang.meetings.services.meetings import (
    agenda_item_add,
    attendance_record,
    meeting_create,
    resolution_add,
)

from . import data
from .meetings_data import CR_WORKING_GROUPS, S1, WELFARE_2562


def _person(key: str) -> Person:
    _key, _title, first_name, last_name, area, _positions = next(p for p in data.PEOPLE if p[0] == key)
    return Person.objects.get(first_name=first_name, last_name=last_name, area_id=area)


def _body(by, organisations, spec, *, kind: str, parent=None) -> Body:
    name_th, name_en, org_key = spec
    existing = Body.objects.filter(area_id="57", name_th=name_th).first()
    if existing:
        return existing
    return body_create(
        by=by,
        name_th=name_th,
        name_en=name_en,
        area_code="57",
        kind=kind,
        organisation=organisations.get(org_key),
        parent=parent,
    )


def _meeting(by, organisations, body: Body, spec: dict, *, agenda: list[tuple[str, Body | None]]) -> Meeting:
    existing = Meeting.objects.filter(body=body, held_on=spec["held_on"]).first()
    if existing:
        return existing
    meeting = meeting_create(
        by=by,
        body=body,
        held_on=spec["held_on"],
        title=spec["title"],
        venue=spec["venue"],
        chair=_person(spec["chair"]) if spec.get("chair") else None,
        chair_title=spec.get("chair_title", ""),
        head_count=spec.get("head_count"),
        minutes=spec["minutes"],
        status="held",
    )
    for title, working_group in agenda:
        agenda_item_add(by=by, meeting=meeting, title=title, working_group=working_group)
    for org_key in spec["attending_organisations"]:
        attendance_record(by=by, meeting=meeting, organisation=organisations[org_key])
    for person_key, role in spec["attending_people"]:
        attendance_record(by=by, meeting=meeting, person=_person(person_key), role=role)
    for text, items in spec["resolutions"]:
        resolution = resolution_add(by=by, meeting=meeting, text=text)
        for item in items:
            action = action_item_create(
                by=by,
                resolution=resolution,
                title=item["title"],
                owner_organisation=organisations[item["owner"]],
                due_on=item["due_on"],
                recurrence_months=item.get("recurrence_months"),
            )
            if item.get("done_on"):
                action_item_set_status(by=by, item=action, status="done", done_on=item["done_on"])
    return meeting


def load_meetings(by, organisations: dict) -> int:
    council = _body(by, organisations, S1["body"], kind="council")
    groups = []
    for slug, name in CR_WORKING_GROUPS:
        group = _body(by, organisations, (name, "", "cr-civil-network"), kind="working_group", parent=council)
        group.issue_areas.set(IssueArea.objects.filter(slug=slug, province__isnull=True))
        groups.append(group)
    for held_on in S1["earlier_meetings"]:
        if not Meeting.objects.filter(body=council, held_on=held_on).exists():
            meeting_create(by=by, body=council, held_on=held_on, status="held", venue="ศาลากลางจังหวัดเชียงราย")
    agenda = [("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", None)]
    agenda += [(f"รายงานความคืบหน้า: {group.name_th}", group) for group in groups]
    agenda += [("ข้อเสนอแนะและแนวทางการสนับสนุนจากหัวหน้าส่วนราชการ", None)]
    _meeting(by, organisations, council, S1, agenda=agenda)

    network = _body(by, organisations, WELFARE_2562["body"], kind="board")
    meeting = _meeting(
        by, organisations, network, WELFARE_2562, agenda=[(title, None) for title in WELFARE_2562["agenda"]]
    )
    letter = WELFARE_2562["letter"]
    if not meeting.letters.exists():
        letter_create(
            by=by,
            body=network,
            meeting=meeting,
            direction=letter["direction"],
            number=letter["number"],
            dated_on=letter["dated_on"],
            subject=letter["subject"],
            counterpart=organisations[letter["counterpart"]],
            via=organisations[letter["via"]],
            status=letter["status"],
            answer_due_on=letter["answer_due_on"],
            action_item=ActionItem.objects.filter(meeting=meeting, title__startswith="ส่งหนังสือ").first(),
        )
    return Meeting.objects.filter(body__in=[council, network]).count()
