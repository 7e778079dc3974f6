"""The quarterly report as PDF: an HTML print template laid out by WeasyPrint, Thai shaped by Pango, the charts
drawn as SVG by vl-convert in Sarabun and embedded in the page."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from sanphalang.meetings.documents.pdf import BODY_SIZE, TITLE_SIZE, html_to_pdf

from ..charts import render_svg, series_chart
from .content import ReportDocument, build_report_document

TEMPLATE = "reports/quarterly/document/report.html"


def chart_svgs(doc: ReportDocument) -> list[str]:
    svgs = []
    for chart in doc.charts:
        spec = series_chart(
            title=chart["title"], unit=chart["unit"], labels=chart["labels"], values=chart["values"]
        )
        svgs.append(mark_safe(render_svg(spec, thai_digits=doc.thai_digits)))  # noqa: S308 (our own drawing)
    return svgs


def render_report_html(doc: ReportDocument) -> str:
    return render_to_string(
        TEMPLATE, {"doc": doc, "charts": chart_svgs(doc), "body_size": BODY_SIZE, "title_size": TITLE_SIZE}
    )


def render_report_pdf(
    content: dict, *, thai_digits: bool, number: int | None = None, issued_at: dt.datetime | None = None
) -> bytes:
    doc = build_report_document(content, thai_digits=thai_digits, number=number, issued_at=issued_at)
    return html_to_pdf(render_report_html(doc))
