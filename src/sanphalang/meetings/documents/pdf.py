"""Printed minutes and agenda as PDF: an HTML print template laid out by WeasyPrint, Thai shaped by Pango."""

from django.template.loader import render_to_string

from ..models import Meeting
from .content import AGENDA, MINUTES, build_meeting_document
from .fonts import font_face_css

TEMPLATES = {MINUTES: "meetings/documents/minutes.html", AGENDA: "meetings/documents/agenda.html"}
# The official rule is 16 pt of TH Sarabun New, a font drawn about 1.4 times smaller than Google's Sarabun at the
# same point size; 12 pt of Sarabun sets the same line length and look (16 pt looked like large print).
BODY_SIZE = "12pt"
TITLE_SIZE = "14pt"


def render_meeting_pdf(meeting: Meeting, *, kind: str, thai_digits: bool, user) -> bytes:
    doc = build_meeting_document(meeting, kind=kind, thai_digits=thai_digits, user=user)
    html = render_to_string(
        TEMPLATES[kind],
        {
            "doc": doc,
            "show_issuer": doc.issuer not in doc.title,
            "body_size": BODY_SIZE,
            "title_size": TITLE_SIZE,
        },
    )
    return html_to_pdf(html)


def html_to_pdf(html: str) -> bytes:
    """A printed page laid out in the Thai fonts (the minutes, the quarterly report, the welfare roll-up)."""
    # WeasyPrint takes half a second to load (Pango, its fonts): only a process that prints pays for it, not
    # every command and worker that starts.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    fonts = CSS(string=font_face_css(), font_config=font_config)
    return HTML(string=html).write_pdf(stylesheets=[fonts], font_config=font_config)
