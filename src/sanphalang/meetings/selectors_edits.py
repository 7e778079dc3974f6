"""Reads of the single records the correction pages and API routes change: each as visible as the body it
belongs to (the user's areas and the areas above them); anything else is not found."""

from django.db.models import Model
from django.http import Http404

from sanphalang.areas.scoping import scope_for

from .models import ActionItem, AgendaItem, Attendance, Invitation, Membership, Resolution


def _get(model: type[Model], *, user, pk, area_field: str, related: tuple[str, ...], **filters) -> Model:
    qs = model.objects.filter(scope_for(user).with_ancestors_q(area_field), **filters).select_related(*related)
    try:
        return qs.get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def _of_meeting(meeting_id: int | None) -> dict:
    return {} if meeting_id is None else {"meeting_id": meeting_id}


def agenda_item_get(*, user, pk: int, meeting_id: int | None = None) -> AgendaItem:
    return _get(AgendaItem, user=user, pk=pk, area_field="meeting__body__area_id",
                related=("meeting__body", "working_group"), **_of_meeting(meeting_id))


def attendance_get(*, user, pk: int, meeting_id: int | None = None) -> Attendance:
    return _get(Attendance, user=user, pk=pk, area_field="meeting__body__area_id",
                related=("meeting__body", "person", "organisation"), **_of_meeting(meeting_id))


def resolution_get(*, user, pk: int, meeting_id: int | None = None) -> Resolution:
    return _get(Resolution, user=user, pk=pk, area_field="meeting__body__area_id", related=("meeting__body",),
                **_of_meeting(meeting_id))


def invitation_get(*, user, pk: int) -> Invitation:
    return _get(Invitation, user=user, pk=pk, area_field="meeting__body__area_id",
                related=("meeting__body", "person", "organisation"))


def membership_get(*, user, pk: int) -> Membership:
    return _get(Membership, user=user, pk=pk, area_field="body__area_id",
                related=("body__parent", "person", "organisation"))


def action_item_get(*, user, pk: int) -> ActionItem:
    """An action item for changing: lighter than selectors.action_item_get, which loads what its page shows."""
    return _get(ActionItem, user=user, pk=pk, area_field="body__area_id",
                related=("body", "meeting", "owner_organisation", "owner_person"))
