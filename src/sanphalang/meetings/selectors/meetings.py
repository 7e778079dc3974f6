"""Reads of meetings and of what is recorded at them: agenda items, invitations, attendance and resolutions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from sanphalang.thai.digits import to_arabic_digits
from sanphalang.thai.names import compact

from ..access import can_change_body, require_change_body, visible_get, visible_q
from ..errors import MeetingError
from ..models import ActionItem, AgendaItem, Attendance, Invitation, Meeting, Resolution
from .action_items import with_overdue_flag

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def meeting_list(*, user: User, body: int | None = None, year_be: int | None = None) -> QuerySet[Meeting]:
    qs = Meeting.objects.filter(visible_q(user, "body__area_id"))
    if body:
        qs = qs.filter(body_id=body)
    if year_be:
        qs = qs.filter(year_be=year_be)
    # Newest first wherever meetings are listed or picked; a count drops the model's ordering, so it is stated here.
    return (
        qs.select_related("body__area", "chair")
        .annotate(attendance_count=Count("attendances", distinct=True))
        .order_by("-held_on", "-number", "-pk")
    )


def meeting_get(*, user: User, pk: int) -> Meeting:
    """A meeting with all its page shows: agenda, invitations, attendance, resolutions and their action items."""
    action_items = with_overdue_flag(ActionItem.objects.select_related("owner_organisation", "owner_person"))
    try:
        return (
            Meeting.objects.filter(visible_q(user, "body__area_id"))
            .select_related("body__area", "body__organisation", "chair")
            .prefetch_related(
                "agenda_items__working_group",
                Prefetch("attendances", queryset=Attendance.objects.select_related("person", "organisation")),
                "invitations__person",
                "invitations__organisation",
                Prefetch("resolutions__action_items", queryset=action_items),
                "attachments",
                "letters__counterpart",
            )
            .get(pk=pk)
        )
    except (Meeting.DoesNotExist, ValueError):
        raise Http404 from None


def meeting_get_for_change(*, user: User, pk: int) -> Meeting:
    """A meeting the user may change (or add to): not found outside what they see, refused where they only read."""
    meeting = meeting_get(user=user, pk=pk)
    require_change_body(user, meeting.body)
    return meeting


def resolution_list(*, user: User) -> QuerySet[Resolution]:
    """Resolutions, each as visible as its meeting."""
    return Resolution.objects.filter(visible_q(user, "meeting__body__area_id")).select_related(
        "meeting__body"
    )


def _of_meeting(meeting_id: int | None) -> dict:
    return {} if meeting_id is None else {"meeting_id": meeting_id}


def agenda_item_get_for_change(*, user: User, pk: int, meeting_id: int | None = None) -> AgendaItem:
    item = visible_get(
        AgendaItem,
        user=user,
        pk=pk,
        area_field="meeting__body__area_id",
        related=("meeting__body", "working_group"),
        **_of_meeting(meeting_id),
    )
    require_change_body(user, item.meeting.body)
    return item


def attendance_get_for_change(*, user: User, pk: int, meeting_id: int | None = None) -> Attendance:
    line = visible_get(
        Attendance,
        user=user,
        pk=pk,
        area_field="meeting__body__area_id",
        related=("meeting__body", "person", "organisation"),
        **_of_meeting(meeting_id),
    )
    require_change_body(user, line.meeting.body)
    return line


def resolution_get_for_change(*, user: User, pk: int, meeting_id: int | None = None) -> Resolution:
    resolution = visible_get(
        Resolution,
        user=user,
        pk=pk,
        area_field="meeting__body__area_id",
        related=("meeting__body",),
        **_of_meeting(meeting_id),
    )
    require_change_body(user, resolution.meeting.body)
    return resolution


def invitation_get_for_change(*, user: User, pk: int) -> Invitation:
    invitation = visible_get(
        Invitation,
        user=user,
        pk=pk,
        area_field="meeting__body__area_id",
        related=("meeting__body", "person", "organisation"),
    )
    require_change_body(user, invitation.meeting.body)
    return invitation


_MEETING_NUMBER = re.compile(r"^\s*(?:ครั้งที่\s*)?(\d{1,4})\s*/\s*(\d{4})\s*$")


def meeting_find(*, user: User, meeting: str, body: str = "") -> Meeting:
    """The meeting a person names as they write it, "3/2558" (number and BE year) or its id, among those of the
    user's areas; `body` (part of its name) tells apart the bodies that each held a meeting 3/2558, and a
    meeting the user may change comes before one they only read. None found is Meeting.DoesNotExist, with the
    message to show; a name that is not a meeting's, or several found, a ValidationError."""
    text = to_arabic_digits(str(meeting or "")).strip()
    if text.isdigit():
        found = meeting_list(user=user).filter(pk=int(text)).first()
        if found is None:
            raise Meeting.DoesNotExist(MeetingError.NO_SUCH_IMPORT_MEETING.message())
        return found
    numbered = _MEETING_NUMBER.match(text)
    if numbered is None:
        raise MeetingError.MEETING_NUMBER_UNREADABLE.error("meeting")
    label = f"{int(numbered[1])}/{numbered[2]}"
    candidates = list(meeting_list(user=user).filter(number=int(numbered[1]), year_be=int(numbered[2])))
    if body:
        wanted = compact(body)
        named = [
            m for m in candidates if wanted in compact(m.body.name_th) or wanted in compact(m.body.name_en)
        ]
        exact = [m for m in named if wanted in (compact(m.body.name_th), compact(m.body.name_en))]
        candidates = exact or named
        if not candidates:
            raise Meeting.DoesNotExist(
                MeetingError.NO_MEETING_NUMBERED_OF_BODY.message(number=label, body=body)
            )
    changeable = [m for m in candidates if can_change_body(user, m.body)]
    candidates = changeable or candidates
    if not candidates:
        raise Meeting.DoesNotExist(MeetingError.NO_MEETING_NUMBERED.message(number=label))
    if len(candidates) > 1:
        raise MeetingError.MEETING_NUMBER_IN_SEVERAL_BODIES.error(
            "meeting", number=label, bodies=", ".join(m.body.name_th for m in candidates)
        )
    return candidates[0]
