"""The minutes and agenda as a Word file for the secretariat to edit, in the same words as the PDF."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..models import Meeting
from .content import AGENDA, MeetingDocument, OrganisationGroup, build_meeting_document

# The font Thai government offices have on their computers and the size the official-document rules set for it.
FONT_NAME = "TH Sarabun New"
BODY_SIZE = Pt(16)
TITLE_SIZE = Pt(20)
FIRST_LINE_INDENT = Cm(2.5)


def _set_run_font(rpr, *, size: Pt, bold: bool | None = None) -> None:
    """Name the font for every script, complex script (w:cs) included: Word sets Thai in the cs font and size."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT_NAME)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    rpr.get_or_add_sz().val = size
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        rpr.sz.addnext(size_cs)
    size_cs.set(qn("w:val"), str(int(size.pt * 2)))
    if bold is not None:
        rpr.get_or_add_b().val = bold
        rpr.get_or_add_bCs().val = bold
    color = rpr.get_or_add_color()
    color.val = RGBColor(0, 0, 0)
    for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
        color.attrib.pop(qn(attribute), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "th-TH")
    lang.set(qn("w:bidi"), "th-TH")


def _set_up(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.right_margin = Cm(2.5), Cm(2)
    section.bottom_margin, section.left_margin = Cm(2), Cm(3)
    styles = document.styles
    _set_run_font(styles["Normal"].element.get_or_add_rPr(), size=BODY_SIZE)
    normal = styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(0), 1.0
    for name, size in (("Title", TITLE_SIZE), ("Heading 1", BODY_SIZE), ("Heading 2", BODY_SIZE)):
        style = styles[name]
        _set_run_font(style.element.get_or_add_rPr(), size=size, bold=True)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(8) if name != "Title" else Pt(0)
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.keep_with_next = True
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # The Title style of the default template draws a rule under the title; an official record has none.
    borders = (
        styles["Title"].element.pPr.find(qn("w:pBdr")) if styles["Title"].element.pPr is not None else None
    )
    if borders is not None:
        borders.getparent().remove(borders)
    _set_run_font(styles["Table Grid"].element.get_or_add_rPr(), size=BODY_SIZE)


def _centred(document, text: str, *, space_before=None, bold: bool = False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if space_before is not None:
        paragraph.paragraph_format.space_before = space_before
    run = paragraph.add_run(text)
    run.bold = bold
    return paragraph


def _indented(document, text: str, *, first_line: bool = True, left=None):
    paragraph = document.add_paragraph(text)
    if first_line:
        paragraph.paragraph_format.first_line_indent = FIRST_LINE_INDENT
    if left is not None:
        paragraph.paragraph_format.left_indent = left
    return paragraph


def _letterhead(document, doc: MeetingDocument) -> None:
    # Space for the emblem or logo the office prints; the emblem itself is never drawn here.
    slot = document.add_paragraph()
    slot.paragraph_format.space_after = Cm(2)
    if doc.issuer not in doc.title:
        _centred(document, doc.issuer, bold=True)
    document.add_paragraph(doc.heading, style="Title")
    _centred(document, f"{doc.date} {doc.time}".strip())
    if doc.venue:
        _centred(document, doc.venue)
    if doc.cancelled:
        _centred(document, "ยกเลิกการประชุม", bold=True)


def _attendance_table(document, heading: str, groups: list[OrganisationGroup]) -> None:
    document.add_heading(heading, level=1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(
        table.rows[0].cells, ("หน่วยงาน / องค์กร", "ชื่อ – สกุล", "ตำแหน่ง / บทบาท"), strict=True
    ):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for group in groups:
        for person in group.people or [None]:
            cells = table.add_row().cells
            cells[0].text = group.name
            cells[1].text = person.name if person else ""
            cells[2].text = person.role if person else ""


def _minutes(document, doc: MeetingDocument) -> None:
    if doc.chair:
        document.add_heading("ประธานในที่ประชุม", level=1)
        _indented(document, f"{doc.chair.name} {doc.chair.role}".strip(), first_line=False, left=Cm(1))
    if doc.members:
        _attendance_table(document, "ผู้มาประชุม", doc.members)
    if doc.guests:
        _attendance_table(document, "ผู้เข้าร่วมประชุม", doc.guests)
    if doc.head_count:
        _indented(document, doc.head_count, first_line=False, left=Cm(1))
    if doc.opened_at:
        document.add_heading(doc.opened_at, level=1)
    _agenda_items(document, doc, with_reports=True)
    if doc.minutes:
        document.add_heading("สรุปการประชุม", level=1)
        for paragraph in doc.minutes:
            _indented(document, paragraph)
    if doc.resolutions:
        document.add_heading("มติที่ประชุม", level=1)
        for resolution in doc.resolutions:
            paragraph = _indented(document, "", first_line=False, left=Cm(1))
            paragraph.add_run(resolution.heading + " ").bold = True
            paragraph.add_run(resolution.text)
        _actions_table(document, doc)
    if doc.closed_at:
        document.add_heading(doc.closed_at, level=1)
    for signatory in doc.signatories:
        block = [
            f"(ลงชื่อ) ........................................ {signatory.duty}",
            f"({signatory.name or '........................................'})",
        ]
        if signatory.title:
            block.append(signatory.title)
        for index, line in enumerate(block):
            paragraph = document.add_paragraph(line)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.left_indent = Cm(7)
            paragraph.paragraph_format.keep_with_next = index < len(block) - 1
            if index == 0:
                paragraph.paragraph_format.space_before = Pt(24)


def _actions_table(document, doc: MeetingDocument) -> None:
    lines = doc.all_action_lines
    if not lines:
        return
    document.add_heading("การดำเนินการตามมติ", level=2)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ("มติ", "สิ่งที่ต้องดำเนินการ", "ผู้รับผิดชอบ", "กำหนดแล้วเสร็จ"), strict=True
    ):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for heading, action in lines:
        cells = table.add_row().cells
        cells[0].text = heading
        cells[1].text = action.title
        cells[2].text = action.owner or "–"
        cells[3].text = f"{action.due}\n{action.recurrence}".strip()


def _agenda_items(document, doc: MeetingDocument, *, with_reports: bool) -> None:
    for item in doc.agenda:
        document.add_heading(f"{item.heading} {item.title}", level=1)
        if item.description:
            _indented(document, item.description)
        if item.reporter:
            label = "รายงานโดย" if with_reports else "ผู้รายงาน:"
            _indented(document, f"{label} {item.reporter}", first_line=False, left=Cm(1))
        if with_reports and item.report:
            _indented(document, item.report)


def render_meeting_docx(meeting: Meeting, *, kind: str, thai_digits: bool, user) -> bytes:
    doc = build_meeting_document(meeting, kind=kind, thai_digits=thai_digits, user=user)
    document = Document()
    _set_up(document)
    document.core_properties.title = doc.heading
    document.core_properties.language = "th-TH"
    _letterhead(document, doc)
    if kind == AGENDA:
        if doc.chair:
            _indented(document, f"ประธานในที่ประชุม {doc.chair.name} {doc.chair.role}".strip(), first_line=False)
        _agenda_items(document, doc, with_reports=False)
    else:
        _minutes(document, doc)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
