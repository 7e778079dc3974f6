"""Pages of reconciling: link a province's sources into funds, and the review queue of uncertain links."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.jobs.errors import JobError
from sanphalang.jobs.models import JobStatus
from sanphalang.jobs.services import JobAlreadyClaimed
from sanphalang.web.listing import ListPage

from ..errors import WelfareError
from ..forms.reconcile import MergeForm
from ..selectors import reconcile as selectors
from ..selectors.audits import province_choices
from ..selectors.registry import fund_get
from ..selectors.sources import province_has_sources, source_label, sources_province_for_change
from ..services import reconcile as services


@login_required
@require_POST
def reconcile(request):
    province = request.POST.get("province_code", "")
    sources_province_for_change(user=request.user, code=province)
    if not province_has_sources(province):
        messages.error(request, WelfareError.NO_SOURCES_TO_RECONCILE.message())
        return redirect("welfare:source_list")
    try:
        job = services.reconcile_start(by=request.user, province_code=province)
    except JobAlreadyClaimed:
        messages.info(request, JobError.ALREADY_RUNNING.message())
        return redirect("welfare:source_list")
    if job.status != JobStatus.DONE:
        return redirect(job)
    summary = job.result
    messages.success(
        request,
        _(
            "%(records)s records were linked into %(funds)s funds (%(created)s new); "
            "%(review)s links wait for review; %(duplicates)s rows repeat a fund within their "
            "source."
        )
        % summary,
    )
    return redirect(
        "welfare:review_queue" if summary["review"] or summary["duplicates"] else "welfare:fund_list"
    )


@login_required
@require_POST
def reconcile_all(request):
    """Every province the user may change, in one job: a national office's files reach many of them."""
    try:
        job = services.reconcile_all_start(by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("welfare:source_list")
    except JobAlreadyClaimed:
        messages.info(request, JobError.ALREADY_RUNNING.message())
        return redirect("welfare:source_list")
    return redirect(job)


REVIEW_DUPLICATES_SHOWN = 200


@login_required
def review_queue(request):
    provinces = province_choices(user=request.user)
    province = request.GET.get("province", "")
    if province not in {code for code, _name in provinces}:
        province = ""
    page = Paginator(
        selectors.review_queue(user=request.user, province=province or None), settings.LIST_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    records = list(page.object_list)
    duplicates = list(
        selectors.in_source_duplicates(user=request.user, province=province or None)[:REVIEW_DUPLICATES_SHOWN]
    )
    for record in (*records, *duplicates):
        record.source_label = source_label(record.source)
    return render(
        request,
        "welfare/review_queue.html",
        {
            "nav_active": "welfare",
            "records": records,
            "listing": ListPage(
                page=page,
                columns=[],
                sort="",
                descending=False,
                querystring=urlencode({"province": province} if province else {}),
                total=page.paginator.count,
            ),
            "provinces": provinces,
            "province": province,
            "duplicates": duplicates,
            "form": MergeForm(),
        },
    )


@login_required
@require_POST
def review_decide(request, pk: int):
    record = selectors.review_record_get(user=request.user, pk=pk)
    action = request.POST.get("action")
    note = request.POST.get("note", "")[:1000]
    try:
        if action == "confirm":
            services.link_confirm(by=request.user, record=record, note=note)
        elif action == "split":
            services.link_split(by=request.user, record=record, note=note)
        elif action == "merge":
            form = MergeForm(request.POST)
            if not form.is_valid():
                raise WelfareError.MERGE_NEEDS_FUND.error(None)
            fund = fund_get(user=request.user, pk=form.cleaned_data["fund"])
            services.link_merge(by=request.user, record=record, fund=fund, note=note)
        else:
            raise WelfareError.REVIEW_ACTION_UNKNOWN.error(None)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The link was decided."))
    return redirect("welfare:review_queue")
