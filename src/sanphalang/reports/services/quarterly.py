"""Writes of the quarterly report to the governor (S2): open a report, edit its narrative, build a draft preview
and issue a numbered edition, both as jobs with progress. Issuing may close the quarter's "report to the
governor" action item through the meetings' own service, so a recurring item makes its next occurrence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from sanphalang.accounts.audit import validated_save
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.jobs.kinds import JobKind, register
from sanphalang.jobs.services import job_enqueue
from sanphalang.versions import expect_version

from ..access import require_report_write
from ..documents.docx import render_report_docx
from ..errors import ReportError
from ..models import QuarterlyEdition, QuarterlyReport
from ..selectors.quarterly import NOTE_FIELDS, governor_action_items, quarterly_content, report_groups

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.jobs.models import Job

BUILD_JOB = "reports.quarterly_build"
ISSUE_JOB = "reports.quarterly_issue"
CONTENT_STEPS = 5  # the parts quarterly_content reports progress for
RENDER_STEPS = 2  # the PDF, the Word file


@transaction.atomic
def quarterly_report_create(
    *, by: User, province_code: str, year_kind: str, year_be: int, quarter: int
) -> QuarterlyReport:
    require_report_write(by, province_code)
    province = Area.objects.filter(code=province_code, level=AreaLevel.PROVINCE).first()
    if province is None:
        raise ReportError.NOT_A_PROVINCE.error("province")
    if quarter not in (1, 2, 3, 4):
        raise ReportError.QUARTER_UNKNOWN.error("quarter")
    if not 2500 <= year_be <= 2700:
        raise ReportError.YEAR_UNKNOWN.error("year_be")
    report = QuarterlyReport(
        province=province, year_kind=year_kind, year_be=year_be, quarter=quarter, created_by=by
    )
    return validated_save(report, by)


def _clean_notes(by: User, report: QuarterlyReport, notes: dict) -> dict:
    known = {key for key, _name in report_groups(user=by, report=report)}
    cleaned = {}
    for key, parts in notes.items():
        if key not in known or not isinstance(parts, dict) or set(parts) - set(NOTE_FIELDS):
            raise ReportError.NOTE_UNKNOWN.error("group_notes")
        texts = {name: str(parts.get(name) or "").strip() for name in NOTE_FIELDS}
        if any(texts.values()):
            cleaned[key] = texts
    return cleaned


@transaction.atomic
def quarterly_report_update(
    *, by: User, report: QuarterlyReport, version: int | None = None, **fields
) -> QuarterlyReport:
    """Change the narrative: summary, problems, requests and the working groups' notes
    ({group key: {"work_done", "problems", "requests"}}; a group left out keeps its notes)."""
    require_report_write(by, report.province_id)
    expect_version(report, version)
    for name in ("summary", "problems", "requests"):
        if name in fields and fields[name] is not None:
            setattr(report, name, fields[name])
    if fields.get("group_notes") is not None:
        report.group_notes = {**(report.group_notes or {}), **_clean_notes(by, report, fields["group_notes"])}
        for key, parts in fields["group_notes"].items():
            if not any(str(value or "").strip() for value in parts.values()):
                report.group_notes.pop(key, None)
    return validated_save(report, by)


def quarterly_build_start(
    *, by: User, report: QuarterlyReport, run_now: bool = False, progress: Callable | None = None
) -> Job:
    """Build a draft preview from the records as they are now: a job, its files on the report's page."""
    require_report_write(by, report.province_id)
    return job_enqueue(
        by=by, kind=BUILD_JOB, params={"report": report.pk}, run_now=run_now, progress=progress
    )


def quarterly_issue_start(
    *,
    by: User,
    report: QuarterlyReport,
    action_item_id: int | None = None,
    done_on: dt.date | None = None,
    run_now: bool = False,
    progress: Callable | None = None,
) -> Job:
    """Issue the next numbered edition, built from the records as they are now and frozen; optionally close an
    open action item of the province's bodies (the quarter's report to the governor) on done_on (default: today)."""
    require_report_write(by, report.province_id)
    if (
        action_item_id is not None
        and not governor_action_items(user=by, report=report).filter(pk=action_item_id).exists()
    ):
        raise ReportError.ACTION_ITEM_OUTSIDE.error("action_item")
    params = {
        "report": report.pk,
        "action_item": action_item_id,
        "done_on": done_on.isoformat() if done_on else None,
    }
    return job_enqueue(by=by, kind=ISSUE_JOB, params=params, run_now=run_now, progress=progress)


def _build(job: Job, progress, *, issue: bool) -> QuarterlyEdition:
    report = QuarterlyReport.objects.select_related("province").get(pk=job.params["report"])
    user = job.user
    total = CONTENT_STEPS + RENDER_STEPS
    content = quarterly_content(user=user, report=report, progress=lambda done, _total: progress(done, total))
    now = timezone.now()
    number = None
    if issue:
        # Numbered under the report's row lock, so two issues at once cannot take the same number.
        list(QuarterlyReport.objects.select_for_update().filter(pk=report.pk).values_list("pk"))
        number = (report.editions.aggregate(last=Max("number"))["last"] or 0) + 1
    thai_digits = user.prefers_thai_digits
    issued_at = now if issue else None
    # WeasyPrint takes half a second to load: only what lays out a report pays for it, not every command's start
    from ..documents.pdf import render_report_pdf

    pdf = render_report_pdf(content, thai_digits=thai_digits, number=number, issued_at=issued_at)
    progress(CONTENT_STEPS + 1, total)
    docx = render_report_docx(content, thai_digits=thai_digits, number=number, issued_at=issued_at)
    progress(total, total)
    if not issue:
        report.editions.filter(number__isnull=True).delete()
    return QuarterlyEdition.objects.create(
        report=report,
        number=number,
        content=content,
        thai_digits=thai_digits,
        pdf=pdf,
        docx=docx,
        built_at=now,
        built_by=user,
        issued_at=issued_at,
    )


def _build_job(job: Job, progress) -> dict:
    edition = _build(job, progress, issue=False)
    return {"report": edition.report_id, "edition": None}


def _issue_job(job: Job, progress) -> dict:
    from sanphalang.meetings.models import ActionStatus
    from sanphalang.meetings.services.action_items import action_item_set_status

    edition = _build(job, progress, issue=True)
    result = {"report": edition.report_id, "edition": edition.number, "next_action_item": None}
    if job.params.get("action_item"):
        item = (
            governor_action_items(user=job.user, report=edition.report)
            .filter(pk=job.params["action_item"])
            .first()
        )
        if item is None:
            raise ReportError.ACTION_ITEM_OUTSIDE.error("action_item")
        done_on = dt.date.fromisoformat(job.params["done_on"]) if job.params.get("done_on") else None
        following = action_item_set_status(
            by=job.user, item=item, status=ActionStatus.DONE, done_on=done_on or timezone.localdate()
        )
        result["next_action_item"] = following.pk if following else None
    return result


def _report_page(job: Job) -> str:
    return reverse("reports:quarterly_detail", args=[job.params["report"]])


register(
    JobKind(BUILD_JOB, gettext_lazy("Building the quarterly report"), _build_job, result_url=_report_page)
)
register(
    JobKind(ISSUE_JOB, gettext_lazy("Issuing the quarterly report"), _issue_job, result_url=_report_page)
)
