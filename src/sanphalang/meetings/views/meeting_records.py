"""What is recorded at a meeting: agenda items, invitations, attendance lines and resolutions. Each is added from
the meeting's page, corrected on its own edit page, and removed (POST, confirmed in the browser)."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.web.forms import carry_version

from ..forms.meetings import (
    AgendaItemEditForm,
    AgendaItemForm,
    AttendanceForm,
    AttendanceRoleForm,
    InvitationAnswerForm,
    InvitationForm,
    ResolutionEditForm,
    ResolutionForm,
)
from ..models import AgendaItem, Attendance, Invitation, Resolution
from ..selectors import meetings as selectors
from ..services import meetings as services
from .editing import edit_page, initial_from, posted, remove_or_refuse, save_correction
from .meetings import add_to_meeting


def _section_of(record, section: str) -> str:
    """Where a record is shown: its section of the meeting's page."""
    return reverse("meetings:meeting_detail", args=[record.meeting_id]) + f"#{section}"


# ---- agenda items


@login_required
@require_POST
def agenda_item_create(request, pk: int):
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    return add_to_meeting(
        request,
        meeting,
        AgendaItemForm(request.POST, user=request.user, meeting=meeting),
        form_key="agenda_form",
        write=partial(services.agenda_item_add, by=request.user, meeting=meeting),
        section="agenda",
        done_message=_("The agenda item was added."),
    )


def _agenda_item_form(request, item: AgendaItem, data=None) -> AgendaItemEditForm:
    return carry_version(
        AgendaItemEditForm(
            data,
            user=request.user,
            meeting=item.meeting,
            initial=initial_from(item, services.AGENDA_ITEM_FIELDS),
        ),
        item,
    )


def _agenda_item_page(request, item: AgendaItem, form, refused=()):
    return edit_page(
        request,
        item,
        form,
        key="agenda_item",
        refused=refused,
        back=_section_of(item, "agenda"),
        title=_("Edit agenda item %(order)s") % {"order": item.order},
    )


@login_required
def agenda_item_update(request, pk: int):
    item = selectors.agenda_item_get_for_change(user=request.user, pk=pk)
    form = _agenda_item_form(request, item, posted(request))
    if save_correction(form, item, partial(services.agenda_item_update, by=request.user, item=item)):
        messages.success(request, _("The agenda item was saved."))
        return redirect(_section_of(item, "agenda"))
    return _agenda_item_page(request, item, form)


@login_required
@require_POST
def agenda_item_remove(request, pk: int):
    item = selectors.agenda_item_get_for_change(user=request.user, pk=pk)
    return remove_or_refuse(
        request,
        partial(services.agenda_item_remove, by=request.user, item=item),
        removed=_("The agenda item was removed."),
        back=_section_of(item, "agenda"),
        refused=lambda reasons: _agenda_item_page(
            request, item, _agenda_item_form(request, item), refused=reasons
        ),
    )


# ---- invitations


@login_required
@require_POST
def invitation_create(request, pk: int):
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    return add_to_meeting(
        request,
        meeting,
        InvitationForm(request.POST, user=request.user),
        form_key="invitation_form",
        write=partial(services.invitation_add, by=request.user, meeting=meeting),
        section="invitations",
        done_message=_("The invitation was recorded."),
    )


def _invitation_form(invitation: Invitation, data=None) -> InvitationAnswerForm:
    return carry_version(
        InvitationAnswerForm(data, initial=initial_from(invitation, services.INVITATION_FIELDS)), invitation
    )


def _invitation_page(request, invitation: Invitation, form, refused=()):
    return edit_page(
        request,
        invitation,
        form,
        key="invitation",
        refused=refused,
        back=_section_of(invitation, "invitations"),
        title=_("Edit the invitation of %(who)s") % {"who": invitation},
    )


@login_required
def invitation_update(request, pk: int):
    invitation = selectors.invitation_get_for_change(user=request.user, pk=pk)
    form = _invitation_form(invitation, posted(request))
    if save_correction(
        form, invitation, partial(services.invitation_update, by=request.user, invitation=invitation)
    ):
        messages.success(request, _("The invitation was saved."))
        return redirect(_section_of(invitation, "invitations"))
    return _invitation_page(request, invitation, form)


@login_required
@require_POST
def invitation_remove(request, pk: int):
    invitation = selectors.invitation_get_for_change(user=request.user, pk=pk)
    return remove_or_refuse(
        request,
        partial(services.invitation_remove, by=request.user, invitation=invitation),
        removed=_("The invitation was removed."),
        back=_section_of(invitation, "invitations"),
        refused=lambda reasons: _invitation_page(
            request, invitation, _invitation_form(invitation), refused=reasons
        ),
    )


# ---- attendance


@login_required
@require_POST
def attendance_create(request, pk: int):
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    return add_to_meeting(
        request,
        meeting,
        AttendanceForm(request.POST, user=request.user),
        form_key="attendance_form",
        write=partial(services.attendance_record, by=request.user, meeting=meeting),
        section="attendance",
        # A guest is marked in the list, not announced: most who come to a council's meeting are not members.
        done_message=_("The attendance was recorded."),
    )


def _attendance_form(line: Attendance, data=None) -> AttendanceRoleForm:
    return carry_version(AttendanceRoleForm(data, initial={"role": line.role}), line)


def _attendance_page(request, line: Attendance, form, refused=()):
    return edit_page(
        request,
        line,
        form,
        key="attendance",
        refused=refused,
        back=_section_of(line, "attendance"),
        title=_("Edit the attendance of %(who)s") % {"who": line},
    )


@login_required
def attendance_update(request, pk: int):
    line = selectors.attendance_get_for_change(user=request.user, pk=pk)
    form = _attendance_form(line, posted(request))
    if save_correction(form, line, partial(services.attendance_update, by=request.user, attendance=line)):
        messages.success(request, _("The attendance line was saved."))
        return redirect(_section_of(line, "attendance"))
    return _attendance_page(request, line, form)


@login_required
@require_POST
def attendance_remove(request, pk: int):
    line = selectors.attendance_get_for_change(user=request.user, pk=pk)
    return remove_or_refuse(
        request,
        partial(services.attendance_remove, by=request.user, attendance=line),
        removed=_("The attendance line was removed."),
        back=_section_of(line, "attendance"),
        refused=lambda reasons: _attendance_page(request, line, _attendance_form(line), refused=reasons),
    )


# ---- resolutions


@login_required
@require_POST
def resolution_create(request, pk: int):
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    return add_to_meeting(
        request,
        meeting,
        ResolutionForm(request.POST),
        form_key="resolution_form",
        write=partial(services.resolution_add, by=request.user, meeting=meeting),
        section="resolutions",
        done_message=_("The resolution was added."),
    )


def _resolution_form(resolution: Resolution, data=None) -> ResolutionEditForm:
    return carry_version(
        ResolutionEditForm(data, initial=initial_from(resolution, services.RESOLUTION_FIELDS)), resolution
    )


def _resolution_page(request, resolution: Resolution, form, refused=()):
    return edit_page(
        request,
        resolution,
        form,
        key="resolution",
        refused=refused,
        back=_section_of(resolution, "resolutions"),
        title=_("Edit resolution %(number)s") % {"number": resolution.number},
    )


@login_required
def resolution_update(request, pk: int):
    resolution = selectors.resolution_get_for_change(user=request.user, pk=pk)
    form = _resolution_form(resolution, posted(request))
    if save_correction(
        form, resolution, partial(services.resolution_update, by=request.user, resolution=resolution)
    ):
        messages.success(request, _("The resolution was saved."))
        return redirect(_section_of(resolution, "resolutions"))
    return _resolution_page(request, resolution, form)


@login_required
@require_POST
def resolution_remove(request, pk: int):
    resolution = selectors.resolution_get_for_change(user=request.user, pk=pk)
    return remove_or_refuse(
        request,
        partial(services.resolution_remove, by=request.user, resolution=resolution),
        removed=_("The resolution was removed."),
        back=_section_of(resolution, "resolutions"),
        refused=lambda reasons: _resolution_page(
            request, resolution, _resolution_form(resolution), refused=reasons
        ),
    )
