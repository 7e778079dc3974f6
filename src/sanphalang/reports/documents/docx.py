"""The quarterly report as a Word file for the coordinators to edit, in the same words as the PDF, set up as the
minutes are (meetings/documents/docx.py: A4, official margins, the Sarabun font named for Thai)."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm

from sanphalang.meetings.documents.docx import _centred, _indented, _set_up

from .content import NOTHING, ReportDocument, Table, build_report_document


def _table(document, table: Table) -> None:
    grid = document.add_table(rows=1, cols=len(table.headings))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, table.headings, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in table.rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text
    if table.widths:
        for row in grid.rows:
            for cell, width in zip(row.cells, table.widths, strict=True):
                cell.width = Cm(16 * width / 100)


def _paragraphs(document, paragraphs: list[str]) -> None:
    for paragraph in paragraphs or [NOTHING]:
        _indented(document, paragraph)


def _write(document, doc: ReportDocument) -> None:
    slot = document.add_paragraph()
    slot.paragraph_format.space_after = Cm(1.5)
    document.add_paragraph(doc.title, style="Title")
    _centred(document, doc.period, bold=True)
    _centred(document, doc.span)
    _centred(document, doc.edition)
    summary, groups, targets, stages, welfare, care, problems = doc.sections
    document.add_heading(summary, level=1)
    for paragraph in doc.summary:
        _indented(document, paragraph)
    _table(document, doc.key_figures)
    document.add_page_break()
    document.add_heading(groups, level=1)
    for group in doc.groups:
        document.add_heading(group.heading, level=2)
        _indented(document, group.bodies, first_line=False, left=Cm(1))
        for part in group.parts:
            paragraph = _indented(document, "", first_line=False, left=Cm(1))
            paragraph.add_run(part.title).bold = True
            if part.table:
                _table(document, part.table)
            for text in part.paragraphs:
                _indented(document, text)
    for heading, table in (
        (targets, doc.targets),
        (stages, doc.stages),
        (welfare, doc.welfare),
        (care, doc.care),
    ):
        document.add_heading(heading, level=1)
        if table.rows:
            _table(document, table)
        else:
            _indented(document, NOTHING)
    document.add_heading(problems, level=1)
    document.add_heading("ปัญหาอุปสรรค", level=2)
    _paragraphs(document, doc.problems)
    document.add_heading("ข้อเสนอ", level=2)
    _paragraphs(document, doc.requests)


def render_report_docx(
    content: dict, *, thai_digits: bool, number: int | None = None, issued_at: dt.datetime | None = None
) -> bytes:
    doc = build_report_document(content, thai_digits=thai_digits, number=number, issued_at=issued_at)
    document = Document()
    _set_up(document)
    document.core_properties.title = doc.title
    document.core_properties.language = "th-TH"
    _write(document, doc)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
