"""Printed minutes and agenda (PDF, Word) and the calendar feed, on the Chiang Rai citizens' council meeting of
20 July 2558 BE (scenario S1), rendered by the real engines and read back."""

import datetime as dt
import io
import re
import shutil
import subprocess
from urllib.parse import unquote

import docx
import icalendar
import pytest
from django.urls import reverse
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextBox, LTTextContainer
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from sanphalang.accounts.errors import AccountError
from sanphalang.accounts.services import api_token_create, api_token_revoke, user_set_preferences
from sanphalang.directory.services import organisation_create, person_create
from sanphalang.meetings.services.action_items import action_item_create
from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.meetings import (
    agenda_item_add,
    attendance_record,
    meeting_create,
    resolution_add,
)

COUNCIL = "สภาพลเมืองจังหวัดเชียงราย"
VENUE = "ห้องพญาพิภักดิ์ ศาลากลางจังหวัดเชียงราย"
MSDHS = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย"
WORKING_GROUPS = [
    "การจัดการภัยพิบัติโดยชุมชน",
    "การจัดการระบบเกษตรกรรมเพื่อการพึ่งตนเอง",
    "การจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม (ป่าไม้และแหล่งน้ำ)",
    "การเข้าถึงสิทธิและสวัสดิการสังคม",
    "การคุ้มครองแรงงานและสวัสดิการแรงงานนอกระบบ",
    "การจัดการที่ดินทำกินและที่อยู่อาศัยชนบท",
    "การจัดการที่อยู่อาศัยบ้านมั่นคง",
]
AGENCIES = [
    "สำนักงานจัดการทรัพยากรป่าไม้ที่ 2 (เชียงราย)",
    "สำนักงานกองทุนฟื้นฟูและพัฒนาเกษตรกรจังหวัดเชียงราย",
    "สำนักงานแรงงานจังหวัดเชียงราย",
    "สำนักงานธนารักษ์พื้นที่จังหวัดเชียงราย",
]
MINUTES = (
    "ที่ประชุมรับฟังรายงานสรุปผลความคืบหน้าของการดำเนินงานของคณะทำงานเครือข่ายภาคประชาสังคมจังหวัดเชียงราย "
    "ร่วมกับเครือข่ายสภาองค์กรชุมชนจังหวัดเชียงราย ประจำปี พ.ศ. 2558 ภายใต้ 7 ประเด็นงาน\n"
    "ทุกภาคส่วนยินดีที่เวทีสภาพลเมืองเปิดโอกาสให้หัวหน้าส่วนราชการได้เรียนรู้การดำเนินงานระหว่างหน่วยงาน"
)
RESOLUTIONS = [
    "ให้คณะทำงานเครือข่ายภาคประชาสังคมจังหวัดเชียงรายรายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัดอย่างน้อย 3 เดือนต่อครั้ง",
    f"มอบหมายให้{MSDHS}เป็นหน่วยงานประสานงานระหว่างคณะทำงานเครือข่ายภาคประชาสังคมกับสำนักงานจังหวัดเชียงราย",
]
DOCUMENTS = ["minutes_pdf", "minutes_docx", "agenda_pdf", "agenda_docx"]
PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not (PDFTOPPM and PDFTOTEXT), reason="poppler-utils is not installed")


@pytest.fixture
def s1(cast):
    """Meeting 3/2558 of the Chiang Rai citizens' council, built through the services as a coordinator would."""
    by = cast.admin
    council_org = organisation_create(by=by, kind="council", name_th=COUNCIL, area_code="57")
    msdhs = organisation_create(
        by=by, kind="agency", name_th=MSDHS, abbreviation="พมจ.เชียงราย", area_code="57"
    )
    chair = person_create(by=by, title="นาย", first_name="รัชกฤช", last_name="สถิรานนท์", area_code="57")
    wirun = person_create(by=by, title="ดร.", first_name="วิรุณ", last_name="คำภิโล", area_code="57")
    body = body_create(by=by, name_th=COUNCIL, area_code="57", kind="council", organisation=council_org)
    for number in (1, 2):
        meeting_create(by=by, body=body, held_on=dt.date(2015, 3 * number, 10), venue=VENUE)
    meeting = meeting_create(
        by=by,
        body=body,
        held_on=dt.date(2015, 7, 20),
        venue=VENUE,
        head_count=50,
        chair=chair,
        chair_title="รองผู้ว่าราชการจังหวัดเชียงราย",
        status="held",
        minutes=MINUTES,
    )
    for issue in WORKING_GROUPS:
        group = body_create(
            by=by, name_th=f"คณะทำงานประเด็น{issue}", area_code="57", kind="working_group", parent=body
        )
        agenda_item_add(
            by=by,
            meeting=meeting,
            title=f"รายงานความคืบหน้าประเด็น{issue}",
            working_group=group,
            report=f"คณะทำงานรายงานผลการดำเนินงานประเด็น{issue} ประจำปี พ.ศ. 2558",
        )
    attendance_record(
        by=by,
        meeting=meeting,
        person=wirun,
        organisation=council_org,
        role="ประธานคณะทำงานเครือข่ายภาคประชาสังคม",
    )
    attendance_record(by=by, meeting=meeting, organisation=msdhs)
    for name in AGENCIES:
        attendance_record(
            by=by,
            meeting=meeting,
            organisation=organisation_create(by=by, kind="agency", name_th=name, area_code="57"),
        )
    quarterly, coordination = (resolution_add(by=by, meeting=meeting, text=text) for text in RESOLUTIONS)
    action_item_create(
        by=by,
        resolution=quarterly,
        title="รายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัด",
        owner_organisation=msdhs,
        due_on=dt.date(2015, 10, 20),
        recurrence_months=3,
    )
    return meeting


def _get(client, name, meeting, **params):
    return client.get(reverse(f"meetings:{name}", args=[meeting.pk]), params)


def _pdf_text(tmp_path, content: bytes) -> str:
    """The text in the order it was set. -raw, not -layout: layout mode rebuilds words from glyph positions and
    splits a word at a stacked Thai tone mark (zero width, nudged left by the font), giving "ครัง้ ที่" for a
    PDF whose text is in the right order."""
    path = tmp_path / "minutes.pdf"
    path.write_bytes(content)
    subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(path), str(tmp_path / "minutes.txt")], check=True)
    return (tmp_path / "minutes.txt").read_text(encoding="utf-8")


def _embedded_fonts(content: bytes) -> dict[str, tuple[str, int]]:
    """Each font resource of the PDF by its name, with the PostScript name and weight of the font file embedded.
    The resource name alone proves nothing: WeasyPrint names it after the CSS face, whatever file it embeds."""
    fonts = {}
    document = PDFDocument(PDFParser(io.BytesIO(content)))
    for page in PDFPage.create_pages(document):
        for ref in resolve1(page.resources["Font"]).values():
            font = resolve1(ref)
            descriptor = resolve1(resolve1(resolve1(font["DescendantFonts"])[0])["FontDescriptor"])
            program = TTFont(io.BytesIO(resolve1(descriptor["FontFile2"]).get_data()))
            fonts[font["BaseFont"].name] = (program["name"].getDebugName(6), program["OS/2"].usWeightClass)
    return fonts


def _line_fonts(content: bytes) -> dict[str, set[str]]:
    """Each line of text of the PDF, with the names of the fonts its letters are set in."""
    lines: dict[str, set[str]] = {}
    for page in extract_pages(io.BytesIO(content)):
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box if isinstance(box, LTTextBox) else [box]:
                chars = [char for char in line if isinstance(char, LTChar)]
                text = "".join(char.get_text() for char in chars).strip()
                if text:
                    lines.setdefault(text, set()).update(
                        char.fontname for char in chars if char.get_text().strip()
                    )
    return lines


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@needs_poppler
def test_the_minutes_print_as_a_pdf_whose_thai_reads_back_in_order(cast, client_for, s1, tmp_path):
    # given the S1 meeting
    # when its coordinator downloads the minutes with Thai digits
    response = _get(client_for(cast.chiangrai_coordinator), "minutes_pdf", s1, digits="thai")

    # then it is a PDF whose first page renders to an image
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    (tmp_path / "minutes.pdf").write_bytes(response.content)
    subprocess.run(
        [
            PDFTOPPM,
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "minutes.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 20_000
    # and its text extracts back in correct Thai order, shaped, without replacement glyphs
    text = _squeeze(_pdf_text(tmp_path, response.content))
    assert f"รายงานการประชุม{COUNCIL} ครั้งที่ ๓/๒๕๕๘" in text
    assert "วันที่ ๒๐ กรกฎาคม ๒๕๕๘" in text
    assert f"ณ {VENUE}" in text
    assert "ประธานในที่ประชุม นายรัชกฤช สถิรานนท์ รองผู้ว่าราชการจังหวัดเชียงราย" in text
    assert "ผู้เข้าร่วมประชุม สภาพลเมืองจังหวัดเชียงราย ดร.วิรุณ" in text
    assert "จัดการทรัพยากรป่าไม้ที่ ๒ (เชียงราย)" in text
    assert "รวมผู้เข้าร่วมประชุม ๕๐ คน" in text
    headings = [text.index(f"ระเบียบวาระที่ {number} รายงานความคืบหน้าประเด็น") for number in "๑๒๓๔๕๖๗"]
    assert headings == sorted(headings)
    assert "รายงานความคืบหน้าประเด็นการเข้าถึงสิทธิและสวัสดิการสังคม" in text
    assert "มติที่ประชุม มติที่ ๑ ให้คณะ" in text and "อย่างน้อย ๓ เดือนต่อครั้ง" in text
    assert "๒๐ ตุลาคม ๒๕๕๘ ทุก ๓ เดือน" in text
    assert "ผู้จดรายงานการประชุม" in text
    assert "ผู้ตรวจรายงานการประชุม (นายรัชกฤช สถิรานนท์) รองผู้ว่าราชการจังหวัดเชียงราย" in text
    assert "\ufffd" not in text and "\u25cc" not in text
    assert not re.search(r"[0-9]", text), "Thai digits were asked for throughout"


@needs_poppler
def test_sara_am_copies_out_of_the_pdf(cast, client_for, s1, tmp_path):
    response = _get(client_for(cast.chiangrai_coordinator), "minutes_pdf", s1)

    assert MSDHS in _squeeze(_pdf_text(tmp_path, response.content))


@needs_poppler
def test_the_minutes_use_arabic_digits_on_request(cast, client_for, s1, tmp_path):
    response = _get(client_for(cast.chiangrai_coordinator), "minutes_pdf", s1, digits="arabic")

    text = _squeeze(_pdf_text(tmp_path, response.content))
    assert "ครั้งที่ 3/2558" in text
    assert "วันที่ 20 กรกฎาคม 2558" in text
    assert "รวมผู้เข้าร่วมประชุม 50 คน" in text
    assert "ป่าไม้ที่ 2 (เชียงราย)" in text
    assert not re.search("[๐-๙]", text)


@needs_poppler
def test_the_digits_follow_the_readers_preference_when_not_asked(cast, client_for, s1, tmp_path):
    # given a coordinator who prefers Thai digits
    user_set_preferences(user=cast.chiangrai_coordinator, prefers_thai_digits=True)
    # when they download the minutes without saying which digits
    response = _get(client_for(cast.chiangrai_coordinator), "minutes_pdf", s1)
    # then the minutes use Thai digits
    assert "ครั้งที่ ๓/๒๕๕๘" in _squeeze(_pdf_text(tmp_path, response.content))


def test_body_text_is_set_in_sarabun_regular_and_headings_in_bold(cast, client_for, s1):
    response = _get(client_for(cast.chiangrai_coordinator), "minutes_pdf", s1)

    embedded = _embedded_fonts(response.content)
    lines = _line_fonts(response.content)

    def files_of(start: str) -> set[tuple[str, int]]:
        line = next(text for text in lines if text.startswith(start))
        return {embedded[name] for name in lines[line]}

    assert files_of("ทุกภาคส่วนยินดี") == {("SarabunText-Regular", 400)}  # a paragraph of the minutes
    assert files_of("ณ ห") == {("SarabunText-Regular", 400)}
    assert files_of("รายงานการประชุม") == {("SarabunText-Bold", 700)}  # the title
    assert files_of("สรุปการประชุม") == {("SarabunText-Bold", 700)}  # a section heading


@needs_poppler
def test_the_agenda_prints_as_a_pdf(cast, client_for, s1, tmp_path):
    response = _get(client_for(cast.chiangrai_coordinator), "agenda_pdf", s1, digits="arabic")

    assert response.status_code == 200
    text = _squeeze(_pdf_text(tmp_path, response.content))
    assert f"ระเบียบวาระการประชุม{COUNCIL} ครั้งที่ 3/2558" in text
    assert "ระเบียบวาระที่ 7 รายงานความคืบหน้าประเด็นการจัดการที่อยู่อาศัยบ้านมั่นคง" in text
    assert "มติที่" not in text


def test_a_download_carries_its_thai_file_name(cast, client_for, s1):
    response = _get(client_for(cast.chiangrai_coordinator), "minutes_pdf", s1)

    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="minutes-3-2558.pdf"; ')
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == f"รายงานการประชุม{COUNCIL} ครั้งที่ 3-2558.pdf"


def _run_fonts(element) -> dict[str, str]:
    fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return {name: fonts.get(qn(f"w:{name}")) for name in ("ascii", "hAnsi", "cs")}


def test_the_minutes_open_in_word_with_the_thai_font_for_complex_script(cast, client_for, s1):
    response = _get(client_for(cast.chiangrai_coordinator), "minutes_docx", s1, digits="thai")

    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert f"รายงานการประชุม{COUNCIL} ครั้งที่ ๓/๒๕๕๘" in paragraphs
    assert "วันที่ ๒๐ กรกฎาคม ๒๕๕๘" in paragraphs
    assert "มติที่ ๑ " + RESOLUTIONS[0].replace("3", "๓") in paragraphs
    assert "มติที่ ๒ " + RESOLUTIONS[1] in paragraphs
    # attendance and action items are tables
    attendance, actions = document.tables
    assert ["หน่วยงาน / องค์กร", "ชื่อ – สกุล", "ตำแหน่ง / บทบาท"] == [c.text for c in attendance.rows[0].cells]
    assert any(row.cells[1].text == "ดร.วิรุณ คำภิโล" for row in attendance.rows)
    assert [c.text for c in actions.rows[1].cells] == [
        "มติที่ ๑",
        "รายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัด",
        MSDHS,
        "๒๐ ตุลาคม ๒๕๕๘\nทุก ๓ เดือน",
    ]
    # Word sets Thai in the complex-script font and size, named on the styles
    for style in ("Normal", "Title", "Heading 1"):
        element = document.styles[style].element
        assert set(_run_fonts(element).values()) == {"TH Sarabun New"}
        assert element.find(qn("w:rPr")).find(qn("w:szCs")) is not None
    assert document.styles["Normal"].font.size.pt == 16


def test_the_agenda_opens_in_word(cast, client_for, s1):
    response = _get(client_for(cast.chiangrai_coordinator), "agenda_docx", s1, digits="arabic")

    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert f"ระเบียบวาระการประชุม{COUNCIL} ครั้งที่ 3/2558" in paragraphs
    assert sum(text.startswith("ระเบียบวาระที่ ") for text in paragraphs) == 7
    assert response["Content-Disposition"].startswith('attachment; filename="agenda-3-2558.docx"')


def _calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_the_calendar_feed_has_each_meeting_of_the_body(cast, client_for, s1):
    # given a further meeting with a time, and a cancelled one
    later = meeting_create(
        by=cast.admin,
        body=s1.body,
        held_on=dt.date(2015, 10, 19),
        venue=VENUE,
        starts_at=dt.time(9, 30),
        ends_at=dt.time(12, 0),
    )
    cancelled = meeting_create(by=cast.admin, body=s1.body, held_on=dt.date(2015, 12, 1), status="cancelled")
    url = reverse("meetings:body_calendar", args=[s1.body.pk])

    # when the coordinator fetches the feed twice
    first = _calendar(client_for(cast.chiangrai_coordinator).get(url))
    second = _calendar(client_for(cast.chiangrai_coordinator).get(url))

    # then there is one event per meeting, with stable UIDs
    events = {str(event["UID"]): event for event in first.walk("VEVENT")}
    assert len(events) == 5
    assert set(events) == {str(event["UID"]) for event in second.walk("VEVENT")}
    s1_event = events[f"meeting-{s1.pk}@sanphalang"]
    # the S1 meeting has no time: an all-day event on 20 July 2015
    assert s1_event.decoded("DTSTART") == dt.date(2015, 7, 20)
    assert s1_event.decoded("DTEND") == dt.date(2015, 7, 21)
    assert str(s1_event["SUMMARY"]) == f"ครั้งที่ 3/2558 {COUNCIL}"
    assert str(s1_event["LOCATION"]) == VENUE
    assert str(s1_event["STATUS"]) == "CONFIRMED"
    # a timed meeting is in Bangkok time
    timed = events[f"meeting-{later.pk}@sanphalang"]
    assert timed["DTSTART"].params["TZID"] == "Asia/Bangkok"
    assert timed.decoded("DTSTART").utcoffset() == dt.timedelta(hours=7)
    assert timed.decoded("DTSTART").time() == dt.time(9, 30)
    assert timed.decoded("DTEND").time() == dt.time(12, 0)
    assert [tz["TZID"] for tz in first.walk("VTIMEZONE")] == ["Asia/Bangkok"]
    assert str(events[f"meeting-{cancelled.pk}@sanphalang"]["STATUS"]) == "CANCELLED"


def test_the_feed_names_the_chair_in_the_readers_language(cast, client_for, s1):
    url = reverse("meetings:body_calendar", args=[s1.body.pk])
    client = client_for(cast.chiangrai_coordinator)
    # when the coordinator's calendar reads the feed in Thai, then in English
    thai = _calendar(client.get(url))
    client.cookies["django_language"] = "en"
    english = _calendar(client.get(url))
    # then the meeting's chair is named in each
    chair = "นายรัชกฤช สถิรานนท์ รองผู้ว่าราชการจังหวัดเชียงราย"
    assert [str(e["DESCRIPTION"]) for e in thai.walk("VEVENT") if "DESCRIPTION" in e] == [f"ประธาน: {chair}"]
    assert [str(e["DESCRIPTION"]) for e in english.walk("VEVENT") if "DESCRIPTION" in e] == [
        f"Chair: {chair}"
    ]


def test_a_calendar_app_reads_the_feed_with_a_token(cast, client, s1):
    # given a token of the coordinator, and no session
    _token, raw = api_token_create(user=cast.chiangrai_coordinator, name="ปฏิทิน")
    url = reverse("meetings:body_calendar", args=[s1.body.pk])

    calendar = _calendar(client.get(url, {"token": raw}))

    assert len(list(calendar.walk("VEVENT"))) == 3


def test_a_revoked_or_wrong_token_is_refused(cast, client, s1):
    token, raw = api_token_create(user=cast.chiangrai_coordinator, name="ปฏิทิน")
    url = reverse("meetings:body_calendar", args=[s1.body.pk])
    assert client.get(url, {"token": raw}).status_code == 200

    api_token_revoke(user=cast.chiangrai_coordinator, token_id=token.pk)

    assert client.get(url, {"token": raw}).status_code == 401
    assert client.get(url, {"token": "not-a-token"}).status_code == 401
    assert client.get(url, {"token": ""}).status_code == 401


def test_a_refused_token_is_told_in_thai_or_in_the_language_chosen(cast, client, s1):
    # given a wrong token in a calendar app's subscription
    url = reverse("meetings:body_calendar", args=[s1.body.pk])
    # when the app reads the feed
    response = client.get(url, {"token": "not-a-token"})
    # then it is told why, in Thai
    assert response.status_code == 401
    assert (
        response.content.decode()
        == AccountError.BAD_TOKEN.message()
        == ("โทเค็น API นี้ไม่ถูกต้องหรือถูกเพิกถอนแล้ว กรุณาสร้างโทเค็นใหม่แล้วสมัครรับปฏิทินด้วยโทเค็นนั้นอีกครั้ง")
    )
    # and in English where the reader chose English
    client.cookies["django_language"] = "en"
    assert client.get(url, {"token": "not-a-token"}).content.decode().startswith("This API token is wrong")


def test_a_token_of_an_outsider_gets_nothing(cast, client, s1):
    _token, raw = api_token_create(user=cast.phayao_coordinator, name="ปฏิทิน")

    response = client.get(reverse("meetings:body_calendar", args=[s1.body.pk]), {"token": raw})

    assert response.status_code == 404


@pytest.mark.parametrize("name", DOCUMENTS)
def test_it_refuses_a_coordinator_of_another_province(cast, client_for, s1, name):
    assert _get(client_for(cast.phayao_coordinator), name, s1).status_code == 404


def test_it_refuses_the_calendar_to_a_coordinator_of_another_province(cast, client_for, s1):
    url = reverse("meetings:body_calendar", args=[s1.body.pk])
    assert client_for(cast.phayao_coordinator).get(url).status_code == 404


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_district_colleague_reads_the_provincial_councils_minutes(cast, client_for, s1, name):
    assert _get(client_for(cast.maesai_coordinator), name, s1).status_code == 200


@pytest.mark.parametrize("name", [*DOCUMENTS, "body_calendar"])
def test_it_sends_an_anonymous_visitor_to_log_in(client, s1, name):
    pk = s1.body.pk if name == "body_calendar" else s1.pk
    response = client.get(reverse(f"meetings:{name}", args=[pk]))
    assert response.status_code == 302
    assert "/accounts/login" in response["Location"]
