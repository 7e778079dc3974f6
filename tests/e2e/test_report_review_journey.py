"""A coordinator pastes a meeting's report, follows its reading to the draft, checks it against the report's
passages (pointing at a field marks the passage it was read from, and pointing at a passage marks its fields),
and accepts it into the records: the meeting's page follows and links back to the report."""

import re

import pytest
from playwright.sync_api import expect

from sanphalang.ingest.models import DocumentStatus, SourceDocument
from sanphalang.meetings.models import Meeting
from tests.ingest.reports import s1_report
from tests.meetings.factories import council, msdhs

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_reviews_a_pasted_report_against_its_passages_and_accepts_it(page, cast, log_in):
    body = council(cast)
    msdhs(cast)
    log_in(page, cast.chiangrai_coordinator)

    # when the coordinator pastes the report of the council's third meeting of 2558 and has it read
    page.goto("/ingest/give/")
    page.locator("#id_text").fill(s1_report())
    page.locator("main form button[type=submit]").click()

    # then the reading's page says it is done, and its result is the draft of the one report given
    document = SourceDocument.objects.get()
    assert document.status == DocumentStatus.READ
    page.locator(f".job-status[data-status=done] a[href='/ingest/{document.pk}/']").click()
    expect(page.locator("#review-form")).to_be_visible()
    date = page.locator("#id_held_on")
    expect(date).to_have_value("20/07/2558")

    # when they focus the date, the passage it was read from is marked (and no other passage is)
    date.focus()
    active = page.locator("#report-text mark.passage-active")
    expect(active).not_to_have_count(0)
    for fields in active.evaluate_all("marks => marks.map(m => m.dataset.fields)"):
        assert "event_date" in fields.split(" ")

    # when they point at the marked passage of the meeting's number, its field is marked
    number_passage = page.locator("#report-text mark.passage").filter(
        has=page.locator("xpath=self::*[contains(concat(' ', @data-fields, ' '), ' meeting_number ')]")
    )
    number_passage.first.hover()
    expect(page.locator("[data-passage=meeting_number]")).to_have_class(re.compile(r"\bpassage-active\b"))
    expect(page.locator("[data-passage=event_date]")).not_to_have_class(re.compile(r"\bpassage-active\b"))

    # when they accept the draft as it was prefilled
    expect(page.locator("#id_body")).to_have_value(str(body.pk))
    page.locator("#review-form button[type=submit]").click()

    # then the meeting's page follows, linking back to the report it came from
    expect(page).to_have_url(re.compile(r"/meetings/\d+/$"))
    meeting = Meeting.objects.get()
    assert (meeting.body_id, meeting.number) == (body.pk, 3)
    expect(page.locator(f"main a[href='/ingest/{document.pk}/']")).not_to_have_count(0)
