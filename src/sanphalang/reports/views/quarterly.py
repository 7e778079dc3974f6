"""The quarterly report's pages: the list and a new report, a report with its editions, its narrative, building a
draft and issuing an edition (jobs whose progress the job page shows), and the downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanphalang.areas.scoping import can_write_area
from sanphalang.errors import VersionConflict
from sanphalang.meetings.views.documents import DOCX, PDF, _download, _thai_digits
from sanphalang.web.forms import carry_version, show_service_error, show_version_conflict

from ..documents.content import file_names
from ..documents.docx import render_report_docx
from ..documents.pdf import render_report_pdf
from ..forms.quarterly import QuarterlyIssueForm, QuarterlyNarrativeForm, QuarterlyReportCreateForm
from ..models import QuarterlyReport
from ..selectors import quarterly as selectors
from ..services import quarterly as services


@login_required
def report_list(request):
    provinces = selectors.province_choices(user=request.user)
    form = QuarterlyReportCreateForm(request.POST or None, provinces=provinces)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.quarterly_report_create(
                by=request.user,
                province_code=form.cleaned_data["province"],
                year_kind=form.cleaned_data["year_kind"],
                year_be=form.cleaned_data["year_be"],
                quarter=form.cleaned_data["quarter"],
            )
        except ValidationError as error:
            show_service_error(form, error, QuarterlyReport)
        else:
            return redirect(report)
    reports = selectors.quarterly_report_list(user=request.user)
    return render(
        request,
        "reports/quarterly/report_list.html",
        {"reports": reports, "form": form, "can_create": bool(provinces) and request.user.can_write},
    )


@login_required
def report_detail(request, pk: int):
    report = selectors.quarterly_report_get(user=request.user, pk=pk)
    can_write = can_write_area(request.user, report.province_id)
    draft = report.editions.filter(number__isnull=True).defer("pdf", "docx").first() if can_write else None
    context = {
        "report": report,
        "editions": selectors.edition_list(user=request.user, report=report),
        "draft": draft,
        "can_write": can_write,
        "groups": _notes_shown(request.user, report),
    }
    if can_write:
        items = list(selectors.governor_action_items(user=request.user, report=report))
        context["issue_form"] = QuarterlyIssueForm(items=items)
    return render(request, "reports/quarterly/report_detail.html", context)


def _notes_shown(user, report):
    notes = report.group_notes or {}
    return [
        (name or _("The network's general work"), notes.get(key, {}))
        for key, name in selectors.report_groups(user=user, report=report)
        if any((notes.get(key) or {}).values())
    ]


@login_required
def report_edit(request, pk: int):
    report = selectors.quarterly_report_get_for_change(user=request.user, pk=pk)
    groups = selectors.report_groups(user=request.user, report=report)
    form = QuarterlyNarrativeForm(
        request.POST or None,
        initial=QuarterlyNarrativeForm.initial_of(report),
        groups=groups,
        general_name=_("The network's general work"),
    )
    carry_version(form, report)
    if request.method == "POST" and form.is_valid():
        try:
            services.quarterly_report_update(
                by=request.user,
                report=report,
                version=form.cleaned_data.get("version"),
                summary=form.cleaned_data["summary"],
                problems=form.cleaned_data["problems"],
                requests=form.cleaned_data["requests"],
                group_notes=form.notes(),
            )
        except VersionConflict as conflict:
            show_version_conflict(form, conflict)
        except ValidationError as error:
            show_service_error(form, error, QuarterlyReport)
        else:
            messages.success(request, _("The report's narrative has been saved."))
            return redirect(report)
    return render(request, "reports/quarterly/report_edit.html", {"report": report, "form": form})


@login_required
@require_POST
def report_build(request, pk: int):
    report = selectors.quarterly_report_get_for_change(user=request.user, pk=pk)
    job = services.quarterly_build_start(by=request.user, report=report)
    return redirect(job)


@login_required
@require_POST
def report_issue(request, pk: int):
    report = selectors.quarterly_report_get_for_change(user=request.user, pk=pk)
    items = list(selectors.governor_action_items(user=request.user, report=report))
    form = QuarterlyIssueForm(request.POST, items=items)
    if form.is_valid():
        try:
            job = services.quarterly_issue_start(
                by=request.user,
                report=report,
                action_item_id=form.cleaned_data["action_item"],
                done_on=form.cleaned_data["done_on"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect(job)
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(report)


@require_GET
@login_required
def report_download(request, pk: int, number: int | None = None, fmt: str = "pdf"):
    """An edition's file as built, or drawn again from its frozen content in the other set of digits."""
    if fmt not in ("pdf", "docx"):
        raise Http404
    report = selectors.quarterly_report_get(user=request.user, pk=pk)
    edition = selectors.edition_get(user=request.user, report=report, number=number)
    thai_digits = _thai_digits(request, edition.thai_digits)
    if thai_digits == edition.thai_digits:
        content = bytes(edition.pdf if fmt == "pdf" else edition.docx)
    else:
        render = render_report_pdf if fmt == "pdf" else render_report_docx
        content = render(
            edition.content, thai_digits=thai_digits, number=edition.number, issued_at=edition.issued_at
        )
    names = file_names(edition.content, fmt, edition.number)
    return _download(content, PDF if fmt == "pdf" else DOCX, names)
