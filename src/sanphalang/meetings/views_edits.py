"""Correcting what was recorded: an edit page and a removal (POST, confirmed in the browser) for agenda items,
attendance lines, resolutions, action items, memberships and invitations, and the removal of attachments.

Each kind of record is described once (a Correction); the two views below serve them all. The services in
services_edits decide and write; a view reads the form, calls the service and comes back to where the record is
shown."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import require_write
from sanphalang.web.forms import show_service_error

from . import selectors_edits, selectors_pages, services_edits
from .forms import (
    ActionItemEditForm,
    AgendaItemEditForm,
    AttendanceRoleForm,
    InvitationAnswerForm,
    MembershipTermsForm,
    ResolutionEditForm,
)
from .models import ActionItem, AgendaItem, Attendance, Body, Invitation, Meeting, Membership, Resolution


def _initial(record, names) -> dict:
    return {name: getattr(record, name) for name in names}


def _meeting_section(section: str) -> Callable[[Any], str]:
    return lambda record: reverse("meetings:meeting_detail", args=[record.meeting_id]) + f"#{section}"


@dataclass(frozen=True)
class Correction:
    """How one kind of record is corrected from the pages."""

    key: str  # the URL names are meetings:<key>_update and meetings:<key>_remove
    get: Callable[..., Any]  # (user=, pk=) -> the record, or 404 outside the user's areas
    area: Callable[[Any], str]  # the area code of the body the record belongs to
    back: Callable[[Any], str]  # where the record is shown: after saving, on cancel
    remove: Callable[..., None]  # (by, record)
    removed: str
    confirm: str
    model: type | None = None
    title: Callable[[Any], str] | None = None
    where: Callable[[Any], Any] | None = None  # the meeting or the body it is part of, linked under the title
    form: Callable[..., Any] | None = None  # (request, record, data) -> form
    update: Callable[..., Any] | None = None  # (by, record, **cleaned_data)
    saved: str = ""
    gone: Callable[[Any], str] | None = None  # where to go once removed, if not back
    section: str = "meetings"  # the tab of the meetings pages it belongs to

    def remove_url(self, record) -> str:
        return reverse(f"meetings:{self.key}_remove", args=[record.pk])


def _edit_page(request, correction: Correction, record, form, *, refused=(), status: int = 200):
    where = correction.where(record)
    return render(request, "meetings/edit_page.html", {
        "meeting": where if isinstance(where, Meeting) else None, "body": where if isinstance(where, Body) else None,
        "nav_active": "actions" if correction.section == "actions" else "meetings", "section": correction.section,
        "form": form, "title": correction.title(record), "cancel_url": correction.back(record),
        "remove_url": correction.remove_url(record), "confirm": correction.confirm, "refused": refused,
    }, status=status)


def _edit_view(correction: Correction):
    @login_required
    def view(request, pk: int):
        record = correction.get(user=request.user, pk=pk)
        require_write(request.user, correction.area(record))
        form = correction.form(request, record, request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            try:
                correction.update(request.user, record, **form.cleaned_data)
            except ValidationError as error:
                show_service_error(form, error, correction.model)
                record.refresh_from_db()  # the page names the record as it is, not as it was asked to become
            else:
                messages.success(request, correction.saved)
                return redirect(correction.back(record))
        return _edit_page(request, correction, record, form, status=400 if form.errors else 200)

    return view


def _remove_view(correction: Correction):
    @login_required
    @require_POST
    def view(request, pk: int):
        record = correction.get(user=request.user, pk=pk)
        require_write(request.user, correction.area(record))
        back = (correction.gone or correction.back)(record)
        try:
            correction.remove(request.user, record)
        except ValidationError as error:
            if correction.form is None:
                for message in error.messages:
                    messages.error(request, message)
                return redirect(back)
            # Refused: the record's page again, saying why, with nothing changed.
            return _edit_page(request, correction, record, correction.form(request, record, None),
                              refused=error.messages, status=400)
        messages.success(request, correction.removed)
        return redirect(back)

    return view


AGENDA_ITEM = Correction(
    key="agenda_item", model=AgendaItem, get=selectors_edits.agenda_item_get,
    area=lambda item: item.meeting.body.area_id, back=_meeting_section("agenda"),
    title=lambda item: _("Edit agenda item %(order)s") % {"order": item.order}, where=lambda item: item.meeting,
    form=lambda request, item, data: AgendaItemEditForm(
        data, user=request.user, meeting=item.meeting,
        initial=_initial(item, services_edits.AGENDA_ITEM_FIELDS)),
    update=lambda by, item, **fields: services_edits.agenda_item_update(by=by, item=item, **fields),
    remove=lambda by, item: services_edits.agenda_item_remove(by=by, item=item),
    saved=gettext_lazy("The agenda item was saved."), removed=gettext_lazy("The agenda item was removed."),
    confirm=gettext_lazy("Remove this agenda item? The items after it move up one place."),
)

ATTENDANCE = Correction(
    key="attendance", model=Attendance, get=selectors_edits.attendance_get,
    area=lambda line: line.meeting.body.area_id, back=_meeting_section("attendance"),
    title=lambda line: _("Edit the attendance of %(who)s") % {"who": line}, where=lambda line: line.meeting,
    form=lambda request, line, data: AttendanceRoleForm(data, initial={"role": line.role}),
    update=lambda by, line, **fields: services_edits.attendance_update(by=by, attendance=line, **fields),
    remove=lambda by, line: services_edits.attendance_remove(by=by, attendance=line),
    saved=gettext_lazy("The attendance line was saved."),
    removed=gettext_lazy("The attendance line was removed."),
    confirm=gettext_lazy("Remove this attendance line?"),
)

RESOLUTION = Correction(
    key="resolution", model=Resolution, get=selectors_edits.resolution_get,
    area=lambda resolution: resolution.meeting.body.area_id, back=_meeting_section("resolutions"),
    title=lambda resolution: _("Edit resolution %(number)s") % {"number": resolution.number},
    where=lambda resolution: resolution.meeting,
    form=lambda request, resolution, data: ResolutionEditForm(
        data, initial=_initial(resolution, services_edits.RESOLUTION_FIELDS)),
    update=lambda by, resolution, **fields: services_edits.resolution_update(by=by, resolution=resolution,
                                                                             **fields),
    remove=lambda by, resolution: services_edits.resolution_remove(by=by, resolution=resolution),
    saved=gettext_lazy("The resolution was saved."), removed=gettext_lazy("The resolution was removed."),
    confirm=gettext_lazy("Remove this resolution?"),
)


def _action_item_gone(item) -> str:
    if item.meeting_id:
        return reverse("meetings:meeting_detail", args=[item.meeting_id]) + "#resolutions"
    return reverse("meetings:action_item_list")


ACTION_ITEM = Correction(
    key="action_item", model=ActionItem, section="actions", get=selectors_edits.action_item_get, area=lambda item: item.body.area_id,
    back=lambda item: reverse("meetings:action_item_detail", args=[item.pk]), gone=_action_item_gone,
    title=lambda item: _("Edit the action item"), where=lambda item: item.meeting or item.body,
    form=lambda request, item, data: ActionItemEditForm(
        data, user=request.user, initial=_initial(item, services_edits.ACTION_ITEM_FIELDS)),
    update=lambda by, item, **fields: services_edits.action_item_update(by=by, item=item, **fields),
    remove=lambda by, item: services_edits.action_item_remove(by=by, item=item),
    saved=gettext_lazy("The action item was saved."), removed=gettext_lazy("The action item was removed."),
    confirm=gettext_lazy("Remove this action item?"),
)

MEMBERSHIP = Correction(
    key="membership", model=Membership, section="bodies", get=selectors_edits.membership_get,
    area=lambda membership: membership.body.area_id,
    back=lambda membership: reverse("meetings:body_detail", args=[membership.body_id]) + "#members-heading",
    title=lambda membership: _("Edit the membership of %(who)s") % {"who": membership},
    where=lambda membership: membership.body,
    form=lambda request, membership, data: MembershipTermsForm(
        data, initial=_initial(membership, services_edits.MEMBERSHIP_FIELDS)),
    update=lambda by, membership, **fields: services_edits.membership_update(by=by, membership=membership,
                                                                             **fields),
    remove=lambda by, membership: services_edits.membership_remove(by=by, membership=membership),
    saved=gettext_lazy("The membership was saved."), removed=gettext_lazy("The membership was removed."),
    confirm=gettext_lazy("Remove this membership as recorded by mistake? To end a membership, set its end "
                         "date instead."),
)

INVITATION = Correction(
    key="invitation", model=Invitation, get=selectors_edits.invitation_get,
    area=lambda invitation: invitation.meeting.body.area_id, back=_meeting_section("invitations"),
    title=lambda invitation: _("Edit the invitation of %(who)s") % {"who": invitation},
    where=lambda invitation: invitation.meeting,
    form=lambda request, invitation, data: InvitationAnswerForm(
        data, initial=_initial(invitation, services_edits.INVITATION_FIELDS)),
    update=lambda by, invitation, **fields: services_edits.invitation_update(by=by, invitation=invitation,
                                                                             **fields),
    remove=lambda by, invitation: services_edits.invitation_remove(by=by, invitation=invitation),
    saved=gettext_lazy("The invitation was saved."), removed=gettext_lazy("The invitation was removed."),
    confirm=gettext_lazy("Remove this invitation?"),
)


def _attachment_back(attachment) -> str:
    if attachment.meeting_id:
        return reverse("meetings:meeting_detail", args=[attachment.meeting_id]) + "#attachments"
    return reverse("meetings:letter_detail", args=[attachment.letter_id])


ATTACHMENT = Correction(
    key="attachment", get=selectors_pages.attachment_get,
    area=lambda attachment: (attachment.meeting or attachment.letter).body.area_id, back=_attachment_back,
    remove=lambda by, attachment: services_edits.attachment_remove(by=by, attachment=attachment),
    removed=gettext_lazy("The file was removed."), confirm=gettext_lazy("Remove this file?"),
)

agenda_item_update = _edit_view(AGENDA_ITEM)
agenda_item_remove = _remove_view(AGENDA_ITEM)
attendance_update = _edit_view(ATTENDANCE)
attendance_remove = _remove_view(ATTENDANCE)
resolution_update = _edit_view(RESOLUTION)
resolution_remove = _remove_view(RESOLUTION)
action_item_update = _edit_view(ACTION_ITEM)
action_item_remove = _remove_view(ACTION_ITEM)
membership_update = _edit_view(MEMBERSHIP)
membership_remove = _remove_view(MEMBERSHIP)
invitation_update = _edit_view(INVITATION)
invitation_remove = _remove_view(INVITATION)
attachment_remove = _remove_view(ATTACHMENT)

# The confirmation questions, for the remove buttons on the meeting, body and letter pages.
REMOVAL_QUESTIONS = {correction.key: correction.confirm for correction in (
    AGENDA_ITEM, ATTENDANCE, RESOLUTION, ACTION_ITEM, MEMBERSHIP, INVITATION, ATTACHMENT)}
