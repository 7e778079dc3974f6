"""Pages of letters to and from agencies: list with answers awaited, forms, detail with attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_add_records, require_can_add
from sanphalang.web.forms import carry_version, show_service_error
from sanphalang.web.listing import Column, paginate

from ..access import can_change_body
from ..forms.attachments import AttachmentForm
from ..forms.letters import LetterFilterForm, LetterForm
from ..models import Letter, LetterStatus
from ..selectors import letters as selectors
from ..selectors.action_items import action_item_get
from ..selectors.meetings import meeting_get
from ..services import letters as services
from ..services.attachments import attachment_add
from .editing import REMOVAL_QUESTIONS

LIST_COLUMNS = [
    Column("dated", gettext_lazy("Dated"), lambda letter: letter.dated_on, "dated_on"),
    Column(
        "direction", gettext_lazy("Direction"), lambda letter: letter.get_direction_display(), "direction"
    ),
    Column("number", gettext_lazy("Letter number"), lambda letter: letter.number, "number"),
    Column("subject", gettext_lazy("Subject"), lambda letter: letter.subject, "subject"),
    Column(
        "counterpart", gettext_lazy("To / from"), lambda letter: letter.counterpart, "counterpart__sort_key"
    ),
    Column("status", gettext_lazy("Status"), lambda letter: letter.get_status_display(), "status"),
    Column("answer_due", gettext_lazy("Answer due on"), lambda letter: letter.answer_due_on, "answer_due_on"),
]


@login_required
def letter_list(request):
    filters = LetterFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    letters = selectors.letter_list(
        user=request.user,
        direction=criteria.get("direction") or None,
        status=criteria.get("status") or None,
        awaiting_answer=bool(criteria.get("awaiting")),
    )
    listing = paginate(letters, LIST_COLUMNS, request, default_sort="-dated")
    return render(
        request,
        "meetings/letter_list.html",
        {
            "nav_active": "meetings",
            "filters": filters,
            "listing": listing,
            "rows": listing.page.object_list,
            "can_add": can_add_records(request.user),
        },
    )


def _render_letter(request, letter, *, attachment_form=None):
    can_edit = can_change_body(request.user, letter.body)
    if can_edit and attachment_form is None:
        attachment_form = AttachmentForm()
    return render(
        request,
        "meetings/letter_detail.html",
        {
            "nav_active": "meetings",
            "letter": letter,
            "late": letter.answer_late,
            "can_edit": can_edit,
            "attachment_form": attachment_form,
            "confirm": REMOVAL_QUESTIONS,
        },
    )


@login_required
def letter_detail(request, pk: int):
    return _render_letter(request, selectors.letter_get(user=request.user, pk=pk))


def _initial_links(request) -> dict:
    """A letter started from a meeting, an action item or a letter to answer comes with that link filled in."""
    initial = {}
    if request.GET.get("meeting"):
        meeting = meeting_get(user=request.user, pk=request.GET["meeting"])
        initial.update(meeting=meeting.pk, body=meeting.body_id)
    if request.GET.get("action_item"):
        item = action_item_get(user=request.user, pk=request.GET["action_item"])
        initial.update(action_item=item.pk, body=item.body_id, meeting=item.meeting_id)
    if request.GET.get("in_reply_to"):
        original = selectors.letter_get(user=request.user, pk=request.GET["in_reply_to"])
        initial.update(
            in_reply_to=original.pk,
            body=original.body_id,
            counterpart=original.counterpart_id,
            direction="in" if original.direction == "out" else "out",
            subject=original.subject,
        )
        initial["status"] = services.status_saved_as(initial["direction"], LetterStatus.DRAFT)
    return initial


@login_required
def letter_create(request):
    require_can_add(request.user)
    form = LetterForm(request.POST or None, user=request.user, initial=_initial_links(request))
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            letter = services.letter_create(by=request.user, body=fields.pop("body"), **fields)
        except ValidationError as error:
            show_service_error(form, error, Letter)
        else:
            messages.success(request, _("The letter was recorded."))
            return redirect("meetings:letter_detail", pk=letter.pk)
    return render(
        request,
        "meetings/form_page.html",
        {
            "nav_active": "meetings",
            "form": form,
            "title": _("Record a letter"),
            "cancel_url": reverse("meetings:letter_list"),
        },
    )


@login_required
def letter_update(request, pk: int):
    letter = selectors.letter_get_for_change(user=request.user, pk=pk)
    form = carry_version(LetterForm(request.POST or None, user=request.user, instance=letter), letter)
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_update(by=request.user, letter=letter, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Letter)
        else:
            messages.success(request, _("The letter was saved."))
            return redirect("meetings:letter_detail", pk=letter.pk)
    return render(
        request,
        "meetings/form_page.html",
        {
            "nav_active": "meetings",
            "form": form,
            "title": _("Edit letter %(letter)s") % {"letter": letter},
            "cancel_url": reverse("meetings:letter_detail", args=[letter.pk]),
        },
    )


@login_required
@require_POST
def letter_attachment_create(request, pk: int):
    letter = selectors.letter_get_for_change(user=request.user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment_add(by=request.user, letter=letter, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Letter)
        else:
            messages.success(request, _("The file was attached."))
            return redirect(reverse("meetings:letter_detail", args=[letter.pk]) + "#attachments")
    return _render_letter(request, letter, attachment_form=form)
