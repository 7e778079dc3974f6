"""Pages of meetings: list, create and edit, the minutes, and the detail page where a meeting is run from agenda
to minutes (its small forms post to views/meeting_records.py)."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_add_records, require_can_add
from sanphalang.directory.models import PositionRole
from sanphalang.thai.dates import be_year
from sanphalang.web.areas import area_label
from sanphalang.web.forms import carry_version, show_service_error
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from ..access import can_change_body
from ..forms.action_items import RECURRENCE_RULE, ActionItemForm
from ..forms.attachments import AttachmentForm
from ..forms.attendance import bulk_attendance_forms
from ..forms.meetings import (
    AgendaItemForm,
    AttendanceForm,
    InvitationForm,
    MeetingFilterForm,
    MeetingForm,
    MinutesForm,
    ResolutionForm,
)
from ..models import Meeting
from ..selectors import meetings as selectors
from ..selectors.bodies import body_get
from ..services import meetings as services
from ..services.attachments import attachment_add
from .editing import REMOVAL_QUESTIONS

LIST_COLUMNS = [
    Column("date", gettext_lazy("Date"), lambda m: m.held_on, "held_on"),
    Column("number", gettext_lazy("Number"), lambda m: f"{m.number}/{m.year_be}", "number"),
    Column("body", gettext_lazy("Body"), lambda m: m.body, "body__sort_key"),
    Column("venue", gettext_lazy("Venue"), lambda m: m.venue),
    Column("chair", gettext_lazy("Chair"), lambda m: m.chair, person_role=PositionRole.CHAIR),
    Column("participants", gettext_lazy("Participants"), lambda m: m.head_count or m.attendance_count),
]
EXPORT_COLUMNS = [
    Column("date", gettext_lazy("Date"), lambda m: m.held_on),
    Column("number", gettext_lazy("Number"), lambda m: f"{m.number}/{m.year_be}"),
    Column("body", gettext_lazy("Body"), lambda m: m.body.name_th),
    Column("area_code", gettext_lazy("Area code"), lambda m: m.body.area_id),
    Column("area", gettext_lazy("Area"), lambda m: area_label(m.body.area)),
    Column("title", pgettext_lazy("meeting title", "Title"), lambda m: m.title),
    Column("status", gettext_lazy("Status"), lambda m: m.get_status_display()),
    Column(
        "starts_at", gettext_lazy("Starts at"), lambda m: m.starts_at.strftime("%H:%M") if m.starts_at else ""
    ),
    Column("ends_at", gettext_lazy("Ends at"), lambda m: m.ends_at.strftime("%H:%M") if m.ends_at else ""),
    Column("venue", gettext_lazy("Venue"), lambda m: m.venue),
    Column("chair", gettext_lazy("Chair"), lambda m: m.chair, person_role=PositionRole.CHAIR),
    Column("chair_title", gettext_lazy("Chair's position"), lambda m: m.chair_title),
    Column("participants", gettext_lazy("Participants"), lambda m: m.head_count),
    Column("recorded", gettext_lazy("Attendance recorded by name"), lambda m: m.attendance_count),
]


@login_required
def meeting_list(request):
    filters = MeetingFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    body = criteria.get("body")
    meetings = selectors.meeting_list(
        user=request.user, body=body.pk if body else None, year_be=criteria.get("year") or None
    )
    fmt = export_format(request)
    if fmt:
        return export_rows(
            meetings.select_related("body__area__parent__parent").order_by("-held_on", "-number", "-pk"),
            EXPORT_COLUMNS,
            fmt=fmt,
            filename="meetings",
            user=request.user,
        )
    listing = paginate(meetings, LIST_COLUMNS, request, default_sort="-date")
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "nav_active": "meetings",
            "filters": filters,
            "listing": listing,
            "can_add": can_add_records(request.user),
        },
    )


@login_required
def meeting_create(request):
    require_can_add(request.user)
    initial = {}
    if request.GET.get("body"):
        body = body_get(user=request.user, pk=request.GET["body"])
        # The proposal is for this year; the service numbers by the year of the date actually entered.
        initial = {
            "body": body.pk,
            "number": services.next_meeting_number(body, be_year(timezone.localdate())),
        }
    form = MeetingForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            meeting = services.meeting_create(
                by=request.user,
                body=fields.pop("body"),
                held_on=fields.pop("held_on"),
                number=fields.pop("number"),
                **fields,
            )
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            messages.success(
                request,
                _("Meeting %(number)s/%(year)s was added.")
                % {"number": meeting.number, "year": meeting.year_be},
            )
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(
        request,
        "meetings/form_page.html",
        {
            "nav_active": "meetings",
            "form": form,
            "title": _("Add a meeting"),
            "cancel_url": reverse("meetings:meeting_list"),
        },
    )


@login_required
def meeting_update(request, pk: int):
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    form = carry_version(MeetingForm(request.POST or None, user=request.user, instance=meeting), meeting)
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
    return render(
        request,
        "meetings/form_page.html",
        {
            "nav_active": "meetings",
            "form": form,
            "title": _("Edit %(meeting)s") % {"meeting": meeting},
            "cancel_url": reverse("meetings:meeting_detail", args=[meeting.pk]),
        },
    )


@login_required
def meeting_minutes(request, pk: int):
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    form = carry_version(
        MinutesForm(
            request.POST or None, initial={"minutes": meeting.minutes, "head_count": meeting.head_count}
        ),
        meeting,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Meeting)
        else:
            messages.success(request, _("The minutes were saved."))
            return redirect(reverse("meetings:meeting_detail", args=[meeting.pk]) + "#minutes")
    return render(
        request,
        "meetings/form_page.html",
        {
            "nav_active": "meetings",
            "form": form,
            "title": _("Minutes of %(meeting)s") % {"meeting": meeting},
            "cancel_url": reverse("meetings:meeting_detail", args=[meeting.pk]),
        },
    )


def render_meeting(
    request: HttpRequest, meeting: Meeting, *, failed_resolution: int | None = None, **bound_forms: Form
) -> HttpResponse:
    """The meeting page; a form that failed comes back bound, with its errors, in place of the empty one."""
    can_edit = can_change_body(request.user, meeting.body)
    user = request.user
    resolutions = []
    for resolution in meeting.resolutions.all():
        action_form = None
        if can_edit:
            if failed_resolution == resolution.pk and "action_form" in bound_forms:
                action_form = bound_forms["action_form"]
            else:
                action_form = ActionItemForm(user=user, prefix=f"action-{resolution.pk}")
        resolutions.append(
            {
                "resolution": resolution,
                "action_form": action_form,
                "action_items": list(resolution.action_items.all()),
            }
        )
    context = {
        "nav_active": "meetings",
        "meeting": meeting,
        "can_edit": can_edit,
        "resolutions": resolutions,
        "recurrence_rule": RECURRENCE_RULE,
        "open_form": next(iter(bound_forms), ""),
        "confirm": REMOVAL_QUESTIONS,
    }
    if can_edit:
        context.update(
            agenda_form=bound_forms.get("agenda_form") or AgendaItemForm(user=user, meeting=meeting),
            invitation_form=bound_forms.get("invitation_form") or InvitationForm(user=user),
            attendance_form=bound_forms.get("attendance_form") or AttendanceForm(user=user),
            resolution_form=bound_forms.get("resolution_form") or ResolutionForm(),
            attachment_form=bound_forms.get("attachment_form") or AttachmentForm(),
            **bulk_attendance_forms(user=user, meeting=meeting, bound=bound_forms),
        )
    return render(request, "meetings/meeting_detail.html", context)


@login_required
def meeting_detail(request, pk: int):
    return render_meeting(request, selectors.meeting_get(user=request.user, pk=pk))


def _back_to(meeting: Meeting, section: str) -> HttpResponse:
    return redirect(reverse("meetings:meeting_detail", args=[meeting.pk]) + f"#{section}")


def add_to_meeting(
    request: HttpRequest,
    meeting: Meeting,
    form: Form,
    *,
    form_key: str,
    write: Callable[..., object],
    section: str,
    done_message: str | Callable[[object], str],
    render_extra: dict | None = None,
) -> HttpResponse:
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
    return render_meeting(request, meeting, **{form_key: form}, **(render_extra or {}))


@login_required
@require_POST
def meeting_attachment_create(request, pk: int):
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    return add_to_meeting(
        request,
        meeting,
        AttachmentForm(request.POST, request.FILES),
        form_key="attachment_form",
        write=lambda **fields: attachment_add(by=request.user, meeting=meeting, **fields),
        section="attachments",
        done_message=_("The file was attached."),
    )
