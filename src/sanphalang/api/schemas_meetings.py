"""API shapes of bodies, meetings (agenda, attendance, resolutions), action items and letters."""

import datetime as dt
import re
from typing import Annotated, Any, Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict

from sanphalang.meetings.models import (
    OPEN_STATUSES,
    ActionStatus,
    BodyKind,
    LetterDirection,
    LetterStatus,
    MeetingStatus,
)
from sanphalang.thai.digits import to_arabic_digits

from .pagination import PageQuery
from .thai_fields import ThaiDate, ThaiInt

_THAI_TIME = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*(?:น\.?)?\s*$")


def _read_time(value: Any) -> Any:
    """"09.30 น." and "๙.๓๐" as Thai programmes write them, beside ISO "09:30"."""
    if not isinstance(value, str):
        return value
    if not value.strip():
        return None
    match = _THAI_TIME.match(to_arabic_digits(value))
    if match is None:
        raise ValueError(_("Enter a time such as 09.30 or 13:00."))
    return dt.time(int(match[1]), int(match[2]))


ThaiTime = Annotated[dt.time, BeforeValidator(_read_time)]


def _person_name(person) -> str:
    return person.name_with_title if person else ""


def _organisation_name(organisation) -> str:
    return organisation.name_th if organisation else ""


# ---- bodies


class BodyOut(Schema):
    id: int
    kind: str
    name_th: str
    name_en: str
    area_code: str
    area_name_th: str
    organisation_id: int | None = None
    parent_id: int | None = None
    issue_areas: list[str] = Field(description="Slugs of the body's issue areas")
    description: str
    is_active: bool

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id

    @staticmethod
    def resolve_area_name_th(obj) -> str:
        return obj.area.name_th

    @staticmethod
    def resolve_issue_areas(obj) -> list[str]:
        return [issue.slug for issue in obj.issue_areas.all()]


class _PersonOrOrganisationOut(Schema):
    """A record that names a person, an organisation or both (a membership, an attendance line)."""

    id: int
    person_id: int | None = None
    person_name: str
    organisation_id: int | None = None
    organisation_name_th: str

    @staticmethod
    def resolve_person_name(obj) -> str:
        return _person_name(obj.person)

    @staticmethod
    def resolve_organisation_name_th(obj) -> str:
        return _organisation_name(obj.organisation)


class MembershipOut(_PersonOrOrganisationOut):
    role: str
    title: str
    started_on: dt.date | None = None
    ended_on: dt.date | None = None


class BodyDetailOut(BodyOut):
    members: list[MembershipOut]
    working_group_ids: list[int]

    @staticmethod
    def resolve_members(obj) -> list:
        return list(obj.memberships.all())

    @staticmethod
    def resolve_working_group_ids(obj) -> list[int]:
        return [group.pk for group in obj.working_groups.all()]


class BodyQuery(PageQuery):
    q: str = ""
    kind: BodyKind | None = None


class BodyPatch(Schema):
    kind: BodyKind | None = None
    name_th: str | None = None
    name_en: str | None = None
    area_code: str | None = None
    organisation: ThaiInt | None = Field(None, description="The id of the organisation the body belongs to")
    parent: ThaiInt | None = Field(None, description="The id of the body this working group is part of")
    issue_areas: list[str | int] | None = Field(None, description="Issue areas by slug or id")
    description: str | None = None
    is_active: bool | None = None


class BodyIn(BodyPatch):
    name_th: str
    area_code: str


class MembershipIn(Schema):
    person: ThaiInt | None = Field(None, description="The member's id in the directory of people")
    organisation: ThaiInt | None = Field(None, description="The member organisation's id")
    role: str = "member"
    title: str = ""
    started_on: ThaiDate | None = None
    ended_on: ThaiDate | None = None


# ---- meetings


class MeetingOut(Schema):
    id: int
    body_id: int
    body_name_th: str
    number: int
    year_be: int
    title: str
    held_on: dt.date
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    venue: str
    chair_id: int | None = None
    chair_name: str
    chair_title: str
    status: str
    head_count: int | None = None
    attendance_count: int = 0

    @staticmethod
    def resolve_body_name_th(obj) -> str:
        return obj.body.name_th

    @staticmethod
    def resolve_chair_name(obj) -> str:
        return _person_name(obj.chair)

    @staticmethod
    def resolve_attendance_count(obj) -> int:
        if hasattr(obj, "attendance_count"):
            return obj.attendance_count
        return len(obj.attendances.all())


class AgendaItemOut(Schema):
    id: int
    order: int
    title: str
    description: str
    working_group_id: int | None = None
    working_group_name_th: str
    report: str

    @staticmethod
    def resolve_working_group_name_th(obj) -> str:
        return obj.working_group.name_th if obj.working_group else ""


class AttendanceOut(_PersonOrOrganisationOut):
    role: str
    is_guest: bool = Field(description="Not a member of the body (nor of one of its working groups) that day")


class ResolutionOut(Schema):
    id: int
    number: int
    text: str
    action_item_ids: list[int]

    @staticmethod
    def resolve_action_item_ids(obj) -> list[int]:
        return [item.pk for item in obj.action_items.all()]


class ActionItemOut(Schema):
    id: int
    body_id: int
    body_name_th: str
    meeting_id: int | None = None
    resolution_id: int | None = None
    title: str
    description: str
    owner_organisation_id: int | None = None
    owner_organisation_name_th: str
    owner_person_id: int | None = None
    owner_person_name: str
    due_on: dt.date
    status: str
    is_overdue: bool
    done_on: dt.date | None = None
    outcome: str
    recurrence_months: int | None = None
    recurrence_until: dt.date | None = None
    series_id: int | None = None
    sequence: int

    @staticmethod
    def resolve_body_name_th(obj) -> str:
        return obj.body.name_th

    @staticmethod
    def resolve_owner_organisation_name_th(obj) -> str:
        return _organisation_name(obj.owner_organisation)

    @staticmethod
    def resolve_owner_person_name(obj) -> str:
        return _person_name(obj.owner_person)

    @staticmethod
    def resolve_is_overdue(obj) -> bool:
        return obj.status in OPEN_STATUSES and obj.due_on < timezone.localdate()


class MeetingDetailOut(MeetingOut):
    minutes: str
    agenda_items: list[AgendaItemOut]
    attendances: list[AttendanceOut]
    resolutions: list[ResolutionOut]
    action_items: list[ActionItemOut] = Field(description="Every action item the meeting set, with its repeats")

    @staticmethod
    def resolve_agenda_items(obj) -> list:
        return list(obj.agenda_items.all())

    @staticmethod
    def resolve_attendances(obj) -> list:
        return list(obj.attendances.all())

    @staticmethod
    def resolve_resolutions(obj) -> list:
        return list(obj.resolutions.all())

    @staticmethod
    def resolve_action_items(obj) -> list:
        return list(obj.action_items.select_related("body", "owner_organisation", "owner_person"))


class MeetingQuery(PageQuery):
    body: ThaiInt | None = Field(None, description="Only the meetings of this body (its id)")
    year: ThaiInt | None = Field(None, description="Only the meetings of this Buddhist Era year, e.g. 2558")


class MeetingPatch(Schema):
    held_on: ThaiDate | None = None
    number: ThaiInt | None = Field(None, ge=1, description="Empty on create: the next number in the BE year")
    title: str | None = None
    starts_at: ThaiTime | None = None
    ends_at: ThaiTime | None = None
    venue: str | None = None
    chair: ThaiInt | None = Field(None, description="The chair's id in the directory of people")
    chair_title: str | None = None
    status: MeetingStatus | None = None
    head_count: ThaiInt | None = Field(None, ge=0, description="Participants, when only a number is known")
    minutes: str | None = None


class MeetingIn(MeetingPatch):
    body: ThaiInt = Field(description="The id of the body that meets")
    held_on: ThaiDate


class AgendaItemIn(Schema):
    title: str
    order: ThaiInt | None = Field(None, ge=1, description="Empty: after the last item")
    description: str = ""
    working_group: ThaiInt | None = Field(None, description="The id of the working group that reports")
    report: str = ""


class AttendanceIn(Schema):
    person: ThaiInt | None = Field(None, description="The person's id in the directory")
    organisation: ThaiInt | None = Field(None, description="The organisation's id (the one the person represents)")
    role: str = ""


class ResolutionIn(Schema):
    text: str
    number: ThaiInt | None = Field(None, ge=1, description="Empty: after the last resolution")


# ---- corrections: each field left out is kept; unknown fields are refused, not ignored


class AgendaItemPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    order: ThaiInt | None = Field(None, ge=1, description="Its place in the agenda: the other items move to make "
                                                           "room, and the agenda is numbered 1, 2, 3… again")
    description: str | None = None
    working_group: ThaiInt | None = Field(None, description="The id of the working group that reports; null: none")
    report: str | None = None


class AttendancePatch(Schema):
    model_config = ConfigDict(extra="forbid")

    role: str | None = Field(None, description="The role at the meeting. Who attended is not changed: remove the "
                                               "line and record the right one")


class ResolutionPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    number: ThaiInt | None = Field(None, ge=1, description="A number not used by another resolution of the meeting")


class ActionItemPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    description: str | None = None
    due_on: ThaiDate | None = Field(None, description="Not before the meeting that set the item")
    owner_organisation: ThaiInt | None = Field(None, description="The owner organisation's id; null: none")
    owner_person: ThaiInt | None = Field(None, description="The owner person's id; null: none")
    outcome: str | None = None


# ---- action items


class ActionItemQuery(PageQuery):
    status: Literal["open", "in_progress", "done", "cancelled"] | None = Field(
        None, description="open (open or in progress), in_progress, done or cancelled")
    overdue: bool = False
    owner: ThaiInt | None = Field(None, description="Only the items of this owner organisation (its id)")
    body: ThaiInt | None = Field(None, description="Only the items of this body (its id)")


class ActionItemIn(Schema):
    title: str
    due_on: ThaiDate
    resolution: ThaiInt | None = Field(None, description="The resolution that sets the item (its id)")
    meeting: ThaiInt | None = Field(None, description="The meeting that sets the item, if not by a resolution")
    body: ThaiInt | None = Field(None, description="The body the item belongs to, if not set by a meeting")
    owner_organisation: ThaiInt | None = None
    owner_person: ThaiInt | None = None
    description: str = ""
    recurrence_months: ThaiInt | None = Field(None, description="E.g. 3 for every quarter")
    recurrence_until: ThaiDate | None = Field(None, description="Empty: repeats until cancelled")


class ActionItemStatusIn(Schema):
    status: ActionStatus
    done_on: ThaiDate | None = Field(None, description="Empty: today, when the status is done")
    outcome: str | None = None


class ActionItemStatusOut(Schema):
    item: ActionItemOut
    next_occurrence: ActionItemOut | None = Field(
        None, description="The next item of a recurring series, created when this one was closed")


# ---- letters


class LetterOut(Schema):
    id: int
    body_id: int
    body_name_th: str
    direction: str
    number: str
    dated_on: dt.date
    subject: str
    counterpart_id: int
    counterpart_name_th: str
    via_id: int | None = None
    status: str
    answer_due_on: dt.date | None = None
    in_reply_to_id: int | None = None
    meeting_id: int | None = None
    action_item_id: int | None = None
    summary: str

    @staticmethod
    def resolve_body_name_th(obj) -> str:
        return obj.body.name_th

    @staticmethod
    def resolve_counterpart_name_th(obj) -> str:
        return obj.counterpart.name_th


class LetterDetailOut(LetterOut):
    reply_ids: list[int]

    @staticmethod
    def resolve_reply_ids(obj) -> list[int]:
        return [reply.pk for reply in obj.replies.all()]


class LetterQuery(PageQuery):
    direction: LetterDirection | None = None
    status: LetterStatus | None = None
    awaiting_answer: bool = False


class LetterPatch(Schema):
    direction: LetterDirection | None = None
    number: str | None = None
    dated_on: ThaiDate | None = None
    subject: str | None = None
    counterpart: ThaiInt | None = Field(None, description="The agency written to or from (an organisation's id)")
    via: ThaiInt | None = Field(None, description="The organisation it was sent through (its id)")
    status: LetterStatus | None = None
    answer_due_on: ThaiDate | None = None
    in_reply_to: ThaiInt | None = Field(None, description="The letter this one answers (its id)")
    meeting: ThaiInt | None = None
    action_item: ThaiInt | None = None
    summary: str | None = None


class LetterIn(LetterPatch):
    body: ThaiInt = Field(description="The body the letter is written for (its id)")
    direction: LetterDirection
    dated_on: ThaiDate
    subject: str
    counterpart: ThaiInt
