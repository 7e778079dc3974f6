"""The quarterly report to the governor (S2): its content from the records, the narrative, issuing frozen
editions that close the quarter's action item, and who may do what."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from docx import Document
from pdfminer.high_level import extract_text

from sanphalang.errors import AccessDenied, VersionConflict
from sanphalang.jobs.models import JobStatus
from sanphalang.meetings.models import ActionItem
from sanphalang.meetings.services.action_items import action_item_create
from sanphalang.meetings.services.letters import letter_create
from sanphalang.reports.models import QuarterlyEdition
from sanphalang.reports.selectors.quarterly import quarterly_content, quarterly_report_get
from sanphalang.reports.services.quarterly import (
    quarterly_build_start,
    quarterly_issue_start,
    quarterly_report_create,
    quarterly_report_update,
)
from tests.meetings import factories


@pytest.fixture
def governor_item(cast):
    item = factories.quarterly_report(cast)
    item.meeting.__class__.objects.filter(body=item.body).update(status="held")
    return item


@pytest.fixture
def report(cast, governor_item):
    return quarterly_report_create(
        by=cast.chiangrai_coordinator, province_code="57", year_kind="fiscal", year_be=2558, quarter=4
    )


def test_the_content_counts_the_quarters_records_as_the_dashboard_does(cast, report, governor_item):
    # given an action item done in the quarter, one overdue at its end, and a letter still waiting for an answer
    body = governor_item.body
    done = action_item_create(
        by=cast.chiangrai_coordinator, body=body, title="จัดเวทีประชาคม", due_on=dt.date(2015, 8, 1)
    )
    from sanphalang.meetings.services.action_items import action_item_set_status

    action_item_set_status(
        by=cast.chiangrai_coordinator, item=done, status="done", done_on=dt.date(2015, 8, 5)
    )
    action_item_create(
        by=cast.chiangrai_coordinator, body=body, title="สำรวจข้อมูล", due_on=dt.date(2015, 9, 1)
    )
    letter_create(
        by=cast.chiangrai_coordinator,
        body=body,
        direction="out",
        dated_on=dt.date(2015, 8, 10),
        subject="ขอข้อมูลงบประมาณ",
        counterpart=governor_item.owner_organisation,
        status="awaiting",
    )
    # when the content is assembled
    content = quarterly_content(user=cast.chiangrai_coordinator, report=report)
    # then the general group (the council has no issue area) lists them, and the key figures agree
    (group,) = content["groups"]
    assert group["key"] == "general" and group["bodies"] == ["สภาพลเมืองจังหวัดเชียงราย"]
    assert [m["number"] for m in group["meetings"]] == ["ครั้งที่ 3/2558"]
    assert [a["title"] for a in group["actions_done"]] == ["จัดเวทีประชาคม"]
    assert [a["title"] for a in group["actions_overdue"]] == ["สำรวจข้อมูล"]
    assert [letter["subject"] for letter in group["letters_waiting"]] == ["ขอข้อมูลงบประมาณ"]
    key = {row["key"]: row for row in content["key_figures"]}
    assert key["meetings_held"]["value"] == str(len(group["meetings"])) == "1"
    assert key["resolutions"]["value"] == str(len(group["resolutions"])) == "1"
    assert key["action_items_done"]["value"] == "1"
    assert key["action_items_overdue"]["value"] == "1"
    assert {row["key"] for row in content["care"]} >= {
        "households",
        "cases_opened",
        "cases_closed",
        "referrals_sent",
    }
    assert content["charts"][0]["labels"][-1] == "4/58"
    import json

    json.dumps(content)  # frozen as data


def test_the_owner_person_of_an_action_item_is_never_named(cast, report, governor_item):
    owner = factories.person(cast, first_name="ประเสริฐ", last_name="ทองดี")
    action_item_create(
        by=cast.chiangrai_coordinator,
        body=governor_item.body,
        title="ประสานงานอำเภอ",
        due_on=dt.date(2015, 9, 1),
        owner_person=owner,
    )
    content = quarterly_content(user=cast.chiangrai_coordinator, report=report)
    assert "ประเสริฐ" not in str(content) and "รัชกฤช" not in str(content)


def test_issuing_freezes_a_numbered_edition_and_closes_the_governor_item(cast, report, governor_item):
    # given the narrative
    quarterly_report_update(by=cast.chiangrai_coordinator, report=report, summary="สรุปผลไตรมาสนี้")
    # when the report is issued, closing the quarter's report to the governor
    job = quarterly_issue_start(
        by=cast.chiangrai_coordinator,
        report=report,
        action_item_id=governor_item.pk,
        done_on=dt.date(2015, 10, 19),
    )
    # then edition 1 is kept with its files, the item is done and the next quarter's is due
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.failure
    edition = report.editions.get(number=1)
    assert edition.content["summary"] == "สรุปผลไตรมาสนี้"
    assert bytes(edition.pdf).startswith(b"%PDF")
    assert "สรุปผลไตรมาสนี้" in "\n".join(p.text for p in Document(io.BytesIO(bytes(edition.docx))).paragraphs)
    governor_item.refresh_from_db()
    assert governor_item.status == "done" and governor_item.done_on == dt.date(2015, 10, 19)
    following = ActionItem.objects.get(pk=job.result["next_action_item"])
    assert following.due_on == dt.date(2016, 1, 20) and following.status == "open"
    # and later changes to the records and the narrative leave it as issued
    quarterly_report_update(by=cast.chiangrai_coordinator, report=report, summary="แก้ไขแล้ว")
    governor_item.meeting.resolutions.all().delete()
    pdf_before = bytes(edition.pdf)
    edition.refresh_from_db()
    assert edition.content["summary"] == "สรุปผลไตรมาสนี้" and bytes(edition.pdf) == pdf_before
    # and a second issue is edition 2, from the records as they are now
    quarterly_issue_start(by=cast.chiangrai_coordinator, report=report)
    second = report.editions.get(number=2)
    assert second.content["summary"] == "แก้ไขแล้ว"
    assert not any(g["resolutions"] for g in second.content["groups"])


def test_a_draft_build_replaces_the_previous_draft_and_issues_nothing(cast, report):
    quarterly_build_start(by=cast.chiangrai_coordinator, report=report)
    quarterly_build_start(by=cast.chiangrai_coordinator, report=report)
    assert list(report.editions.values_list("number", flat=True)) == [None]
    text = extract_text(io.BytesIO(bytes(report.editions.get().pdf)))
    assert "ฉบับร่าง" in text


def test_a_stale_narrative_change_is_refused(cast, report):
    quarterly_report_update(by=cast.chiangrai_coordinator, report=report, summary="ฉบับแรก", version=1)
    with pytest.raises(VersionConflict):
        quarterly_report_update(by=cast.chiangrai_coordinator, report=report, summary="ทับ", version=1)


def test_notes_for_an_unknown_group_are_refused(cast, report):
    with pytest.raises(ValidationError):
        quarterly_report_update(
            by=cast.chiangrai_coordinator, report=report, group_notes={"999": {"problems": "x"}}
        )


def test_one_report_per_province_and_quarter(cast, report):
    with pytest.raises(ValidationError):
        quarterly_report_create(
            by=cast.chiangrai_coordinator, province_code="57", year_kind="fiscal", year_be=2558, quarter=4
        )


def test_an_action_item_of_another_province_cannot_be_closed(cast, report):
    other = action_item_create(
        by=cast.phayao_coordinator, body=_phayao_body(cast), title="รายงาน", due_on=dt.date(2015, 10, 1)
    )
    with pytest.raises(ValidationError):
        quarterly_issue_start(by=cast.chiangrai_coordinator, report=report, action_item_id=other.pk)


def _phayao_body(cast):
    from sanphalang.meetings.services.bodies import body_create

    return body_create(
        by=cast.phayao_coordinator, name_th="สภาพลเมืองจังหวัดพะเยา", area_code="56", kind="council"
    )


def test_readers_read_writers_change_outsiders_find_nothing(cast, report):
    assert quarterly_report_get(user=cast.chiangrai_viewer, pk=report.pk) == report
    with pytest.raises(AccessDenied):
        quarterly_report_update(by=cast.chiangrai_viewer, report=report, summary="x")
    with pytest.raises(AccessDenied):
        quarterly_issue_start(by=cast.mueang_coordinator, report=report)
    with pytest.raises(Http404):
        quarterly_report_get(user=cast.phayao_coordinator, pk=report.pk)


def test_the_pages_build_issue_and_download(cast, client_for, report, governor_item):
    client = client_for(cast.chiangrai_coordinator)
    assert client.get(reverse("reports:quarterly_list")).status_code == 200
    page = client.get(reverse("reports:quarterly_detail", args=[report.pk]))
    assert page.status_code == 200 and governor_item.title in page.content.decode()
    edit = client.post(
        reverse("reports:quarterly_edit", args=[report.pk]),
        {"summary": "สรุปจากหน้าเว็บ", "problems": "", "requests": "", "version": report.version},
    )
    assert edit.status_code == 302
    issued = client.post(
        reverse("reports:quarterly_issue", args=[report.pk]), {"action_item": governor_item.pk}
    )
    assert issued.status_code == 302 and "/jobs/" in issued["Location"]
    pdf = client.get(reverse("reports:quarterly_download", args=[report.pk, 1, "pdf"]), {"digits": "thai"})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "ไตรมาส ๔/๒๕๕๘" in extract_text(io.BytesIO(pdf.content))
    docx = client_for(cast.chiangrai_viewer).get(
        reverse("reports:quarterly_download", args=[report.pk, 1, "docx"])
    )
    assert docx.status_code == 200
    assert client_for(cast.chiangrai_viewer).get(
        reverse("reports:quarterly_draft_download", args=[report.pk, "pdf"])
    ).status_code in (403, 404)
    assert (
        client_for(cast.phayao_coordinator)
        .get(reverse("reports:quarterly_detail", args=[report.pk]))
        .status_code
        == 404
    )
    assert QuarterlyEdition.objects.filter(report=report, number=1).exists()
