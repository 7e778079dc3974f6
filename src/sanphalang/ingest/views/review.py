"""The page of one report: its text with each field's passage marked, and the review that accepts the corrected
draft into the records (services/review.py), or what was accepted from it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_write_area
from sanphalang.directory.models import Organisation, Person
from sanphalang.directory.views import records_added_message
from sanphalang.meetings.models import Meeting
from sanphalang.plans.models import ProgressEntry

from ..forms.review import DocumentReviewForm, held_on_of
from ..models import DocumentStatus
from ..selectors.documents import document_get, document_get_for_change, records_of_document
from ..selectors.review import draft_rows, passages, progress_areas, progress_targets, review_proposal
from ..services.review import Accepted, document_accept


def _review_form(request, document, data=None) -> DocumentReviewForm:
    return DocumentReviewForm(
        data,
        user=request.user,
        document=document,
        proposal=review_proposal(user=request.user, document=document),
        targets=progress_targets(user=request.user, document=document, on=held_on_of(document)),
        areas=progress_areas(document=document),
    )


def _page(request, document, form=None, status=200):
    if form is None and document.reviewable and can_write_area(request.user, document.area_id):
        form = _review_form(request, document)
    context = {
        "nav_active": "ingest",
        "document": document,
        "passages": passages(document) if document.text else [],
        "summary": draft_rows(document.draft or {}, everything=form is None),
        "form": form,
        "records": [
            (record._meta.verbose_name, record, isinstance(record, Person), _link_of(record))
            for record in (
                records_of_document(document) if document.status == DocumentStatus.ACCEPTED else []
            )
        ],
        "can_change": can_write_area(request.user, document.area_id),
    }
    return render(request, "ingest/document_detail.html", context, status=status)


def _link_of(record) -> str:
    """The page of a record accepted from a report (a person is named through person_shown instead)."""
    if isinstance(record, Meeting):
        return reverse("meetings:meeting_detail", args=[record.pk])
    if isinstance(record, Organisation):
        return reverse("directory:organisation_detail", args=[record.pk])
    if isinstance(record, ProgressEntry):
        return reverse("plans:indicator_progress", args=[record.indicator_id])
    return ""


@login_required
def document_detail(request, pk: int):
    return _page(request, document_get(user=request.user, pk=pk))


def _accepted_message(accepted: Accepted) -> str:
    parts = []
    if accepted.meeting:
        parts.append(gettext("The meeting was recorded, with its attendance and resolutions."))
    if accepted.created:
        parts.append(records_added_message(len(accepted.created)))
    if accepted.entries:
        parts.append(
            ngettext(
                "%(count)s progress entry waits for approval.",
                "%(count)s progress entries wait for approval.",
                len(accepted.entries),
            )
            % {"count": len(accepted.entries)}
        )
    return " ".join(parts)


@login_required
@require_POST
def document_accept_page(request, pk: int):
    document = document_get_for_change(user=request.user, pk=pk)
    form = _review_form(request, document, request.POST)
    if form.is_valid():
        try:
            accepted = document_accept(by=request.user, document=document, review=form.review())
        except ValidationError as error:
            form.show_refusal(error)
        else:
            messages.success(request, _accepted_message(accepted))
            return redirect(_link_of(accepted.meeting) if accepted.meeting else document)
    document.refresh_from_db()
    return _page(request, document, form=form, status=400)
