"""Reads of letters to and from agencies, and which answers are awaited or late (decided here only)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from ..access import require_change_body, visible_q
from ..models import Letter, LetterDirection, LetterStatus

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

_AWAITING_ANSWER = Q(
    direction=LetterDirection.OUTGOING, status__in=[LetterStatus.SENT, LetterStatus.AWAITING_ANSWER]
)


def _answer_late_q(today: dt.date) -> Q:
    """An outgoing letter's answer is late while it is still awaited after the day it was due."""
    return _AWAITING_ANSWER & Q(answer_due_on__lt=today)


def letter_list(
    *,
    user: User,
    direction: str | None = None,
    status: str | None = None,
    awaiting_answer: bool = False,
    today: dt.date | None = None,
) -> QuerySet[Letter]:
    """Letters, each with answer_late."""
    qs = Letter.objects.filter(visible_q(user, "body__area_id")).annotate(
        answer_late=Case(
            When(_answer_late_q(today or timezone.localdate()), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
    if direction:
        qs = qs.filter(direction=direction)
    if status:
        qs = qs.filter(status=status)
    if awaiting_answer:
        qs = qs.filter(_AWAITING_ANSWER)
    return qs.select_related("body__area", "counterpart", "via", "meeting", "action_item", "in_reply_to")


def letter_get(*, user: User, pk: int) -> Letter:
    try:
        return letter_list(user=user).prefetch_related("attachments", "replies").get(pk=pk)
    except (Letter.DoesNotExist, ValueError):
        raise Http404 from None


def letter_get_for_change(*, user: User, pk: int) -> Letter:
    letter = letter_get(user=user, pk=pk)
    require_change_body(user, letter.body)
    return letter
