"""Attendance in bulk from the meeting's page: tick members on the roster, or paste a list of names, review how
each line matched the directory, and record them all at once (services/attendance.py)."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sanphalang.directory.views import records_added_message

from ..forms.attendance import PasteForm, ReviewForm, RosterForm
from ..selectors import meetings as selectors
from ..selectors.attendance import MAX_LINES, attendance_lines_match, attendance_roster
from ..services.attendance import AttendanceBatch, attendance_record_many, entry_errors
from .meetings import render_meeting

_LINE_FIELD = re.compile(r"^review-line_(\d+)$")


def _recorded_message(batch: AttendanceBatch) -> str:
    parts = [
        ngettext(
            "%(count)s attendance line was recorded.",
            "%(count)s attendance lines were recorded.",
            len(batch.recorded),
        )
        % {"count": len(batch.recorded)}
    ]
    if batch.already:
        parts.append(
            ngettext(
                "%(count)s was recorded already.", "%(count)s were recorded already.", len(batch.already)
            )
            % {"count": len(batch.already)}
        )
    if batch.created:
        parts.append(records_added_message(len(batch.created)))
    return " ".join(parts)


def _done(request, meeting, batch: AttendanceBatch):
    messages.success(request, _recorded_message(batch))
    return redirect(reverse("meetings:meeting_detail", args=[meeting.pk]) + "#attendance")


@login_required
@require_POST
def attendance_roster_record(request, pk: int):
    """Record the ticked members of the body and its working groups."""
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    form = RosterForm(request.POST, roster=attendance_roster(user=request.user, meeting=meeting))
    if form.is_valid():
        try:
            batch = attendance_record_many(by=request.user, meeting=meeting, entries=form.entries())
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return _done(request, meeting, batch)
    return render_meeting(request, meeting, roster_form=form)


def _review_page(request, meeting, form: ReviewForm, status: int = 200):
    return render(
        request,
        "meetings/attendance_review.html",
        {"nav_active": "meetings", "meeting": meeting, "form": form},
        status=status,
    )


@login_required
@require_POST
def attendance_paste(request, pk: int):
    """Match a pasted list to the directory and show each line's match to review."""
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    form = PasteForm(request.POST)
    if not form.is_valid():
        return render_meeting(request, meeting, paste_form=form)
    matches = attendance_lines_match(user=request.user, meeting=meeting, lines=form.cleaned_data["names"])
    review = ReviewForm(matches=matches, initial={"unnamed": form.cleaned_data.get("unnamed")})
    return _review_page(request, meeting, review)


def _posted_lines(data) -> list[str]:
    numbered = sorted(
        (int(found.group(1)), value)
        for key, value in data.items()
        if (found := _LINE_FIELD.match(key)) and value.strip()
    )
    return [value for _number, value in numbered][:MAX_LINES]


@login_required
@require_POST
def attendance_paste_confirm(request, pk: int):
    """Record every reviewed line at once; nothing is recorded if one line cannot be."""
    meeting = selectors.meeting_get_for_change(user=request.user, pk=pk)
    lines = _posted_lines(request.POST)
    if not lines:
        return redirect(reverse("meetings:meeting_detail", args=[meeting.pk]) + "#attendance")
    form = ReviewForm(
        request.POST, matches=attendance_lines_match(user=request.user, meeting=meeting, lines=lines)
    )
    if form.is_valid():
        numbered, unnamed = form.entries()
        try:
            batch = attendance_record_many(
                by=request.user, meeting=meeting, entries=[entry for _n, entry in numbered], unnamed=unnamed
            )
        except ValidationError as error:
            _errors_at_lines(form, error, [number for number, _entry in numbered])
        else:
            return _done(request, meeting, batch)
    return _review_page(request, meeting, form, status=400)


def _errors_at_lines(form: ReviewForm, error: ValidationError, line_numbers: list[int]) -> None:
    """The service names a refused entry by its place among the entries; the review shows it at its line."""
    for line, field, messages_ in entry_errors(error, line_numbers):
        if line is not None:
            form.add_error(f"choice_{line}", messages_)
        else:
            form.add_error(field if field == "unnamed" else None, messages_)
