"""Writes to the user's own in-app notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from ..models import Notification

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def notifications_mark_read(*, by: User, ids: list[int] | None = None) -> int:
    """Mark the user's own notifications read: the given ones, or all of them. Returns how many changed."""
    qs = Notification.objects.filter(user=by, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())
