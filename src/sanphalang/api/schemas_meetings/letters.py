"""API shapes of letters to and from agencies."""

import datetime as dt

from ninja import Field, Schema

from sanphalang.meetings.models import LetterDirection, LetterStatus

from ..pagination import PageQuery
from ..thai_fields import ThaiDate, ThaiInt
from ..versions import VersionIn, VersionOut


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


class LetterDetailOut(VersionOut, LetterOut):
    reply_ids: list[int]

    @staticmethod
    def resolve_reply_ids(obj) -> list[int]:
        return [reply.pk for reply in obj.replies.all()]


class LetterQuery(PageQuery):
    direction: LetterDirection | None = None
    status: LetterStatus | None = None
    awaiting_answer: bool = False


class LetterPatch(VersionIn):
    direction: LetterDirection | None = None
    number: str | None = None
    dated_on: ThaiDate | None = None
    subject: str | None = None
    counterpart: ThaiInt | None = Field(
        None, description="The agency written to or from (an organisation's id)"
    )
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
