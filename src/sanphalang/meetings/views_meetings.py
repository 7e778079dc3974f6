"""Pages of meetings: list, create and edit, and the detail page where a meeting is run from agenda to minutes."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.directory.views import show_service_error
from sanphalang.thai.dates import be_year
from sanphalang.web.listing import Column, paginate

from . import selectors, selectors_pages, services, services_pages
from .forms import (
    RECURRENCE_RULE,
    ActionItemForm,
    AgendaItemForm,
    AttachmentForm,
    AttendanceForm,
    InvitationForm,
    MeetingFilterForm,
    MeetingForm,
    MinutesForm,
    ResolutionForm,
)
from .models import ActionItem, Meeting
from .views import can_edit_body, mark_overdue

LIST_COLUMNS = [
    Column("date", gettext_lazy("Date"), lambda m: m.held_on, "held_on"),
    Column("number", gettext_lazy("Number"), lambda m: f"{m.number}/{m.year_be}", "number"),
    Column("body", gettext_lazy("Body"), lambda m: m.body, "body__sort_key"),
    Column("venue", gettext_lazy("Venue"), lambda m: m.venue),
    Column("chair", gettext_lazy("Chair"), lambda m: m.chair or ""),
    Column("participants", gettext_lazy("Participants"), lambda m: m.head_count or m.attendance_count),
]


def _can_add(user) -> bool:
    scope = scope_for(user)
    return user.can_write and bool(scope.national or scope.prefixes)


@login_required
def meeting_list(request):
    filters = MeetingFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    body = criteria.get("body")
    meetings = selectors.meeting_list(user=request.user, body=body.pk if body else None,
                                      year_be=criteria.get("year") or None)
    listing = paginate(meetings, LIST_COLUMNS, request, default_sort="-date")
    return render(request, "meetings/meeting_list.html", {
        "nav_active": "meetings", "filters": filters, "listing": listing, "can_add": _can_add(request.user)})


@login_required
def meeting_create(request):
    if not _can_add(request.user):
        require_write(request.user, None)
    initial = {}
    if request.GET.get("body"):
        body = selectors.body_get(user=request.user, pk=request.GET["body"])
        # The proposal is for this year; the service numbers by the year of the date actually entered.
        initial = {"body": body.pk, "number": services.next_meeting_number(body, be_year(timezone.localdate()))}
    form = MeetingForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            meeting = services.meeting_create(by=request.user, body=fields.pop("body"),
                                              held_on=fields.pop("held_on"), number=fields.pop("number"), **fields)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            messages.success(request, _("Meeting %(number)s/%(year)s was added.") % {
                "number": meeting.number, "year": meeting.year_be})
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/form_page.html", {
        "nav_active": "meetings", "form": form, "title": _("Add a meeting"),
        "cancel_url": reverse("meetings:meeting_list")})


@login_required
def meeting_update(request, pk: int):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    require_write(request.user, meeting.body.area_id)
    form = MeetingForm(request.POST or None, user=request.user, instance=meeting)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        if fields.get("number") is None:
            fields["number"] = meeting.number
        try:
            services.meeting_update(by=request.user, meeting=meeting, **fields)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/form_page.html", {
        "nav_active": "meetings", "form": form, "title": _("Edit %(meeting)s") % {"meeting": meeting},
        "cancel_url": reverse("meetings:meeting_detail", args=[meeting.pk])})


@login_required
def meeting_minutes(request, pk: int):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    require_write(request.user, meeting.body.area_id)
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes, "head_count": meeting.head_count})
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            messages.success(request, _("The minutes were saved."))
            return redirect(reverse("meetings:meeting_detail", args=[meeting.pk]) + "#minutes")
    return render(request, "meetings/form_page.html", {
        "nav_active": "meetings", "form": form, "title": _("Minutes of %(meeting)s") % {"meeting": meeting},
        "cancel_url": reverse("meetings:meeting_detail", args=[meeting.pk])})


def _render_meeting(request, meeting, *, failed_resolution=None, **bound_forms):
    """The meeting page; a form that failed comes back bound, with its errors, in place of the empty one."""
    can_edit = can_edit_body(request.user, meeting.body)
    user = request.user
    resolutions = []
    for resolution in meeting.resolutions.all():
        action_form = None
        if can_edit:
            if failed_resolution == resolution.pk and "action_form" in bound_forms:
                action_form = bound_forms["action_form"]
            else:
                action_form = ActionItemForm(user=user, prefix=f"action-{resolution.pk}")
        resolutions.append({"resolution": resolution, "action_form": action_form,
                            "action_items": mark_overdue(resolution.action_items.all())})
    context = {"nav_active": "meetings", "meeting": meeting, "can_edit": can_edit, "resolutions": resolutions,
               "recurrence_rule": RECURRENCE_RULE, "open_form": next(iter(bound_forms), "")}
    if can_edit:
        context.update(
            agenda_form=bound_forms.get("agenda_form") or AgendaItemForm(user=user, meeting=meeting),
            invitation_form=bound_forms.get("invitation_form") or InvitationForm(user=user),
            attendance_form=bound_forms.get("attendance_form") or AttendanceForm(user=user),
            resolution_form=bound_forms.get("resolution_form") or ResolutionForm(),
            attachment_form=bound_forms.get("attachment_form") or AttachmentForm(),
        )
    return render(request, "meetings/meeting_detail.html", context)


@login_required
def meeting_detail(request, pk: int):
    return _render_meeting(request, selectors.meeting_get(user=request.user, pk=pk))


def _meeting_for_writing(request, pk: int) -> Meeting:
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    require_write(request.user, meeting.body.area_id)
    return meeting


def _back_to(meeting, section: str):
    return redirect(reverse("meetings:meeting_detail", args=[meeting.pk]) + f"#{section}")


@login_required
@require_POST
def agenda_item_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    form = AgendaItemForm(request.POST, user=request.user, meeting=meeting)
    if form.is_valid():
        try:
            services.agenda_item_add(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            messages.success(request, _("The agenda item was added."))
            return _back_to(meeting, "agenda")
    return _render_meeting(request, meeting, agenda_form=form)


@login_required
@require_POST
def invitation_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    form = InvitationForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services_pages.invitation_add(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            messages.success(request, _("The invitation was recorded."))
            return _back_to(meeting, "invitations")
    return _render_meeting(request, meeting, invitation_form=form)


@login_required
@require_POST
def attendance_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    form = AttendanceForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            attendance = services.attendance_record(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            if attendance.is_guest:
                messages.info(request, _("%(who)s is not a member of the body and was recorded as a guest.")
                              % {"who": attendance})
            else:
                messages.success(request, _("The attendance was recorded."))
            return _back_to(meeting, "attendance")
    return _render_meeting(request, meeting, attendance_form=form)


@login_required
@require_POST
def resolution_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    form = ResolutionForm(request.POST)
    if form.is_valid():
        try:
            services.resolution_add(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            messages.success(request, _("The resolution was added."))
            return _back_to(meeting, "resolutions")
    return _render_meeting(request, meeting, resolution_form=form)


@login_required
@require_POST
def action_item_create(request, pk: int, resolution_pk: int):
    meeting = _meeting_for_writing(request, pk)
    resolution = next((r for r in meeting.resolutions.all() if r.pk == resolution_pk), None)
    if resolution is None:
        raise Http404
    form = ActionItemForm(request.POST, user=request.user, prefix=f"action-{resolution.pk}")
    if form.is_valid():
        try:
            services.action_item_create(by=request.user, resolution=resolution, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, ActionItem)
        else:
            messages.success(request, _("The action item was added."))
            return _back_to(meeting, f"resolution-{resolution.pk}")
    return _render_meeting(request, meeting, failed_resolution=resolution.pk, action_form=form)


@login_required
@require_POST
def meeting_attachment_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services_pages.attachment_add(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            messages.success(request, _("The file was attached."))
            return _back_to(meeting, "attachments")
    return _render_meeting(request, meeting, attachment_form=form)


@login_required
def attachment_download(request, pk: int):
    attachment = selectors_pages.attachment_get(user=request.user, pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(attachment.file.name))
