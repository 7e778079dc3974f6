"""API shapes of meetings and of what is recorded at them: agenda items, attendance and resolutions."""

import datetime as dt
import re
from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict

from sanphalang.directory.models import PositionRole
from sanphalang.meetings.models import MeetingStatus
from sanphalang.meetings.selectors.action_items import with_overdue_flag
from sanphalang.thai.digits import to_arabic_digits

from ..pagination import PageQuery
from ..thai_fields import ThaiDate, ThaiInt
from ..versions import VersionIn, VersionOut
from .action_items import ActionItemOut
from .named import PersonOrOrganisationOut, person_id, person_name

_THAI_TIME = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*(?:น\.?)?\s*$")


def _read_time(value: Any) -> Any:
    """ "09.30 น." and "๙.๓๐" as Thai programmes write them, beside ISO "09:30"."""
    if not isinstance(value, str):
        return value
    if not value.strip():
        return None
    match = _THAI_TIME.match(to_arabic_digits(value))
    if match is None:
        raise ValueError(_("Enter a time such as 09.30 or 13:00."))
    return dt.time(int(match[1]), int(match[2]))


ThaiTime = Annotated[dt.time, BeforeValidator(_read_time)]


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
    def resolve_chair_id(obj, context) -> int | None:
        return person_id(obj.chair, context, PositionRole.CHAIR)

    @staticmethod
    def resolve_chair_name(obj, context) -> str:
        return person_name(obj.chair, context, PositionRole.CHAIR)

    @staticmethod
    def resolve_attendance_count(obj) -> int:
        if hasattr(obj, "attendance_count"):
            return obj.attendance_count
        return len(obj.attendances.all())


class AgendaItemOut(VersionOut):
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


class AttendanceOut(VersionOut, PersonOrOrganisationOut):
    role: str
    is_guest: bool = Field(description="Not a member of the body (nor of one of its working groups) that day")


class ResolutionOut(VersionOut):
    id: int
    number: int
    text: str
    action_item_ids: list[int]

    @staticmethod
    def resolve_action_item_ids(obj) -> list[int]:
        return [item.pk for item in obj.action_items.all()]


class MeetingDetailOut(VersionOut, MeetingOut):
    minutes: str
    agenda_items: list[AgendaItemOut]
    attendances: list[AttendanceOut]
    resolutions: list[ResolutionOut]
    action_items: list[ActionItemOut] = Field(
        description="Every action item the meeting set, with its repeats"
    )

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
        return list(
            with_overdue_flag(obj.action_items.select_related("body", "owner_organisation", "owner_person"))
        )


class MeetingQuery(PageQuery):
    body: ThaiInt | None = Field(None, description="Only the meetings of this body (its id)")
    year: ThaiInt | None = Field(None, description="Only the meetings of this Buddhist Era year, e.g. 2558")


class MeetingPatch(VersionIn):
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
    organisation: ThaiInt | None = Field(
        None, description="The organisation's id (the one the person represents)"
    )
    role: str = ""


class ResolutionIn(Schema):
    text: str
    number: ThaiInt | None = Field(None, ge=1, description="Empty: after the last resolution")


# ---- corrections: each field left out is kept; unknown fields are refused, not ignored


class AgendaItemPatch(VersionIn):
    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    order: ThaiInt | None = Field(
        None,
        ge=1,
        description="Its place in the agenda: the other items move to make "
        "room, and the agenda is numbered 1, 2, 3… again",
    )
    description: str | None = None
    working_group: ThaiInt | None = Field(
        None, description="The id of the working group that reports; null: none"
    )
    report: str | None = None


class AttendancePatch(VersionIn):
    model_config = ConfigDict(extra="forbid")

    role: str | None = Field(
        None,
        description="The role at the meeting. Who attended is not changed: remove the "
        "line and record the right one",
    )


class ResolutionPatch(VersionIn):
    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    number: ThaiInt | None = Field(
        None, ge=1, description="A number not used by another resolution of the meeting"
    )
