"""The boundary import pages (administrators only): upload a file, see what it holds and its errors, import it
in a job, and see or remove the outlines of each level. The work is in services/boundaries.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.areas.models import AreaLevel
from sanphalang.jobs.kinds import kind_of
from sanphalang.jobs.models import JobStatus
from sanphalang.jobs.services import JobAlreadyClaimed
from sanphalang.web.forms import apply_validation_error

from ..access import require_boundary_import
from ..errors import BoundaryError
from ..forms.boundaries import BoundaryConfirmForm, BoundaryRemoveForm, BoundaryUploadForm
from ..models import BoundaryUploadStatus
from ..selectors.boundaries import boundary_job_latest, boundary_levels, boundary_upload_get
from ..services.boundaries import (
    CHECK_JOB,
    IMPORT_JOB,
    boundaries_remove,
    boundary_check_start,
    boundary_import_start,
    boundary_upload_create,
)

NAV = "reports"


@login_required
def boundary_import(request):
    require_boundary_import(request.user)
    form = BoundaryUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            created = boundary_upload_create(
                by=request.user,
                filename=upload.name,
                data=upload.read(),
                code_field=form.cleaned_data["code_field"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("reports:boundary_upload", pk=created.pk)
    context = {"nav_active": NAV, "form": form}
    return render(request, "reports/boundaries/import.html", context, status=400 if form.errors else 200)


@login_required
def boundary_list(request):
    """How many areas of each level have an outline, and a way to remove a level's."""
    levels = boundary_levels(user=request.user)
    return render(request, "reports/boundaries/list.html", {"nav_active": NAV, "levels": levels})


def _upload_page(request, upload, *, job=None, check=None, form=None, status=200):
    context = {
        "nav_active": NAV,
        "upload": upload,
        "job": job,
        "kind": kind_of(job.kind) if job else None,
        "next": request.path,
        "check": check,
        "levels": _level_rows(check["levels"]) if check else [],
        "form": form,
    }
    return render(request, "reports/boundaries/upload.html", context, status=status)


def _level_rows(levels: dict) -> list[tuple[str, int]]:
    labels = dict(AreaLevel.choices)
    return [(labels.get(level, level), count) for level, count in levels.items()]


@login_required
def boundary_upload(request, pk: int):
    """The file's check while it runs, then what it holds and its errors, or how its import ended."""
    upload = boundary_upload_get(user=request.user, upload_pk=pk)
    if upload.status == BoundaryUploadStatus.IMPORTED:
        job = boundary_job_latest(user=request.user, upload=upload, kind=IMPORT_JOB)
        return _upload_page(request, upload, check=job.result if job else None)
    if upload.status == BoundaryUploadStatus.QUEUED:
        return _upload_page(
            request, upload, job=boundary_job_latest(user=request.user, upload=upload, kind=IMPORT_JOB)
        )
    job = boundary_job_latest(user=request.user, upload=upload, kind=CHECK_JOB) or boundary_check_start(
        by=request.user, upload=upload
    )
    if job.status != JobStatus.DONE:
        return _upload_page(request, upload, job=job)
    return _upload_page(request, upload, check=job.result, form=BoundaryConfirmForm())


@login_required
@require_POST
def boundary_confirm(request, pk: int):
    upload = boundary_upload_get(user=request.user, upload_pk=pk)
    form = BoundaryConfirmForm(request.POST)
    form.is_valid()
    skip_bad = form.cleaned_data.get("skip_bad", False)
    checked = boundary_job_latest(user=request.user, upload=upload, kind=CHECK_JOB)
    if upload.status == BoundaryUploadStatus.PENDING and checked and checked.status == JobStatus.DONE:
        if checked.result["problems"] and not skip_bad:
            messages.error(request, BoundaryError.NOTHING_IMPORTED.message())
            return _upload_page(request, upload, check=checked.result, form=form, status=400)
    try:
        job = boundary_import_start(by=request.user, upload=upload, skip_bad=skip_bad)
    except JobAlreadyClaimed:
        messages.info(request, BoundaryError.ALREADY_IMPORTING.message())
        return redirect("reports:boundary_upload", pk=upload.pk)
    if job.status == JobStatus.DONE:
        messages.success(request, _("%(count)s outlines were imported.") % {"count": job.result["written"]})
        return redirect("reports:boundary_upload", pk=upload.pk)
    return redirect(job)


@login_required
@require_POST
def boundary_remove(request):
    require_boundary_import(request.user)
    form = BoundaryRemoveForm(request.POST)
    if form.is_valid():
        removed = boundaries_remove(by=request.user, level=form.cleaned_data["level"])
        messages.success(request, _("%(count)s outlines were removed.") % {"count": removed})
    else:
        messages.error(request, _("Choose a level."))
    return redirect("reports:boundary_list")
