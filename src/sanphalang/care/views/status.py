"""Pages of legal status cases (S8): the list with the days at the current step (the most stuck first), where the
cases are stuck, a case's page with its steps and documents, the forms that record them, and the document download
(checked and written to the access log; never a public media address)."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.accounts.audit import log_reads
from sanphalang.plans.views.pages import saved
from sanphalang.web.forms import carry_version
from sanphalang.web.listing import Column, paginate

from ..access import allowed, require_care_write, sees_people
from ..forms.status import StatusCaseForm, StatusDocumentForm, StatusFilterForm, StatusStepForm
from ..models import LegalStatusCase, LegalStatusDocument, LegalStatusEvent
from ..selectors import status as selectors
from ..selectors.shown import member_shown
from ..services import status as services
from .pages import form_page

LIST_COLUMNS = [
    Column("person", gettext_lazy("Person"), lambda c: c.pk),
    Column(
        "status_sought",
        gettext_lazy("Status sought"),
        lambda c: c.get_status_sought_display(),
        "status_sought",
    ),
    Column("step", gettext_lazy("Current step"), lambda c: c.get_step_display(), "step"),
    Column("step_since", gettext_lazy("Days at this step"), lambda c: c.at_step.days, "step_since"),
    Column("agency", gettext_lazy("Agency it waits on"), lambda c: c.agency or "", "agency__sort_key"),
]


@login_required
def status_case_list(request):
    filters = StatusFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    agency = criteria.get("agency")
    cases = selectors.status_case_list(
        user=request.user, step=criteria.get("step") or None, agency_id=agency.pk if agency else None
    )
    listing = paginate(cases, LIST_COLUMNS, request, default_sort="step_since")
    shown = [(case, member_shown(user=request.user, member=case.member)) for case in listing.page]
    log_reads(request.user, [case for case, _member in shown])
    return render(
        request,
        "care/status/status_case_list.html",
        {"nav_active": "care", "filters": filters, "listing": listing, "rows": shown},
    )


@login_required
def status_stuck(request):
    return render(
        request,
        "care/status/status_stuck.html",
        {
            "nav_active": "care",
            "rows": selectors.status_stuck(user=request.user),
            "sees_people": sees_people(request.user),
        },
    )


@login_required
def status_case_create(request, member_pk: int):
    member = selectors.member_for_status(user=request.user, pk=member_pk)
    form = StatusCaseForm(request.POST or None, user=request.user)
    case = saved(
        request,
        form,
        LegalStatusCase,
        lambda data: services.status_case_open(by=request.user, member=member, **data),
    )
    if case is not None:
        messages.success(request, _("The legal status case was opened."))
        return redirect("care:status_case_detail", pk=case.pk)
    return form_page(
        request, form, title=_("Open a legal status case"), cancel_url=reverse("care:status_case_list")
    )


def _render_case(request, case, *, step_form=None, document_form=None, status=200):
    can_edit = allowed(require_care_write, request.user, case.area_id)
    return render(
        request,
        "care/status/status_case_detail.html",
        {
            "nav_active": "care",
            "case": case,
            "member": member_shown(user=request.user, member=case.member),
            "can_edit": can_edit and not case.is_final,
            "can_change": can_edit,
            "step_form": (step_form or StatusStepForm()) if can_edit else None,
            "document_form": (document_form or StatusDocumentForm()) if can_edit else None,
            "remove_question": gettext_lazy("Remove this document?"),
        },
        status=status,
    )


@login_required
def status_case_detail(request, pk: int):
    return _render_case(request, selectors.status_case_get(user=request.user, pk=pk))


@login_required
def status_case_update(request, pk: int):
    case = selectors.status_case_get_for_change(user=request.user, pk=pk)
    form = carry_version(StatusCaseForm(request.POST or None, user=request.user, instance=case), case)
    if saved(
        request,
        form,
        LegalStatusCase,
        lambda data: services.status_case_update(by=request.user, case=case, **data),
    ):
        messages.success(request, _("The legal status case was saved."))
        return redirect("care:status_case_detail", pk=case.pk)
    return form_page(
        request, form, title=str(case), cancel_url=reverse("care:status_case_detail", args=[case.pk])
    )


@login_required
@require_POST
def status_step_create(request, pk: int):
    case = selectors.status_case_get_for_change(user=request.user, pk=pk)
    form = StatusStepForm(request.POST)
    if saved(
        request,
        form,
        LegalStatusEvent,
        lambda data: services.status_step_record(by=request.user, case=case, **data),
    ):
        messages.success(request, _("The step was recorded."))
        return redirect(reverse("care:status_case_detail", args=[case.pk]) + "#steps")
    return _render_case(request, case, step_form=form, status=400)


@login_required
@require_POST
def status_document_create(request, pk: int):
    case = selectors.status_case_get_for_change(user=request.user, pk=pk)
    form = StatusDocumentForm(request.POST, request.FILES)
    if saved(
        request,
        form,
        LegalStatusDocument,
        lambda data: services.status_document_add(by=request.user, case=case, **data),
    ):
        messages.success(request, _("The document was kept with the case."))
        return redirect(reverse("care:status_case_detail", args=[case.pk]) + "#documents")
    return _render_case(request, case, document_form=form, status=400)


@login_required
def status_document_download(request, pk: int):
    document = selectors.status_document_get(user=request.user, pk=pk)
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(document.file.name))


@login_required
@require_POST
def status_document_remove(request, pk: int):
    document = selectors.status_document_get_for_change(user=request.user, pk=pk)
    services.status_document_remove(by=request.user, document=document)
    messages.success(request, _("The document was removed."))
    return redirect(reverse("care:status_case_detail", args=[document.case_id]) + "#documents")
