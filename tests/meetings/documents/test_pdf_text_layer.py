"""Text copied or searched out of every printed document is the Thai that was set: every consonant with every
vowel above and below it and every tone mark, SARA AM with and without a tone, NIKHAHIT by itself, ฤ ฦ, the leading
vowels, Thai digits and the words of official letters, put into the minutes, the agenda, the welfare roll-up and the
quarterly report, printed by their own pages and read back by pdftotext (both its modes) and pdfminer."""

import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from django.urls import reverse
from pdfminer.high_level import extract_text_to_fp

from sanphalang.areas.models import Area
from sanphalang.meetings.services.meetings import agenda_item_add, meeting_update, resolution_add
from sanphalang.reports.services.quarterly import (
    quarterly_build_start,
    quarterly_report_create,
    quarterly_report_update,
)
from sanphalang.welfare.services.figures import fund_year_save
from sanphalang.welfare.services.registry import fund_create
from tests.meetings import factories

PDFTOTEXT = shutil.which("pdftotext")
assert PDFTOTEXT, "poppler-utils is installed by run.sh test"

CONSONANTS = [chr(code) for code in range(0x0E01, 0x0E2F) if chr(code) not in "ฤฦ"]
UPPER_AND_LOWER_VOWELS = ["", "ั", "ิ", "ี", "ึ", "ื", "ุ", "ู"]
TONE_MARKS = ["", "่", "้", "๊", "๋"]  # none, ไม้เอก, ไม้โท, ไม้ตรี, ไม้จัตวา
# With each consonant: ไม้ไต่คู้, การันต์ (alone and over ิ ุ), พินทุ, นิคหิต by itself, ยามักการ, the leading vowels.
OTHER_MARKS = ["็", "์", "ิ์", "ุ์", "ฺ", "ํ", "๎"]
LEADING_VOWELS = "เแโใไ"
WORDS = (
    "สำนักงาน คณะทำงาน ครั้งที่ ผู้ว่าราชการจังหวัด ที่ปรึกษา อุปสรรค น้ำท่วม น้ำ ทำ ค่ำ ต่ำ ซ้ำ ป้ำ ปี่ ญี่ปุ่น "
    "ฐานข้อมูล ฎีกา ฏ ปฏิบัติ ฐุ ฐู ญุ ญู ฎุ ฏุ ฤ ฤๅ ฦ ฦๅ ฤดู ฤๅษี อังกฤษ สัมฤทธิ์ ศักดิ์สิทธิ์ จันทร์ "
    "เกี๊ยะ เกื๋อ เก้า แก่ โก๋ ใจ ไม้ ก็ สรณํ ๐๑๒๓๔๕๖๗๘๙ ๒๕๕๘ ๆ ฯ ฯลฯ"
)


def syllables() -> list[str]:
    found = []
    for consonant in CONSONANTS:
        for tone in TONE_MARKS:
            found += [consonant + vowel + tone for vowel in UPPER_AND_LOWER_VOWELS]
            found.append(consonant + tone + "ำ")
        found += [consonant + mark for mark in OTHER_MARKS]
        found += [vowel + consonant for vowel in LEADING_VOWELS]
        found.append("เ" + consonant + "็")
    return found


def coverage_lines(width: int = 140) -> list[str]:
    """The whole coverage text, as lines that fit a title or an area's name."""
    lines, line = [], ""
    for word in [*syllables(), *WORDS.split()]:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return [*lines, line]


COVERAGE = " ".join(coverage_lines())


def _comparable(text: str) -> str:
    """The text with whitespace left out (extractors break lines and words where the layout does) in NFC."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", "", text))


def _pdftotext(content: bytes, tmp_path, *mode: str) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    return subprocess.run(
        [PDFTOTEXT, *mode, "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode()


def _pdfminer(content: bytes) -> str:
    """pdfminer's text in the order it was drawn, glyph by glyph through the fonts' ToUnicode maps (its layout
    analysis sorts a paragraph's lines as boxes, which is about the page, not the text)."""
    out = io.StringIO()
    extract_text_to_fp(io.BytesIO(content), out, laparams=None)
    return out.getvalue()


# What a page prints around its text: the minutes' "- ๒ -", the quarterly report's "หน้า ๒ / ๕", the roll-up's "2 / 3"
# (whitespace already left out), found at the start or the end of a page's text and left out of the comparison.
# pdftotext's reading order sets the minutes' page number on the line below it and drops its closing dash.
PAGE_NUMBER = r"(?:-[0-9๐-๙]+-?|หน้า[0-9๐-๙]+/[0-9๐-๙]+|[0-9๐-๙]+/[0-9๐-๙]+)"
PAGE_FURNITURE = re.compile(rf"^{PAGE_NUMBER}|{PAGE_NUMBER}$")


def _pages_joined(text: str) -> str:
    """The pages' texts (each extractor ends a page with a form feed) joined without their page numbers."""
    return "".join(PAGE_FURNITURE.sub("", _comparable(page)) for page in text.split("\f"))


def extracted(content: bytes, tmp_path) -> dict[str, str]:
    return {
        "pdftotext -raw": _pages_joined(_pdftotext(content, tmp_path, "-raw")),
        "pdftotext": _pages_joined(_pdftotext(content, tmp_path)),
        "pdfminer": _pages_joined(_pdfminer(content)),
    }


def assert_reads_back(content: bytes, tmp_path, *texts: str) -> None:
    """Each text is found whole in what every extractor reads: one character lost, added or moved fails."""
    assert content.startswith(b"%PDF")
    for extractor, text in extracted(content, tmp_path).items():
        for expected in texts:
            assert _comparable(expected) in text, f"{extractor} misreads {_first_misread(expected, text)}"


def _first_misread(expected: str, text: str) -> str:
    """Where the expected text, followed from its best start, stops matching: the word and what stood in its place."""
    words = [_comparable(word) for word in expected.split()]
    best, found = (0, ""), text.find(words[0])
    while found >= 0:
        position, matched = found, 0
        for word in words:
            if not text.startswith(word, position):
                break
            position, matched = position + len(word), matched + 1
        if matched == len(words):
            return "nothing: the text is there"
        if matched >= best[0]:
            best = (matched, f"{words[matched]!r} as {text[position : position + len(words[matched]) + 3]!r}")
        found = text.find(words[0], found + 1)
    return best[1] or f"{words[0]!r}, which is not there"


def test_the_coverage_holds_every_consonant_vowel_and_tone_mark():
    text = COVERAGE
    assert set(CONSONANTS) | set("ฤฦๅ") | set(LEADING_VOWELS) <= set(text)
    assert set("ัิีึืฺุู็่้๊๋์ํ๎ำ") <= set(text)
    assert set("๐๑๒๓๔๕๖๗๘๙") <= set(text)
    assert all(f"{consonant}ั๋" in text and f"{consonant}ู่" in text for consonant in CONSONANTS)


@pytest.fixture
def meeting(cast):
    meeting = factories.meeting_3_2558(cast)
    meeting = meeting_update(
        by=cast.chiangrai_coordinator, meeting=meeting, title=WORDS[:300], minutes=COVERAGE
    )
    for line in coverage_lines(280):
        agenda_item_add(by=cast.chiangrai_coordinator, meeting=meeting, title=line[:300])
    agenda_item_add(by=cast.chiangrai_coordinator, meeting=meeting, title=WORDS[:300], description=COVERAGE)
    resolution_add(by=cast.chiangrai_coordinator, meeting=meeting, text=COVERAGE)
    return meeting


@pytest.mark.parametrize("document", ["minutes_pdf", "agenda_pdf"])
def test_the_minutes_and_the_agenda_read_back_as_set(cast, client_for, meeting, document, tmp_path):
    # when the coordinator prints them, with Thai digits
    response = client_for(cast.chiangrai_coordinator).get(
        reverse(f"meetings:{document}", args=[meeting.pk]), {"digits": "thai"}
    )

    # then every heading (bold, larger) and paragraph comes back as it was set
    assert response.status_code == 200
    assert_reads_back(response.content, tmp_path, "ครั้งที่ ๓/๒๕๕๘", WORDS, *coverage_lines(280), COVERAGE)


def test_the_welfare_rollup_reads_back_as_set(cast, client_for, tmp_path):
    # given a fund with the year's figures in each district of Chiang Rai
    districts = list(Area.objects.filter(code__startswith="57", level="district").order_by("code"))
    for number, district in enumerate(districts):
        subdistrict = Area.objects.filter(code__startswith=district.code, level="subdistrict").first()
        fund = fund_create(
            by=cast.chiangrai_coordinator,
            name=f"กองทุนสวัสดิการชุมชนตำบล{subdistrict.name_th}",
            area_code=subdistrict.code,
        )
        fund_year_save(
            by=cast.chiangrai_coordinator, fund=fund, year_be=2566, values={"members": 100 + number}
        )
    client = client_for(cast.chiangrai_coordinator)
    lines = coverage_lines(140)
    assert len(districts) >= 18
    for first in range(0, len(lines), len(districts)):
        # and the districts named with the next lines of the text (an area's name holds 150 characters)
        names = lines[first : first + len(districts)]
        for district, name in zip(districts, names, strict=False):
            Area.objects.filter(code=district.code).update(name_th=name)

        # when the coordinator prints the district roll-up of 2566
        response = client.get(
            reverse("welfare:rollup"), {"level": "district", "year": "2566", "export": "pdf"}
        )

        # then each district's name in its table cell reads back as set
        assert response.status_code == 200
        assert_reads_back(response.content, tmp_path, *names)


def test_the_quarterly_report_reads_back_as_set(cast, client_for, tmp_path):
    # given the quarter's report with the coverage text as its summary and problems
    factories.quarterly_report(cast)
    report = quarterly_report_create(
        by=cast.chiangrai_coordinator, province_code="57", year_kind="fiscal", year_be=2558, quarter=4
    )
    report = quarterly_report_update(
        by=cast.chiangrai_coordinator, report=report, summary=COVERAGE, problems=WORDS, version=report.version
    )
    quarterly_build_start(by=cast.chiangrai_coordinator, report=report)

    # when the coordinator downloads the draft
    response = client_for(cast.chiangrai_coordinator).get(
        reverse("reports:quarterly_draft_download", args=[report.pk, "pdf"]), {"digits": "thai"}
    )

    # then the narrative reads back as set
    assert response.status_code == 200
    assert_reads_back(response.content, tmp_path, COVERAGE, WORDS)
