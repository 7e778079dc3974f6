"""Reads of bodies, meetings, action items and letters; all scoped by the area of the body they belong to."""

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from sanphalang.areas.scoping import scope_for

from .models import OPEN_STATUSES, ActionItem, Attendance, Body, Letter, Meeting, Membership


def _visible(user, field: str) -> Q:
    """Bodies of the user's areas and of the areas above them: a district sees its province's council."""
    return scope_for(user).with_ancestors_q(field)


def body_list(*, user, kind: str | None = None, search: str = "") -> QuerySet[Body]:
    qs = Body.objects.filter(_visible(user, "area_id"))
    if kind:
        qs = qs.filter(kind=kind)
    if search:
        qs = qs.filter(Q(name_th__icontains=search) | Q(name_en__icontains=search))
    return qs.select_related("area", "organisation", "parent").prefetch_related("issue_areas")


def body_get(*, user, pk: int) -> Body:
    try:
        return body_list(user=user).prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("person", "organisation")),
            "working_groups").get(pk=pk)
    except (Body.DoesNotExist, ValueError):
        raise Http404 from None


def meeting_list(*, user, body: int | None = None, year_be: int | None = None) -> QuerySet[Meeting]:
    qs = Meeting.objects.filter(_visible(user, "body__area_id"))
    if body:
        qs = qs.filter(body_id=body)
    if year_be:
        qs = qs.filter(year_be=year_be)
    return qs.select_related("body__area", "chair").annotate(
        attendance_count=Count("attendances", distinct=True))


def meeting_get(*, user, pk: int) -> Meeting:
    try:
        return Meeting.objects.filter(_visible(user, "body__area_id")).select_related(
            "body__area", "body__organisation", "chair").prefetch_related(
            "agenda_items__working_group",
            Prefetch("attendances", queryset=Attendance.objects.select_related("person", "organisation")),
            "invitations__person", "invitations__organisation",
            "resolutions__action_items__owner_organisation", "resolutions__action_items__owner_person",
            "attachments", "letters__counterpart",
        ).get(pk=pk)
    except (Meeting.DoesNotExist, ValueError):
        raise Http404 from None


def action_item_list(*, user, status: str | None = None, overdue: bool = False, owner_organisation=None,
                     body: int | None = None, today: dt.date | None = None) -> QuerySet[ActionItem]:
    today = today or timezone.localdate()
    qs = ActionItem.objects.filter(_visible(user, "body__area_id"))
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if overdue:
        qs = qs.filter(status__in=OPEN_STATUSES, due_on__lt=today)
    if owner_organisation:
        qs = qs.filter(owner_organisation=owner_organisation)
    if body:
        qs = qs.filter(body_id=body)
    return qs.select_related("body__area", "owner_organisation", "owner_person", "meeting", "resolution")


def action_item_get(*, user, pk: int) -> ActionItem:
    try:
        return action_item_list(user=user).prefetch_related("letters", "occurrences").get(pk=pk)
    except (ActionItem.DoesNotExist, ValueError):
        raise Http404 from None


def action_items_due_from(*, user, today: dt.date | None = None) -> QuerySet[ActionItem]:
    """What the user's organisation, or the user as a person in the directory, owes: open items, soonest first."""
    owners = Q(pk__in=[])
    if user.organisation_id:
        owners |= Q(owner_organisation_id=user.organisation_id)
    return action_item_list(user=user, status="open", today=today).filter(owners).order_by("due_on", "id")


def overdue_by_owner(*, user, today: dt.date | None = None) -> list[tuple[object, list[ActionItem]]]:
    """Overdue items in the user's areas, grouped by owner organisation (None for items without one)."""
    items = action_item_list(user=user, overdue=True, today=today).order_by(
        "owner_organisation__sort_key", "due_on", "id")
    groups: dict = {}
    for item in items:
        groups.setdefault(item.owner_organisation, []).append(item)
    return list(groups.items())


def letter_list(*, user, direction: str | None = None, status: str | None = None,
                awaiting_answer: bool = False) -> QuerySet[Letter]:
    qs = Letter.objects.filter(_visible(user, "body__area_id"))
    if direction:
        qs = qs.filter(direction=direction)
    if status:
        qs = qs.filter(status=status)
    if awaiting_answer:
        qs = qs.filter(direction="out", status__in=["sent", "awaiting"])
    return qs.select_related("body__area", "counterpart", "via", "meeting", "action_item", "in_reply_to")


def letter_get(*, user, pk: int) -> Letter:
    try:
        return letter_list(user=user).prefetch_related("attachments", "replies").get(pk=pk)
    except (Letter.DoesNotExist, ValueError):
        raise Http404 from None
