"""Reads of action items: lists, what is due from the user, and what is overdue (decided here, in overdue_q)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from ..access import action_item_visible_q, require_change_body, require_report_on, visible_get
from ..models import OPEN_STATUSES, ActionItem, ActionItemProgress

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.directory.models import Organisation


def overdue_q(today: dt.date) -> Q:
    """An item is overdue while it is still open (or in progress) after its due date."""
    return Q(status__in=OPEN_STATUSES, due_on__lt=today)


def with_overdue_flag(items: QuerySet[ActionItem], today: dt.date | None = None) -> QuerySet[ActionItem]:
    """The items, each with is_overdue (for pages, the API and documents)."""
    return items.annotate(
        is_overdue=ExpressionWrapper(overdue_q(today or timezone.localdate()), output_field=BooleanField())
    )


def action_item_list(
    *,
    user: User,
    status: str | None = None,
    overdue: bool = False,
    owner_organisation: Organisation | int | None = None,
    body: int | None = None,
    today: dt.date | None = None,
) -> QuerySet[ActionItem]:
    today = today or timezone.localdate()
    qs = with_overdue_flag(ActionItem.objects.filter(action_item_visible_q(user)), today)
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if overdue:
        qs = qs.filter(overdue_q(today))
    if owner_organisation:
        qs = qs.filter(owner_organisation=owner_organisation)
    if body:
        qs = qs.filter(body_id=body)
    return qs.select_related("body__area", "owner_organisation", "owner_person", "meeting", "resolution")


def action_item_get(*, user: User, pk: int) -> ActionItem:
    """An action item with what its page shows: its letters and the occurrences of its series."""
    try:
        return action_item_list(user=user).prefetch_related("letters", "occurrences").get(pk=pk)
    except (ActionItem.DoesNotExist, ValueError):
        raise Http404 from None


def action_item_get_for_change(*, user: User, pk: int) -> ActionItem:
    """An action item the user may change, loaded lighter than for its page."""
    item = visible_get(
        ActionItem,
        user=user,
        pk=pk,
        area_field="body__area_id",
        related=("body", "meeting", "owner_organisation", "owner_person"),
    )
    require_change_body(user, item.body)
    return item


def action_item_get_for_progress(*, user: User, pk: int) -> ActionItem:
    """An action item the user may report on (access.require_report_on: its body's coordinators, and a partner
    agency for its organisation's own items); one the user cannot see is not found."""
    try:
        item = (
            ActionItem.objects.filter(action_item_visible_q(user))
            .select_related("body", "meeting", "owner_organisation", "owner_person")
            .get(pk=pk)
        )
    except (ActionItem.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_report_on(user, item)
    return item


def action_item_progress(*, item: ActionItem) -> QuerySet[ActionItemProgress]:
    """The reports on an item, oldest first, with who made them and for which organisation, for an item the
    caller fetched through action_item_get."""
    return item.progress.select_related("recorded_by", "organisation").order_by("recorded_at", "id")


def action_item_series(*, item: ActionItem) -> QuerySet[ActionItem]:
    """The occurrences of a recurring item's series, for an item the caller fetched through action_item_get."""
    if not item.series_id:
        return ActionItem.objects.none()
    return with_overdue_flag(
        ActionItem.objects.filter(series_id=item.series_id, body_id=item.body_id)
    ).order_by("sequence")


def action_items_due_from(*, user: User, today: dt.date | None = None) -> QuerySet[ActionItem]:
    """What the user's organisation, or the user as a person in the directory, owes: open items, soonest first."""
    owners = Q(pk__in=[])
    if user.organisation_id:
        owners |= Q(owner_organisation_id=user.organisation_id)
    return action_item_list(user=user, status="open", today=today).filter(owners).order_by("due_on", "id")


def overdue_by_owner(
    *, user: User, today: dt.date | None = None
) -> list[tuple[Organisation | None, list[ActionItem]]]:
    """Overdue items in the user's areas, grouped by owner organisation (None for items without one)."""
    items = action_item_list(user=user, overdue=True, today=today).order_by(
        "owner_organisation__sort_key", "due_on", "id"
    )
    groups: dict = {}
    for item in items:
        groups.setdefault(item.owner_organisation, []).append(item)
    return list(groups.items())


def overdue_summary(
    *, user: User, today: dt.date | None = None, limit: int = 5
) -> tuple[int, list[ActionItem]]:
    """How many action items in the user's areas are overdue, and the most overdue few."""
    qs = action_item_list(user=user, overdue=True, today=today or timezone.localdate())
    return qs.count(), list(qs.order_by("due_on", "id")[:limit])
