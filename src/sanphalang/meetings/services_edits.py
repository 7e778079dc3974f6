"""Corrections to what was recorded about a body or a meeting: change or remove an agenda item, an attendance
line, a resolution, an action item, a membership, an invitation or an attachment.

Every write runs in one transaction, checks that the user may change records of the body's area, and names the
user in the history row it leaves (a removal too: the instance is stamped before it is deleted). Attachments keep
no history table; their removal is written to the access log instead.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sanphalang.accounts.audit import log_access, stamp, validated_save
from sanphalang.accounts.models import AccessAction
from sanphalang.areas.scoping import require_write
from sanphalang.errors import reject_unknown_fields
from sanphalang.thai.names import clean_text

from .models import (
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    Invitation,
    InvitationResponse,
    Membership,
    Resolution,
)
from .services import attendances_touched_by, guest_flags_refresh

AGENDA_ITEM_FIELDS = {"title", "order", "description", "working_group", "report"}
ATTENDANCE_FIELDS = {"role"}
RESOLUTION_FIELDS = {"text", "number"}
ACTION_ITEM_FIELDS = {"title", "description", "due_on", "owner_organisation", "owner_person", "outcome"}
MEMBERSHIP_FIELDS = {"role", "title", "started_on", "ended_on"}
INVITATION_FIELDS = {"response", "sent_on"}


def _apply(obj, fields: dict, allowed: set[str]) -> None:
    reject_unknown_fields(fields, allowed)
    for name, value in fields.items():
        setattr(obj, name, value)


def _remove(obj, by) -> None:
    """Delete with the user named in the history row simple_history writes for the deletion."""
    stamp(obj, by).delete()


# ---- agenda items


def _renumber_agenda(meeting, by, *, moved: AgendaItem | None = None) -> None:
    """Number the meeting's agenda 1, 2, 3… in its order, with the moved item at the place its order asks for
    (last, if that is past the end). Saves the other items whose number changes; the caller saves the moved one."""
    items = [item for item in meeting.agenda_items.order_by("order", "id") if moved is None or item.pk != moved.pk]
    if moved is not None:
        items.insert(min(moved.order, len(items) + 1) - 1, moved)
    for number, item in enumerate(items, start=1):
        if item.order != number:
            item.order = number
            if item is not moved:
                validated_save(item, by)


@transaction.atomic
def agenda_item_update(*, by, item: AgendaItem, **fields) -> AgendaItem:
    """Correct an agenda item. A new order moves the item to that place; the others close up around it."""
    require_write(by, item.meeting.body.area_id)
    if "title" in fields:
        fields["title"] = clean_text(fields["title"] or "")
    if "order" in fields and (fields["order"] is None or fields["order"] < 1):
        raise ValidationError({"order": _("The order is a number from 1.")})
    previous_order = item.order
    _apply(item, fields, AGENDA_ITEM_FIELDS)
    if item.order != previous_order:
        _renumber_agenda(item.meeting, by, moved=item)
    return validated_save(item, by)


@transaction.atomic
def agenda_item_remove(*, by, item: AgendaItem) -> None:
    """Remove an agenda item; the items after it move up one place."""
    meeting = item.meeting
    require_write(by, meeting.body.area_id)
    _remove(item, by)
    _renumber_agenda(meeting, by)


# ---- attendance


@transaction.atomic
def attendance_update(*, by, attendance: Attendance, **fields) -> Attendance:
    """Correct the role someone had at the meeting. Who attended is not changed here: remove the line and
    record the right one, so the guest flag is decided for them."""
    require_write(by, attendance.meeting.body.area_id)
    if "role" in fields:
        fields["role"] = clean_text(fields["role"] or "")
    _apply(attendance, fields, ATTENDANCE_FIELDS)
    return validated_save(attendance, by)


@transaction.atomic
def attendance_remove(*, by, attendance: Attendance) -> None:
    require_write(by, attendance.meeting.body.area_id)
    _remove(attendance, by)


# ---- resolutions


@transaction.atomic
def resolution_update(*, by, resolution: Resolution, **fields) -> Resolution:
    """Correct a resolution's text or number. Numbers are kept as the minutes give them: changing one does not
    renumber the others, and a number already used at the meeting is refused."""
    require_write(by, resolution.meeting.body.area_id)
    if "text" in fields:
        fields["text"] = (fields["text"] or "").strip()
        if not fields["text"]:
            raise ValidationError({"text": _("Write what the meeting resolved.")})
    _apply(resolution, fields, RESOLUTION_FIELDS)
    if resolution.number is not None and Resolution.objects.filter(
            meeting_id=resolution.meeting_id, number=resolution.number).exclude(pk=resolution.pk).exists():
        raise ValidationError({"number": _("This meeting already has a resolution with this number.")})
    return validated_save(resolution, by)


@transaction.atomic
def resolution_remove(*, by, resolution: Resolution) -> None:
    """Remove a resolution recorded by mistake; refused while action items follow it up."""
    require_write(by, resolution.meeting.body.area_id)
    if resolution.action_items.exists():
        raise ValidationError(_("This resolution has action items, so it cannot be removed. Correct its text "
                                "instead, or remove its action items first."), code="has_action_items")
    _remove(resolution, by)


# ---- action items


@transaction.atomic
def action_item_update(*, by, item: ActionItem, **fields) -> ActionItem:
    """Correct an action item: what is to be done, its due date (never before the meeting that set it), its
    owner and its outcome. The status has its own service (action_item_set_status), which keeps series going."""
    require_write(by, item.body.area_id)
    if "title" in fields:
        fields["title"] = clean_text(fields["title"] or "")
    _apply(item, fields, ACTION_ITEM_FIELDS)
    if item.due_on is None:
        raise ValidationError({"due_on": _("Enter the due date.")})
    if item.meeting_id is not None and item.due_on < item.meeting.held_on:
        raise ValidationError({"due_on": _("The due date is before the meeting that set it.")})
    if item.recurrence_until is not None and item.series_id == item.pk and item.due_on > item.recurrence_until:
        raise ValidationError({"due_on": _("The series ends before this due date.")})
    return validated_save(item, by)


@transaction.atomic
def action_item_remove(*, by, item: ActionItem) -> None:
    """Remove an action item recorded by mistake. Refused when letters refer to it (they would lose the link
    without a trace) and for an item of a repeating series that has other occurrences (removing the first
    would remove them all; removing a later one would end the series silently): cancel those instead."""
    require_write(by, item.body.area_id)
    if item.letters.exists():
        raise ValidationError(_("Letters refer to this action item. Change those letters first."),
                              code="has_letters")
    if item.series_id and ActionItem.objects.filter(series_id=item.series_id).exclude(pk=item.pk).exists():
        raise ValidationError(_("This item is one occurrence of a repeating series. Cancel it instead: that "
                                "ends the series and keeps its record."), code="in_series")
    _remove(item, by)


# ---- memberships


@transaction.atomic
def membership_update(*, by, membership: Membership, **fields) -> Membership:
    """Correct a membership: role, position title, from, until. Setting "until" ends it. Who was a guest at the
    body's meetings (and at those of the body it is part of) is decided again for this member."""
    require_write(by, membership.body.area_id)
    if "title" in fields:
        fields["title"] = clean_text(fields["title"] or "")
    _apply(membership, fields, MEMBERSHIP_FIELDS)
    if membership.started_on and membership.ended_on and membership.ended_on < membership.started_on:
        raise ValidationError({"ended_on": _("The membership ends after it starts.")})
    validated_save(membership, by)
    guest_flags_refresh(by=by, attendances=attendances_touched_by(membership))
    return membership


@transaction.atomic
def membership_remove(*, by, membership: Membership) -> None:
    """Remove a membership recorded by mistake (to end a real one, set its "until" date). Attendance lines it
    made a member's become a guest's again if no other membership covers them."""
    require_write(by, membership.body.area_id)
    touched = list(attendances_touched_by(membership).values_list("pk", flat=True))
    _remove(membership, by)
    guest_flags_refresh(by=by, attendances=Attendance.objects.filter(pk__in=touched))


# ---- invitations


@transaction.atomic
def invitation_update(*, by, invitation: Invitation, **fields) -> Invitation:
    """Correct an invitation's answer (and the day it was sent)."""
    require_write(by, invitation.meeting.body.area_id)
    if "response" in fields and fields["response"] not in InvitationResponse.values:
        raise ValidationError({"response": _("Unknown answer.")})
    _apply(invitation, fields, INVITATION_FIELDS)
    return validated_save(invitation, by)


@transaction.atomic
def invitation_remove(*, by, invitation: Invitation) -> None:
    require_write(by, invitation.meeting.body.area_id)
    _remove(invitation, by)


# ---- attachments


@transaction.atomic
def attachment_remove(*, by, attachment: Attachment) -> None:
    """Remove a file kept with a meeting or a letter. The access log names who removed it; the stored file is
    deleted once the removal is committed."""
    owner = attachment.meeting or attachment.letter
    require_write(by, owner.body.area_id)
    log_access(by, AccessAction.DELETE, attachment, detail=f"{owner._meta.model_name} {owner.pk}")
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
