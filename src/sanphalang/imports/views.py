"""The import pages: upload a file, preview its rows and errors, confirm. The work is in services.py, run as jobs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import require_writer
from sanphalang.errors import Access
from sanphalang.jobs.kinds import kind_of
from sanphalang.jobs.models import JobStatus
from sanphalang.jobs.selectors import job_get, job_latest
from sanphalang.jobs.services import JobAlreadyClaimed
from sanphalang.plans.selectors.plans import import_plan_choices, import_plan_of
from sanphalang.web.forms import apply_validation_error

from .errors import ImportsError
from .forms import ConfirmForm, UploadForm
from .importers import IMPORTERS
from .models import ImportBatch, ImportStatus
from .selectors import import_batch_get_for_change
from .services import (
    CONFIRM_JOB,
    PREVIEW_JOB,
    import_batch_confirm_start,
    import_batch_create,
    import_batch_preview_start,
    result_from_json,
)
from .tabular import CSV_CONTENT_TYPE, TABLE_FORMATS, XLSX_CONTENT_TYPE, write_table


@login_required
def index(request):
    require_writer(request.user, Access.READ_ONLY_ROLE_IMPORT)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "entity": request.GET.get("entity", "organisations"),
            "meeting": request.GET.get("meeting"),
            "plan": request.GET.get("plan"),
        },
        plans=import_plan_choices(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = import_batch_create(
                by=request.user,
                entity=form.cleaned_data["entity"],
                filename=upload.name,
                data=upload.read(),
                meeting_id=form.cleaned_data.get("meeting"),
                plan_id=form.cleaned_data.get("plan"),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("imports:preview", pk=batch.pk)
    context = {
        "nav_active": "imports",
        "form": form,
        "importers": IMPORTERS.values(),
        "formats": TABLE_FORMATS,
        "recent": ImportBatch.objects.filter(user=request.user).defer("data")[:10],
    }
    return render(request, "imports/index.html", context, status=400 if form.errors else 200)


def _preview_page(request, batch, result, form, status=200, job=None):
    context = {
        "nav_active": "imports",
        "batch": batch,
        "result": result,
        "form": form,
        "importer": IMPORTERS[batch.entity],
        "plan": import_plan_of(user=request.user, batch=batch),
        "job": job,
        "kind": kind_of(job.kind) if job else None,
        "next": request.path,
    }
    return render(request, "imports/preview.html", context, status=status)


def _latest_job(request, batch, kind: str):
    job = job_latest(user=request.user, kind=kind, batch=batch.pk)
    return job_get(user=request.user, pk=job.pk) if job else None


@login_required
def preview(request, pk: int):
    """The rows of the file checked by its preview job: its progress while it runs, then its result."""
    batch = import_batch_get_for_change(user=request.user, pk=pk)
    if batch.status == ImportStatus.IMPORTED:
        return _preview_page(request, batch, None, None)
    if batch.status == ImportStatus.QUEUED:
        return _preview_page(request, batch, None, None, job=_latest_job(request, batch, CONFIRM_JOB))
    job = _latest_job(request, batch, PREVIEW_JOB) or import_batch_preview_start(by=request.user, batch=batch)
    if job.status != JobStatus.DONE:
        return _preview_page(request, batch, None, None, job=job)
    return _preview_page(request, batch, result_from_json(job.result), ConfirmForm())


@login_required
@require_POST
def confirm(request, pk: int):
    """Start the import's job; a file whose preview found bad rows is imported only if they are to be skipped."""
    batch = import_batch_get_for_change(user=request.user, pk=pk)
    form = ConfirmForm(request.POST)
    form.is_valid()
    skip_bad_rows = form.cleaned_data.get("skip_bad_rows", False)
    checked = _latest_job(request, batch, PREVIEW_JOB)
    if (
        batch.status == ImportStatus.PENDING
        and checked
        and checked.status == JobStatus.DONE
        and not skip_bad_rows
    ):
        result = result_from_json(checked.result)
        if result.errors:
            messages.error(request, ImportsError.NOTHING_IMPORTED.message())
            return _preview_page(request, batch, result, form, status=400)
    try:
        job = import_batch_confirm_start(by=request.user, batch=batch, skip_bad_rows=skip_bad_rows)
    except JobAlreadyClaimed:
        messages.info(request, ImportsError.ALREADY_IMPORTING.message())
        return redirect("imports:preview", pk=batch.pk)
    if job.status == JobStatus.DONE:
        created = job.result["created"]
        messages.success(
            request,
            ngettext("%(count)s record was imported.", "%(count)s records were imported.", created)
            % {"count": created},
        )
        return redirect("imports:preview", pk=batch.pk)
    return redirect(job)


@login_required
def template_file(request, entity: str, fmt: str):
    """An empty file with the Thai headings the importer reads, to fill in."""
    importer = IMPORTERS.get(entity)
    if importer is None or fmt not in TABLE_FORMATS:
        raise Http404
    headings = [column.th for column in importer.columns if column.in_template]
    content_type = CSV_CONTENT_TYPE if fmt == "csv" else XLSX_CONTENT_TYPE
    response = HttpResponse(write_table(headings, [], fmt=fmt, sheet_title=entity), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="sanphalang-{entity}.{fmt}"'
    return response
