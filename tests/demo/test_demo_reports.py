"""The demo's S2 report: Chiang Rai's quarter 4/2558 issued from the demo's records, every section in its PDF in
order, its figures those of the records, and no person's name or national ID anywhere in it."""

import io
import re
import shutil
import subprocess

from pdfminer.high_level import extract_text

from sanphalang.care.models import Member
from sanphalang.care.protection import decrypt_national_id
from sanphalang.directory.models import Person
from sanphalang.meetings.models import Meeting
from sanphalang.reports.documents.content import build_report_document
from sanphalang.reports.models import QuarterlyEdition, QuarterlyReport

PDFTOTEXT = shutil.which("pdftotext")


def _squeezed(text: str) -> str:
    """Text compared without spaces or line breaks: a stacked Thai mark may land on a line of its own."""
    return re.sub(r"\s+", "", text)


def _issued(demo) -> QuarterlyEdition:
    report = QuarterlyReport.objects.get(province_id="57", year_kind="fiscal", year_be=2558, quarter=4)
    return report.editions.get(number=1)


def test_the_demo_holds_chiang_rais_issued_report_for_the_councils_quarter(demo):
    edition = _issued(demo)
    content = edition.content
    assert content["period"] == "ไตรมาส 4/2558"
    assert (content["starts_on"], content["ends_on"]) == ("2015-07-01", "2015-09-30")
    meetings = [m for group in content["groups"] for m in group["meetings"]]
    assert {m["number"] for m in meetings} == {"ครั้งที่ 3/2558"}
    held = Meeting.objects.filter(
        body__area__pk__startswith="57", held_on__range=("2015-07-01", "2015-09-30")
    )
    key = {row["key"]: row for row in content["key_figures"]}
    assert key["meetings_held"]["value"] == str(held.count()) == "1"
    assert key["resolutions"]["value"] == str(sum(m.resolutions.count() for m in held)) == "2"
    assert "ภัยพิบัติ" in next(g["work_done"] for g in content["groups"] if g["work_done"])
    assert edition.issued_at and edition.built_by.username == "admin"


def test_the_pdf_names_no_person_and_no_national_id(demo):
    text = _squeezed(extract_text(io.BytesIO(bytes(_issued(demo).pdf))))
    assert _squeezed("สภาพลเมืองจังหวัดเชียงราย") in text  # the scan reads the Thai it prints
    people = list(Person.objects.all())
    members = list(Member.objects.all())
    assert people and members
    for person in people:
        assert _squeezed(f"{person.first_name}{person.last_name}") not in text, person.pk
        assert _squeezed(person.first_name) not in text or len(person.first_name) < 3, person.pk
    for member in members:
        assert _squeezed(f"{member.first_name}{member.last_name}") not in text, member.pk
        if member.national_id_token:
            national_id = decrypt_national_id(member.national_id_token)
            assert national_id not in text
            assert national_id.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) not in text


def test_the_sections_read_back_in_order(demo, tmp_path):
    edition = _issued(demo)
    sections = build_report_document(edition.content, thai_digits=edition.thai_digits).sections
    assert sections[0] == ("๑. สรุปผลการดำเนินงาน" if edition.thai_digits else "1. สรุปผลการดำเนินงาน")
    path = tmp_path / "report.pdf"
    path.write_bytes(bytes(edition.pdf))
    subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(path), str(tmp_path / "report.txt")], check=True)
    text = (tmp_path / "report.txt").read_text(encoding="utf-8")
    positions = [text.find(title) for title in sections]
    assert -1 not in positions, [t for t, p in zip(sections, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert _squeezed("รายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัดเชียงราย รายไตรมาส") in _squeezed(text)
    assert "หน้า 1 / " in text
    # the two charts are drawn in the PDF with their Thai axis labels as text (the quarters of the series)
    assert text.count("4/58") >= 2
