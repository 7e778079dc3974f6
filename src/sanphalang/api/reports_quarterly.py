"""API routes of the quarterly report to the governor: list, read, open and edit (If-Match) a report, build a draft
and issue an edition (jobs), read an edition's frozen content and download its PDF or Word file."""

from django.http import HttpResponse
from ninja import Query, Router, Status

from sanphalang.meetings.views.documents import DOCX, PDF, _download
from sanphalang.reports.documents.content import file_names
from sanphalang.reports.selectors import quarterly as selectors
from sanphalang.reports.services import quarterly as services

from .pagination import PageQuery, page_of, paginate
from .schemas_reports_quarterly import (
    QuarterlyEditionContentOut,
    QuarterlyIssueIn,
    QuarterlyJobOut,
    QuarterlyReportCreateIn,
    QuarterlyReportDetailOut,
    QuarterlyReportOut,
    QuarterlyReportPatchIn,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["reports: quarterly report to the governor"])
ONE = "/reports/quarterly/{report_id}"


class QuarterlyListQuery(PageQuery):
    province: str | None = None


def _row(report) -> dict:
    period = report.period
    return {
        "id": report.pk,
        "province_id": report.province_id,
        "year_kind": report.year_kind,
        "year_be": report.year_be,
        "quarter": report.quarter,
        "starts_on": period.starts_on,
        "ends_on": period.ends_on,
        "summary": report.summary,
        "problems": report.problems,
        "requests": report.requests,
        "group_notes": report.group_notes,
        "version": report.version,
    }


def _detail(user, report) -> dict:
    return {
        **_row(report),
        "groups": [{"key": k, "name": n} for k, n in selectors.report_groups(user=user, report=report)],
        "editions": list(selectors.edition_list(user=user, report=report)),
    }


def _job(job) -> dict:
    return {
        "job": job.pk,
        "status": job.status,
        "done": job.done,
        "total": job.total,
        "failure": job.failure,
        "result": job.result,
    }


@router.get("/reports/quarterly", response=page_of(QuarterlyReportOut), operation_id="quarterly_report_list")
def quarterly_list(request, filters: Query[QuarterlyListQuery]):
    return paginate(
        selectors.quarterly_report_list(user=request.auth, province=filters.province), filters, item=_row
    )


@router.post(
    "/reports/quarterly", response={201: QuarterlyReportDetailOut}, operation_id="quarterly_report_create"
)
def quarterly_create(request, payload: QuarterlyReportCreateIn):
    report = services.quarterly_report_create(
        by=request.auth,
        province_code=payload.province,
        year_kind=payload.year_kind,
        year_be=payload.year_be,
        quarter=payload.quarter,
    )
    return Status(201, _detail(request.auth, report))


@router.get(ONE, response=QuarterlyReportDetailOut, operation_id="quarterly_report_get")
def quarterly_get(request, report_id: RecordId):
    return _detail(request.auth, selectors.quarterly_report_get(user=request.auth, pk=report_id))


@router.patch(
    ONE, response={200: QuarterlyReportDetailOut, **CONFLICT}, operation_id="quarterly_report_update"
)
def quarterly_update(request, report_id: RecordId, payload: QuarterlyReportPatchIn):
    report = selectors.quarterly_report_get_for_change(user=request.auth, pk=report_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    services.quarterly_report_update(by=request.auth, report=report, **fields)
    return _detail(request.auth, selectors.quarterly_report_get(user=request.auth, pk=report_id))


@router.post(f"{ONE}/build", response={202: QuarterlyJobOut}, operation_id="quarterly_report_build")
def quarterly_build(request, report_id: RecordId):
    """Build a draft preview from the records as they are now, in a job."""
    report = selectors.quarterly_report_get_for_change(user=request.auth, pk=report_id)
    return Status(202, _job(services.quarterly_build_start(by=request.auth, report=report)))


@router.post(f"{ONE}/issue", response={202: QuarterlyJobOut}, operation_id="quarterly_report_issue")
def quarterly_issue(request, report_id: RecordId, payload: QuarterlyIssueIn):
    """Issue the next numbered edition in a job; its content is frozen as the records are now."""
    report = selectors.quarterly_report_get_for_change(user=request.auth, pk=report_id)
    job = services.quarterly_issue_start(
        by=request.auth, report=report, action_item_id=payload.action_item, done_on=payload.done_on
    )
    return Status(202, _job(job))


@router.get(
    f"{ONE}/editions/{{number}}", response=QuarterlyEditionContentOut, operation_id="quarterly_edition_get"
)
def quarterly_edition(request, report_id: RecordId, number: RecordId):
    report = selectors.quarterly_report_get(user=request.auth, pk=report_id)
    return selectors.edition_get(user=request.auth, report=report, number=number)


def _file(request, report_id: int, number: int, fmt: str) -> HttpResponse:
    report = selectors.quarterly_report_get(user=request.auth, pk=report_id)
    edition = selectors.edition_get(user=request.auth, report=report, number=number)
    content = bytes(edition.pdf if fmt == "pdf" else edition.docx)
    return _download(content, PDF if fmt == "pdf" else DOCX, file_names(edition.content, fmt, edition.number))


@router.get(
    f"{ONE}/editions/{{number}}/pdf",
    response={200: None},
    operation_id="quarterly_edition_pdf",
    openapi_extra={"responses": {200: {"content": {PDF: {}}, "description": "The edition as issued"}}},
)
def quarterly_edition_pdf(request, report_id: RecordId, number: RecordId):
    return _file(request, report_id, number, "pdf")


@router.get(
    f"{ONE}/editions/{{number}}/docx",
    response={200: None},
    operation_id="quarterly_edition_docx",
    openapi_extra={"responses": {200: {"content": {DOCX: {}}, "description": "The edition as issued"}}},
)
def quarterly_edition_docx(request, report_id: RecordId, number: RecordId):
    return _file(request, report_id, number, "docx")
