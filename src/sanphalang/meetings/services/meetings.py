"""Writes to meetings and to what is recorded at them: agenda items, invitations, attendance and resolutions."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Max

from sanphalang.accounts.audit import validated_save
from sanphalang.areas.scoping import require_read
from sanphalang.errors import reject_unknown_fields
from sanphalang.thai.dates import be_year
from sanphalang.thai.names import clean_text
from sanphalang.versions import expect_version

from ..access import require_change_body
from ..errors import MeetingError
from ..models import AgendaItem, Attendance, Body, Invitation, InvitationResponse, Meeting, Resolution
from .bodies import guest_flags_refresh, is_member_on
from .fields import apply_fields, remove_with_history

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.directory.models import Organisation, Person

MEETING_FIELDS = {
    "title",
    "held_on",
    "starts_at",
    "ends_at",
    "venue",
    "chair",
    "chair_title",
    "status",
    "head_count",
    "minutes",
    "number",
}
AGENDA_ITEM_FIELDS = {"title", "order", "description", "working_group", "report"}
ATTENDANCE_FIELDS = {"role"}
RESOLUTION_FIELDS = {"text", "number"}
INVITATION_FIELDS = {"response", "sent_on"}


def next_meeting_number(body: Body, year_be: int) -> int:
    last = Meeting.objects.filter(body=body, year_be=year_be).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


@transaction.atomic
def meeting_create(*, by: User, body: Body, held_on: dt.date, number: int | None = None, **fields) -> Meeting:
    """A meeting of the body, numbered next in its BE year unless a number is given ("ครั้งที่ 3/2558")."""
    reject_unknown_fields(fields, MEETING_FIELDS)
    require_change_body(by, body)
    if held_on is None:
        raise MeetingError.NO_MEETING_DATE.error("held_on")
    year = be_year(held_on)
    meeting = Meeting(
        body=body, held_on=held_on, year_be=year, number=number or next_meeting_number(body, year), **fields
    )
    _validate_meeting(meeting)
    try:
        with transaction.atomic():
            return validated_save(meeting, by)
    except IntegrityError:
        # Two people numbering the same meeting at once: the constraint holds, the second is told.
        raise MeetingError.MEETING_NUMBER_TAKEN.error("number") from None


def _validate_meeting(meeting: Meeting) -> None:
    if meeting.starts_at and meeting.ends_at and meeting.ends_at <= meeting.starts_at:
        raise MeetingError.MEETING_ENDS_BEFORE_START.error("ends_at")
    # The unique constraint would say so too, but without naming the field the user has to change.
    taken = Meeting.objects.filter(body_id=meeting.body_id, year_be=meeting.year_be, number=meeting.number)
    if taken.exclude(pk=meeting.pk).exists():
        raise MeetingError.MEETING_NUMBER_TAKEN.error("number")


@transaction.atomic
def meeting_update(*, by: User, meeting: Meeting, version: int | None = None, **fields) -> Meeting:
    expect_version(meeting, version)
    reject_unknown_fields(fields, MEETING_FIELDS)
    require_change_body(by, meeting.body)
    held_on = meeting.held_on
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.year_be = be_year(meeting.held_on)
    _validate_meeting(meeting)
    validated_save(meeting, by)
    if meeting.held_on != held_on:
        # Who was a member depends on the day: a moved meeting decides its guests again.
        guest_flags_refresh(by=by, attendances=meeting.attendances.all())
    return meeting


# ---- agenda items


@transaction.atomic
def agenda_item_add(
    *,
    by: User,
    meeting: Meeting,
    title: str,
    order: int | None = None,
    description: str = "",
    working_group: Body | None = None,
    report: str = "",
) -> AgendaItem:
    require_change_body(by, meeting.body)
    if order is None:
        order = (meeting.agenda_items.aggregate(last=Max("order"))["last"] or 0) + 1
    return validated_save(
        AgendaItem(
            meeting=meeting,
            order=order,
            title=clean_text(title),
            description=description,
            working_group=working_group,
            report=report,
        ),
        by,
    )


def _renumber_agenda(meeting: Meeting, by: User, *, moved: AgendaItem | None = None) -> None:
    """Number the meeting's agenda 1, 2, 3… in its order, with the moved item at the place its order asks for
    (last, if that is past the end). Saves the other items whose number changes; the caller saves the moved one."""
    items = [
        item for item in meeting.agenda_items.order_by("order", "id") if moved is None or item.pk != moved.pk
    ]
    if moved is not None:
        items.insert(min(moved.order, len(items) + 1) - 1, moved)
    for number, item in enumerate(items, start=1):
        if item.order != number:
            item.order = number
            if item is not moved:
                validated_save(item, by)


@transaction.atomic
def agenda_item_update(*, by: User, item: AgendaItem, version: int | None = None, **fields) -> AgendaItem:
    """Correct an agenda item. A new order moves the item to that place; the others close up around it."""
    expect_version(item, version)
    require_change_body(by, item.meeting.body)
    if "title" in fields:
        fields["title"] = clean_text(fields["title"] or "")
    if "order" in fields and (fields["order"] is None or fields["order"] < 1):
        raise MeetingError.AGENDA_ORDER_FROM_ONE.error("order")
    previous_order = item.order
    apply_fields(item, fields, AGENDA_ITEM_FIELDS)
    if item.order != previous_order:
        _renumber_agenda(item.meeting, by, moved=item)
    return validated_save(item, by)


@transaction.atomic
def agenda_item_remove(*, by: User, item: AgendaItem) -> None:
    """Remove an agenda item; the items after it move up one place."""
    meeting = item.meeting
    require_change_body(by, meeting.body)
    remove_with_history(item, by)
    _renumber_agenda(meeting, by)


# ---- invitations


@transaction.atomic
def invitation_add(
    *,
    by: User,
    meeting: Meeting,
    person: Person | None = None,
    organisation: Organisation | None = None,
    sent_on: dt.date | None = None,
    response: str = InvitationResponse.PENDING,
) -> Invitation:
    """Invite a person or an organisation; inviting the same one again updates the invitation."""
    require_change_body(by, meeting.body)
    if person is None and organisation is None:
        raise MeetingError.NO_PERSON_OR_ORGANISATION.error(None)
    invitation = meeting.invitations.filter(person=person, organisation=organisation).first() or Invitation(
        meeting=meeting, person=person, organisation=organisation
    )
    invitation.sent_on = sent_on or invitation.sent_on
    invitation.response = response
    validated_save(invitation, by)
    return invitation


@transaction.atomic
def invitation_update(
    *, by: User, invitation: Invitation, version: int | None = None, **fields
) -> Invitation:
    """Correct an invitation's answer (and the day it was sent)."""
    expect_version(invitation, version)
    require_change_body(by, invitation.meeting.body)
    if "response" in fields and fields["response"] not in InvitationResponse.values:
        raise MeetingError.UNKNOWN_ANSWER.error("response")
    apply_fields(invitation, fields, INVITATION_FIELDS)
    return validated_save(invitation, by)


@transaction.atomic
def invitation_remove(*, by: User, invitation: Invitation) -> None:
    require_change_body(by, invitation.meeting.body)
    remove_with_history(invitation, by)


# ---- attendance


@transaction.atomic
def attendance_record(
    *,
    by: User,
    meeting: Meeting,
    person: Person | None = None,
    organisation: Organisation | None = None,
    role: str = "",
) -> Attendance:
    """Record who attended. Someone who is not a member is still recorded, flagged as a guest."""
    require_change_body(by, meeting.body)
    if person is None and organisation is None:
        raise MeetingError.NO_ATTENDEE_NAMED.error(None)
    if person is not None:
        require_read(by, person.area_id, include_ancestors=True)
    existing = meeting.attendances.filter(person=person, organisation=organisation).first()
    if existing:
        return existing
    guest = not is_member_on(meeting.body, person=person, organisation=organisation, on=meeting.held_on)
    return validated_save(
        Attendance(meeting=meeting, person=person, organisation=organisation, role=role, is_guest=guest), by
    )


@transaction.atomic
def attendance_update(
    *, by: User, attendance: Attendance, version: int | None = None, **fields
) -> Attendance:
    """Correct the role someone had at the meeting. Who attended is not changed here: remove the line and
    record the right one, so the guest flag is decided for them."""
    expect_version(attendance, version)
    require_change_body(by, attendance.meeting.body)
    if "role" in fields:
        fields["role"] = clean_text(fields["role"] or "")
    apply_fields(attendance, fields, ATTENDANCE_FIELDS)
    return validated_save(attendance, by)


@transaction.atomic
def attendance_remove(*, by: User, attendance: Attendance) -> None:
    require_change_body(by, attendance.meeting.body)
    remove_with_history(attendance, by)


# ---- resolutions


@transaction.atomic
def resolution_add(*, by: User, meeting: Meeting, text: str, number: int | None = None) -> Resolution:
    require_change_body(by, meeting.body)
    text = (text or "").strip()
    if not text:
        raise MeetingError.NO_RESOLUTION_TEXT.error("text")
    if number is None:
        number = (meeting.resolutions.aggregate(last=Max("number"))["last"] or 0) + 1
    return validated_save(Resolution(meeting=meeting, number=number, text=text), by)


@transaction.atomic
def resolution_update(
    *, by: User, resolution: Resolution, version: int | None = None, **fields
) -> Resolution:
    """Correct a resolution's text or number. Numbers are kept as the minutes give them: changing one does not
    renumber the others, and a number already used at the meeting is refused."""
    expect_version(resolution, version)
    require_change_body(by, resolution.meeting.body)
    if "text" in fields:
        fields["text"] = (fields["text"] or "").strip()
        if not fields["text"]:
            raise MeetingError.NO_RESOLUTION_TEXT.error("text")
    apply_fields(resolution, fields, RESOLUTION_FIELDS)
    if (
        resolution.number is not None
        and Resolution.objects.filter(meeting_id=resolution.meeting_id, number=resolution.number)
        .exclude(pk=resolution.pk)
        .exists()
    ):
        raise MeetingError.RESOLUTION_NUMBER_TAKEN.error("number")
    return validated_save(resolution, by)


@transaction.atomic
def resolution_remove(*, by: User, resolution: Resolution) -> None:
    """Remove a resolution recorded by mistake; refused while action items follow it up."""
    require_change_body(by, resolution.meeting.body)
    if resolution.action_items.exists():
        raise MeetingError.RESOLUTION_HAS_ACTION_ITEMS.error(None)
    remove_with_history(resolution, by)
