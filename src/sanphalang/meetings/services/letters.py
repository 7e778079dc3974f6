"""Writes to letters to and from agencies; an incoming answer closes the wait on the letter it answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F

from sanphalang.accounts.audit import validated_save
from sanphalang.errors import reject_unknown_fields
from sanphalang.versions import expect_version

from ..access import require_change_body
from ..errors import MeetingError
from ..models import Body, Letter, LetterDirection, LetterStatus

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

# The fields of a letter a user sets, in the order its form shows them.
LETTER_FIELDS = (
    "direction",
    "number",
    "dated_on",
    "subject",
    "counterpart",
    "via",
    "status",
    "answer_due_on",
    "in_reply_to",
    "meeting",
    "action_item",
    "summary",
)


def status_saved_as(direction: str, status: str) -> str:
    """The status a letter is saved with: an incoming letter is received, whatever an outgoing one's status would
    be (the form shows this before saving, so a reply's status reads as it will be kept)."""
    if direction == LetterDirection.INCOMING and status in (
        LetterStatus.DRAFT,
        LetterStatus.SENT,
        LetterStatus.AWAITING_ANSWER,
    ):
        return LetterStatus.RECEIVED
    return status


@transaction.atomic
def letter_create(*, by: User, body: Body, **fields) -> Letter:
    return letter_update(by=by, letter=Letter(body=body), **fields)


@transaction.atomic
def letter_update(*, by: User, letter: Letter, version: int | None = None, **fields) -> Letter:
    expect_version(letter, version)
    reject_unknown_fields(fields, set(LETTER_FIELDS))
    require_change_body(by, letter.body)
    for name, value in fields.items():
        setattr(letter, name, value)
    if letter.answer_due_on and letter.dated_on and letter.answer_due_on < letter.dated_on:
        raise MeetingError.ANSWER_DUE_BEFORE_LETTER.error("answer_due_on")
    letter.status = status_saved_as(letter.direction, letter.status)
    validated_save(letter, by)
    if letter.in_reply_to_id and letter.direction == LetterDirection.INCOMING:
        # An incoming answer closes the wait on the letter it answers.
        Letter.objects.filter(pk=letter.in_reply_to_id, direction=LetterDirection.OUTGOING).update(
            status=LetterStatus.ANSWERED, version=F("version") + 1
        )
    return letter
