"""The job pages: how far a job is (polled with HTMX), how it ended, and trying a failed one again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .errors import JobError
from .kinds import kind_of
from .selectors import job_get
from .services import JobAlreadyClaimed, job_retry


def _context(job):
    spec = kind_of(job.kind)
    return {"job": job, "kind": spec, "result_url": spec.result_url(job) if spec.result_url else ""}


@login_required
def detail(request, pk: int):
    job = job_get(user=request.user, pk=pk)
    return render(request, "jobs/job_detail.html", _context(job))


@login_required
def status(request, pk: int):
    """The progress bar while the job runs; once it is over, the page that shows its result is loaded."""
    job = job_get(user=request.user, pk=pk)
    context = _context(job)
    if job.finished and request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = request.GET.get("next") or context["result_url"] or job.get_absolute_url()
        return response
    return render(request, "jobs/job_status.html", context)


@login_required
@require_POST
def retry(request, pk: int):
    job = job_get(user=request.user, pk=pk)
    try:
        job_retry(by=request.user, job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except JobAlreadyClaimed:
        messages.info(request, JobError.ALREADY_RUNNING.message())
    return redirect(job)
