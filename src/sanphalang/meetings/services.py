"""Writes to bodies, meetings, resolutions, action items and letters: validate, check the body's area, keep history."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sanphalang.accounts.audit import validated_save
from sanphalang.areas.models import Area
from sanphalang.areas.scoping import require_read, require_write
from sanphalang.errors import reject_unknown_fields
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.dates import be_year
from sanphalang.thai.names import clean_text

from .models import (
    OPEN_STATUSES,
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Body,
    Letter,
    LetterStatus,
    Meeting,
    Membership,
    Resolution,
)
from .recurrence import MAX_RECURRENCE_MONTHS, next_occurrence

BODY_FIELDS = {"kind", "name_th", "name_en", "area_code", "organisation", "parent", "issue_areas", "description",
               "is_active"}
MEETING_FIELDS = {"title", "held_on", "starts_at", "ends_at", "venue", "chair", "chair_title", "status",
                  "head_count", "minutes", "number"}


@transaction.atomic
def body_create(*, by, name_th: str, area_code: str, **fields) -> Body:
    return body_update(by=by, body=Body(), name_th=name_th, area_code=area_code, **fields)


@transaction.atomic
def body_update(*, by, body: Body, **fields) -> Body:
    reject_unknown_fields(fields, BODY_FIELDS)
    if body.pk:
        require_write(by, body.area_id)
    existed, previous_parent_id = bool(body.pk), body.parent_id
    issue_areas = fields.pop("issue_areas", None)
    if "area_code" in fields:
        code = fields.pop("area_code")
        body.area = Area.objects.filter(code=code).first()
        if body.area is None:
            raise ValidationError({"area_code": _("No area has the code %(code)s.") % {"code": code}})
    for name, value in fields.items():
        setattr(body, name, clean_text(value) if name.startswith("name") else value)
    require_write(by, body.area_id)
    if body.parent_id and body.pk and body.parent_id == body.pk:
        raise ValidationError({"parent": _("A body cannot be part of itself.")})
    body.sort_key = thai_sort_key(body.name_th)
    validated_save(body, by)
    if issue_areas is not None:
        body.issue_areas.set(issue_areas)
    if existed and previous_parent_id != body.parent_id:
        # A working group's members count as members of the body it is part of: moving the group changes who
        # was a guest at the old and the new parent's meetings.
        members = Membership.objects.filter(body=body)
        guest_flags_refresh(by=by, attendances=attendances_of(
            body_ids=[previous_parent_id, body.parent_id], persons=members.values("person_id"),
            organisations=members.values("organisation_id")))
    return body


@transaction.atomic
def membership_add(*, by, body: Body, person=None, organisation=None, role: str = "member", title: str = "",
                   started_on: dt.date | None = None, ended_on: dt.date | None = None) -> Membership:
    require_write(by, body.area_id)
    membership = validated_save(Membership(body=body, person=person, organisation=organisation, role=role,
                                           title=title, started_on=started_on, ended_on=ended_on), by)
    # A membership recorded late can make someone a member at meetings already held.
    guest_flags_refresh(by=by, attendances=attendances_touched_by(membership))
    return membership


def next_meeting_number(body: Body, year_be: int) -> int:
    last = Meeting.objects.filter(body=body, year_be=year_be).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


@transaction.atomic
def meeting_create(*, by, body: Body, held_on: dt.date, number: int | None = None, **fields) -> Meeting:
    """A meeting of the body, numbered next in its BE year unless a number is given ("ครั้งที่ 3/2558")."""
    reject_unknown_fields(fields, MEETING_FIELDS)
    require_write(by, body.area_id)
    if held_on is None:
        raise ValidationError({"held_on": _("Enter the date of the meeting.")})
    year = be_year(held_on)
    meeting = Meeting(body=body, held_on=held_on, year_be=year, number=number or next_meeting_number(body, year),
                      **fields)
    _validate_meeting(meeting)
    try:
        with transaction.atomic():
            return validated_save(meeting, by)
    except IntegrityError:
        # Two people numbering the same meeting at once: the constraint holds, the second is told.
        raise ValidationError({"number": _("This body already has a meeting with this number in this year.")}) \
            from None


def _validate_meeting(meeting: Meeting) -> None:
    if meeting.starts_at and meeting.ends_at and meeting.ends_at <= meeting.starts_at:
        raise ValidationError({"ends_at": _("A meeting ends after it starts.")})
    # The unique constraint would say so too, but without naming the field the user has to change.
    taken = Meeting.objects.filter(body_id=meeting.body_id, year_be=meeting.year_be, number=meeting.number)
    if taken.exclude(pk=meeting.pk).exists():
        raise ValidationError({"number": _("This body already has a meeting with this number in this year.")})


@transaction.atomic
def meeting_update(*, by, meeting: Meeting, **fields) -> Meeting:
    reject_unknown_fields(fields, MEETING_FIELDS)
    require_write(by, meeting.body.area_id)
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


@transaction.atomic
def agenda_item_add(*, by, meeting: Meeting, title: str, order: int | None = None, description: str = "",
                    working_group: Body | None = None, report: str = "") -> AgendaItem:
    require_write(by, meeting.body.area_id)
    if order is None:
        order = (meeting.agenda_items.aggregate(last=Max("order"))["last"] or 0) + 1
    return validated_save(AgendaItem(meeting=meeting, order=order, title=clean_text(title), description=description,
                                     working_group=working_group, report=report), by)


def is_member_on(body: Body, *, person=None, organisation=None, on: dt.date) -> bool:
    """Whether the person or organisation sat on the body on that day (directly or in one of its working groups)."""
    period = (Q(started_on__isnull=True) | Q(started_on__lte=on)) & (Q(ended_on__isnull=True) | Q(ended_on__gte=on))
    bodies = Q(body=body) | Q(body__parent=body)
    who = Q(pk__in=[])
    if person is not None:
        who |= Q(person=person)
    if organisation is not None:
        who |= Q(organisation=organisation)
    return Membership.objects.filter(bodies & who & period).exists()


def attendances_of(*, body_ids, persons, organisations) -> QuerySet[Attendance]:
    """Attendance lines at meetings of these bodies that name one of these people or organisations (ids, or
    subqueries of ids)."""
    return Attendance.objects.filter(Q(person_id__in=persons) | Q(organisation_id__in=organisations),
                                     meeting__body_id__in=[pk for pk in body_ids if pk is not None])


def attendances_touched_by(membership: Membership) -> QuerySet[Attendance]:
    """The attendance lines whose guest flag a membership can decide: at meetings of its body and of the body
    that body is part of (see is_member_on), naming its person or its organisation."""
    return attendances_of(body_ids=[membership.body_id, membership.body.parent_id],
                          persons=[membership.person_id] if membership.person_id else [],
                          organisations=[membership.organisation_id] if membership.organisation_id else [])


def guest_flags_refresh(*, by, attendances: QuerySet[Attendance]) -> int:
    """Decide again, as attendance_record does, whether each line was a guest's; save (with history) only the
    lines whose flag changes. Returns how many changed."""
    changed = 0
    for line in attendances.select_related("meeting"):
        guest = not is_member_on(line.meeting.body_id, person=line.person_id, organisation=line.organisation_id,
                                 on=line.meeting.held_on)
        if guest != line.is_guest:
            line.is_guest = guest
            validated_save(line, by)
            changed += 1
    return changed


@transaction.atomic
def attendance_record(*, by, meeting: Meeting, person=None, organisation=None, role: str = "") -> Attendance:
    """Record who attended. Someone who is not a member is still recorded, flagged as a guest."""
    require_write(by, meeting.body.area_id)
    if person is None and organisation is None:
        raise ValidationError(_("Name the person or the organisation who attended."))
    if person is not None:
        require_read(by, person.area_id, include_ancestors=True)
    existing = meeting.attendances.filter(person=person, organisation=organisation).first()
    if existing:
        return existing
    guest = not is_member_on(meeting.body, person=person, organisation=organisation, on=meeting.held_on)
    return validated_save(Attendance(meeting=meeting, person=person, organisation=organisation, role=role,
                                     is_guest=guest), by)


@transaction.atomic
def resolution_add(*, by, meeting: Meeting, text: str, number: int | None = None) -> Resolution:
    require_write(by, meeting.body.area_id)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write what the meeting resolved.")})
    if number is None:
        number = (meeting.resolutions.aggregate(last=Max("number"))["last"] or 0) + 1
    return validated_save(Resolution(meeting=meeting, number=number, text=text), by)


@transaction.atomic
def action_item_create(*, by, body: Body | None = None, title: str, due_on: dt.date, meeting: Meeting | None = None,
                       resolution: Resolution | None = None, owner_organisation=None, owner_person=None,
                       description: str = "", recurrence_months: int | None = None,
                       recurrence_until: dt.date | None = None) -> ActionItem:
    """An action item, usually from a resolution. A recurring item repeats every N months from its due date,
    until recurrence_until or, with no end date, until the series is cancelled."""
    meeting = meeting or (resolution.meeting if resolution else None)
    body = body or (meeting.body if meeting else None)
    if body is None:
        raise ValidationError({"body": _("Choose the body this action item belongs to.")})
    require_write(by, body.area_id)
    if due_on is None:
        raise ValidationError({"due_on": _("Enter the due date.")})
    if meeting is not None and due_on < meeting.held_on:
        raise ValidationError({"due_on": _("The due date is before the meeting that set it.")})
    if recurrence_months is not None:
        if not 1 <= recurrence_months <= MAX_RECURRENCE_MONTHS:
            raise ValidationError({"recurrence_months": _("Repeat every 1 to %(max)s months.")
                                   % {"max": MAX_RECURRENCE_MONTHS}})
        if recurrence_until is not None and recurrence_until < due_on:
            raise ValidationError({"recurrence_until": _("The series must end after its first due date.")})
    elif recurrence_until is not None:
        raise ValidationError({"recurrence_until": _("Only a repeating item has an end date for its series.")})
    item = validated_save(ActionItem(body=body, meeting=meeting, resolution=resolution, title=clean_text(title),
                                     description=description, owner_organisation=owner_organisation,
                                     owner_person=owner_person, due_on=due_on, recurrence_months=recurrence_months,
                                     recurrence_until=recurrence_until), by)
    if recurrence_months:
        item.series = item
        item.save(update_fields=["series"])
    return item


def _create_next_occurrence(item: ActionItem, by) -> ActionItem | None:
    """The successor of a recurring item, made once however often it is asked for."""
    if not item.recurrence_months or item.series_id is None:
        return None
    first = item.series
    following = next_occurrence(first.due_on, item.recurrence_months, item.sequence, item.recurrence_until)
    if following is None:
        return None
    sequence, due_on = following
    existing = ActionItem.objects.filter(series=first, sequence=sequence).first()
    if existing:
        return existing
    successor = ActionItem(
        body=item.body, meeting=item.meeting, resolution=item.resolution, title=item.title,
        description=item.description, owner_organisation=item.owner_organisation, owner_person=item.owner_person,
        due_on=due_on, recurrence_months=item.recurrence_months, recurrence_until=item.recurrence_until,
        series=first, sequence=sequence)
    return validated_save(successor, by)


@transaction.atomic
def action_item_set_status(*, by, item: ActionItem, status: str, done_on: dt.date | None = None,
                           outcome: str | None = None) -> ActionItem | None:
    """Change an item's status; closing a recurring one creates the next. Returns the next occurrence, if any."""
    require_write(by, item.body.area_id)
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    item.status = status
    if outcome is not None:
        item.outcome = outcome
    if status == ActionStatus.DONE:
        item.done_on = done_on or timezone.localdate()
    validated_save(item, by)
    if status == ActionStatus.DONE:
        return _create_next_occurrence(item, by)
    if status == ActionStatus.CANCELLED and item.series_id:
        # Cancelling an occurrence ends the series: nothing more falls due.
        ActionItem.objects.filter(series_id=item.series_id, status__in=OPEN_STATUSES).exclude(pk=item.pk).update(
            status=ActionStatus.CANCELLED)
    return None


def action_items_roll_over(*, today: dt.date, by=None) -> list[ActionItem]:
    """For each recurring item that has fallen due while still open, create its successor (idempotent)."""
    created = []
    fallen_due = ActionItem.objects.filter(status__in=OPEN_STATUSES, due_on__lt=today,
                                           recurrence_months__isnull=False, series__isnull=False)
    for item in fallen_due.select_related("series", "body"):
        with transaction.atomic():
            if not ActionItem.objects.filter(series_id=item.series_id, sequence=item.sequence + 1).exists():
                successor = _create_next_occurrence(item, by)
                if successor is not None:
                    created.append(successor)
    return created


LETTER_FIELDS = {"direction", "number", "dated_on", "subject", "counterpart", "via", "status", "answer_due_on",
                 "in_reply_to", "meeting", "action_item", "summary"}


@transaction.atomic
def letter_create(*, by, body: Body, **fields) -> Letter:
    return letter_update(by=by, letter=Letter(body=body), **fields)


@transaction.atomic
def letter_update(*, by, letter: Letter, **fields) -> Letter:
    reject_unknown_fields(fields, LETTER_FIELDS)
    require_write(by, letter.body.area_id)
    for name, value in fields.items():
        setattr(letter, name, value)
    if letter.answer_due_on and letter.dated_on and letter.answer_due_on < letter.dated_on:
        raise ValidationError({"answer_due_on": _("An answer cannot be due before the letter is dated.")})
    if letter.direction == "in" and letter.status in (LetterStatus.DRAFT, LetterStatus.SENT, LetterStatus.AWAITING_ANSWER):
        letter.status = LetterStatus.RECEIVED
    validated_save(letter, by)
    if letter.in_reply_to_id and letter.direction == "in":
        # An incoming answer closes the wait on the letter it answers.
        Letter.objects.filter(pk=letter.in_reply_to_id, direction="out").update(status=LetterStatus.ANSWERED)
    return letter
