"""Reads of the files kept with meetings and letters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.http import Http404

from ..access import require_change_body, visible_q
from ..models import Attachment

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def attachment_get(*, user: User, pk: int) -> Attachment:
    """An attachment of a meeting or a letter whose body the user can see."""
    visible = (Q(meeting__isnull=False) & visible_q(user, "meeting__body__area_id")) | (
        Q(letter__isnull=False) & visible_q(user, "letter__body__area_id")
    )
    try:
        return Attachment.objects.filter(visible).select_related("meeting__body", "letter__body").get(pk=pk)
    except (Attachment.DoesNotExist, ValueError):
        raise Http404 from None


def attachment_get_for_change(*, user: User, pk: int) -> Attachment:
    attachment = attachment_get(user=user, pk=pk)
    require_change_body(user, (attachment.meeting or attachment.letter).body)
    return attachment
