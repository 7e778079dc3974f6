"""Reads the meeting pages need beyond selectors.py: attachments, a user's notifications, home-page counts."""

import datetime as dt

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from sanphalang.areas.scoping import scope_for

from .models import ActionItem, Attachment, Notification
from .selectors import action_item_list


def attachment_get(*, user, pk: int) -> Attachment:
    """An attachment of a meeting or a letter whose body the user can see."""
    scope = scope_for(user)
    visible = (Q(meeting__isnull=False) & scope.with_ancestors_q("meeting__body__area_id")) | (
        Q(letter__isnull=False) & scope.with_ancestors_q("letter__body__area_id"))
    try:
        return Attachment.objects.filter(visible).select_related("meeting__body", "letter__body").get(pk=pk)
    except (Attachment.DoesNotExist, ValueError):
        raise Http404 from None


def notification_list(*, user, unread_only: bool = False) -> QuerySet[Notification]:
    qs = Notification.objects.filter(user=user)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs.order_by("-created_at", "-id")


def overdue_summary(*, user, today: dt.date | None = None, limit: int = 5) -> tuple[int, list]:
    """How many action items in the user's areas are overdue, and the most overdue few."""
    today = today or timezone.localdate()
    qs = action_item_list(user=user, overdue=True, today=today)
    return qs.count(), list(qs.order_by("due_on", "id")[:limit])


def action_item_series(*, item: ActionItem) -> QuerySet[ActionItem]:
    """The occurrences of a recurring item's series, for an item the caller fetched through action_item_get."""
    if not item.series_id:
        return ActionItem.objects.none()
    return ActionItem.objects.filter(series_id=item.series_id, body_id=item.body_id).order_by("sequence")
