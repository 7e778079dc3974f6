"""Pieces the meeting pages share. The pages themselves live in views_bodies, views_meetings, views_actions,
views_letters and views_notifications."""

from django.utils import timezone

from sanphalang.areas.scoping import can_write_area

from .forms import MEMBERSHIP_ROLES
from .models import OPEN_STATUSES

ROLE_LABELS = dict(MEMBERSHIP_ROLES)


def can_edit_body(user, body) -> bool:
    return can_write_area(user, body.area_id)


def role_label(role: str) -> str:
    return str(ROLE_LABELS.get(role, role))


def mark_overdue(items, today=None) -> list:
    """Give each action item an is_overdue flag for the template (open and past its due date)."""
    today = today or timezone.localdate()
    items = list(items)
    for item in items:
        item.is_overdue = item.status in OPEN_STATUSES and item.due_on < today
    return items
