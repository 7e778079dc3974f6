"""Pages of meetings: list, create and edit, and the detail page where a meeting is run from agenda to minutes."""

import os
from functools import partial

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
from sanphalang.thai.dates import be_year
from sanphalang.web.areas import area_label
from sanphalang.web.forms import show_service_error
from sanphalang.web.listing import Column, export_format, export_rows, paginate

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
from .models import Meeting
from .views import can_edit_body, mark_overdue
from .views_edits import REMOVAL_QUESTIONS

LIST_COLUMNS = [
    Column("date", gettext_lazy("Date"), lambda m: m.held_on, "held_on"),
    Column("number", gettext_lazy("Number"), lambda m: f"{m.number}/{m.year_be}", "number"),
    Column("body", gettext_lazy("Body"), lambda m: m.body, "body__sort_key"),
    Column("venue", gettext_lazy("Venue"), lambda m: m.venue),
    Column("chair", gettext_lazy("Chair"), lambda m: m.chair or ""),
    Column("participants", gettext_lazy("Participants"), lambda m: m.head_count or m.attendance_count),
]
EXPORT_COLUMNS = [
    Column("date", gettext_lazy("Date"), lambda m: m.held_on),
    Column("number", gettext_lazy("Number"), lambda m: f"{m.number}/{m.year_be}"),
    Column("body", gettext_lazy("Body"), lambda m: m.body.name_th),
    Column("area_code", gettext_lazy("Area code"), lambda m: m.body.area_id),
    Column("area", gettext_lazy("Area"), lambda m: area_label(m.body.area)),
    Column("title", gettext_lazy("Title"), lambda m: m.title),
    Column("status", gettext_lazy("Status"), lambda m: m.get_status_display()),
    Column("starts_at", gettext_lazy("Starts at"), lambda m: m.starts_at.strftime("%H:%M") if m.starts_at else ""),
    Column("ends_at", gettext_lazy("Ends at"), lambda m: m.ends_at.strftime("%H:%M") if m.ends_at else ""),
    Column("venue", gettext_lazy("Venue"), lambda m: m.venue),
    Column("chair", gettext_lazy("Chair"), lambda m: m.chair.name_with_title if m.chair else ""),
    Column("chair_title", gettext_lazy("Chair's position"), lambda m: m.chair_title),
    Column("participants", gettext_lazy("Participants"), lambda m: m.head_count),
    Column("recorded", gettext_lazy("Attendance recorded by name"), lambda m: m.attendance_count),
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
    fmt = export_format(request)
    if fmt:
        return export_rows(meetings.select_related("body__area__parent__parent").order_by("-held_on", "-number", "-pk"),
                           EXPORT_COLUMNS, fmt=fmt, filename="meetings")
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
               "recurrence_rule": RECURRENCE_RULE, "open_form": next(iter(bound_forms), ""),
               "confirm": REMOVAL_QUESTIONS}
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


def _add_to_meeting(request, meeting, form, *, form_key: str, write, section: str, done_message: str,
                    render_extra: dict | None = None):
    """The shared path of the small forms on a meeting's page: validate, call the service, come back to the
    section on success, or show the page again with this form bound and its errors in place."""
    if form.is_valid():
        try:
            created = write(**form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            message = done_message(created) if callable(done_message) else done_message
            messages.success(request, message)
            return _back_to(meeting, section)
    return _render_meeting(request, meeting, **{form_key: form}, **(render_extra or {}))


@login_required
@require_POST
def agenda_item_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    return _add_to_meeting(
        request, meeting, AgendaItemForm(request.POST, user=request.user, meeting=meeting), form_key="agenda_form",
        write=partial(services.agenda_item_add, by=request.user, meeting=meeting), section="agenda",
        done_message=_("The agenda item was added."))


@login_required
@require_POST
def invitation_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    return _add_to_meeting(
        request, meeting, InvitationForm(request.POST, user=request.user), form_key="invitation_form",
        write=partial(services_pages.invitation_add, by=request.user, meeting=meeting), section="invitations",
        done_message=_("The invitation was recorded."))


def _attendance_message(attendance) -> str:
    if attendance.is_guest:
        return _("%(who)s is not a member of the body and was recorded as a guest.") % {"who": attendance}
    return _("The attendance was recorded.")


@login_required
@require_POST
def attendance_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    return _add_to_meeting(
        request, meeting, AttendanceForm(request.POST, user=request.user), form_key="attendance_form",
        write=partial(services.attendance_record, by=request.user, meeting=meeting), section="attendance",
        done_message=_attendance_message)


@login_required
@require_POST
def resolution_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    return _add_to_meeting(
        request, meeting, ResolutionForm(request.POST), form_key="resolution_form",
        write=partial(services.resolution_add, by=request.user, meeting=meeting), section="resolutions",
        done_message=_("The resolution was added."))


@login_required
@require_POST
def action_item_create(request, pk: int, resolution_pk: int):
    meeting = _meeting_for_writing(request, pk)
    resolution = next((r for r in meeting.resolutions.all() if r.pk == resolution_pk), None)
    if resolution is None:
        raise Http404
    return _add_to_meeting(
        request, meeting, ActionItemForm(request.POST, user=request.user, prefix=f"action-{resolution.pk}"),
        form_key="action_form", write=partial(services.action_item_create, by=request.user, resolution=resolution),
        section=f"resolution-{resolution.pk}", done_message=_("The action item was added."),
        render_extra={"failed_resolution": resolution.pk})


@login_required
@require_POST
def meeting_attachment_create(request, pk: int):
    meeting = _meeting_for_writing(request, pk)
    return _add_to_meeting(
        request, meeting, AttachmentForm(request.POST, request.FILES), form_key="attachment_form",
        write=partial(services_pages.attachment_add, by=request.user, meeting=meeting), section="attachments",
        done_message=_("The file was attached."))


@login_required
def attachment_download(request, pk: int):
    attachment = selectors_pages.attachment_get(user=request.user, pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(attachment.file.name))
