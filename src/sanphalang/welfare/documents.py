"""The roll-up of the funds' yearly figures printed as a PDF: the table a network brings to the governor's meeting."""

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from sanphalang.meetings.documents.fonts import font_face_css


def render_rollup_pdf(*, title: str, rows: list[dict], total: dict, year: int | None) -> bytes:
    """A4 landscape, Sarabun, BE dates; numbers in the digits the user prefers (the template filters read it)."""
    html = render_to_string(
        "welfare/documents/rollup.html",
        {"title": title, "rows": rows, "total": total, "year": year, "printed_on": timezone.localdate()},
    )
    font_config = FontConfiguration()
    fonts = CSS(string=font_face_css(), font_config=font_config)
    return HTML(string=html).write_pdf(stylesheets=[fonts], font_config=font_config)
