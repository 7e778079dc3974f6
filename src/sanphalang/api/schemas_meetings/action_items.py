"""API shapes of action items, their status and their corrections."""

import datetime as dt
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from sanphalang.meetings.models import ActionStatus

from ..pagination import PageQuery
from ..thai_fields import ThaiDate, ThaiInt
from ..versions import VersionIn, VersionOut
from .named import organisation_name, person_id, person_name


class ActionItemOut(VersionOut):
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
        return organisation_name(obj.owner_organisation)

    @staticmethod
    def resolve_owner_person_id(obj, context) -> int | None:
        return person_id(obj.owner_person, context)

    @staticmethod
    def resolve_owner_person_name(obj, context) -> str:
        return person_name(obj.owner_person, context)

    @staticmethod
    def resolve_is_overdue(obj) -> bool:
        # Every read of action items carries the flag (selectors.action_items.with_overdue_flag).
        return obj.is_overdue


class ActionItemQuery(PageQuery):
    status: Literal["open", "in_progress", "done", "cancelled"] | None = Field(
        None, description="open (open or in progress), in_progress, done or cancelled"
    )
    overdue: bool = False
    owner: ThaiInt | None = Field(None, description="Only the items of this owner organisation (its id)")
    body: ThaiInt | None = Field(None, description="Only the items of this body (its id)")
    ours: bool = Field(
        False, description="Only the items of your own organisation (a partner agency's tasks)"
    )


class ActionItemIn(Schema):
    title: str
    due_on: ThaiDate
    resolution: ThaiInt | None = Field(None, description="The resolution that sets the item (its id)")
    meeting: ThaiInt | None = Field(
        None, description="The meeting that sets the item, if not by a resolution"
    )
    body: ThaiInt | None = Field(None, description="The body the item belongs to, if not set by a meeting")
    owner_organisation: ThaiInt | None = None
    owner_person: ThaiInt | None = None
    description: str = ""
    recurrence_months: ThaiInt | None = Field(None, description="E.g. 3 for every quarter")
    recurrence_until: ThaiDate | None = Field(None, description="Empty: repeats until cancelled")


class ActionItemPatch(VersionIn):
    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    description: str | None = None
    due_on: ThaiDate | None = Field(None, description="Not before the meeting that set the item")
    owner_organisation: ThaiInt | None = Field(None, description="The owner organisation's id; null: none")
    owner_person: ThaiInt | None = Field(None, description="The owner person's id; null: none")
    outcome: str | None = None


class ActionItemStatusIn(Schema):
    """A report on an item: by its body's coordinators, or by a partner agency on its organisation's own items."""

    status: ActionStatus
    done_on: ThaiDate | None = Field(
        None, description="Empty, when the status is done: the due date if it has passed, otherwise today"
    )
    outcome: str | None = None
    note: str = Field("", description="A progress note, kept with who wrote it and for which organisation")


class ActionItemProgressOut(Schema):
    """One report on an item: when, by whom, for which organisation, and what it said or set."""

    recorded_at: dt.datetime
    recorded_by: str
    organisation_id: int | None = None
    organisation_name_th: str
    note: str
    status: str = Field(description="The status the report set; empty: unchanged")
    outcome: str = Field(description="The outcome the report recorded; empty: unchanged")

    @staticmethod
    def resolve_recorded_by(obj) -> str:
        user = obj.recorded_by
        return (user.get_full_name() or user.username) if user else ""

    @staticmethod
    def resolve_organisation_name_th(obj) -> str:
        return organisation_name(obj.organisation)


class ActionItemStatusOut(Schema):
    item: ActionItemOut
    next_occurrence: ActionItemOut | None = Field(
        None, description="The next item of a recurring series, created when this one was closed"
    )
