"""Accepting a reviewed draft (S1's report): a meeting with attendance and resolutions, people and organisations
found or created, figures as progress; all of it or nothing, each record linked back to the report."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sanphalang.directory.models import Organisation, Person
from sanphalang.errors import AccessDenied
from sanphalang.ingest.models import AcceptedRecord, DocumentStatus
from sanphalang.ingest.selectors.documents import documents_of_record, records_of_document
from sanphalang.ingest.selectors.review import review_proposal
from sanphalang.ingest.services.documents import documents_give
from sanphalang.ingest.services.review import FigureLine, MeetingPart, NameLine, Review, document_accept
from sanphalang.meetings.models import Meeting
from sanphalang.plans.models import EntryStatus, ProgressEntry
from sanphalang.plans.services.targets import indicator_create
from tests.ingest.reports import s1_report
from tests.meetings.factories import council, msdhs
from tests.plans.factories import province_plan


@pytest.fixture
def s1(cast):
    """The S1 report given by the Chiang Rai coordinator, read, with the council and the province's office."""
    body = council(cast)
    office = msdhs(cast)
    (document,), _job = documents_give(by=cast.chiangrai_coordinator, area_code="57", text=s1_report())
    return document, body, office


def _review(cast, document, body, **changes) -> Review:
    proposal = review_proposal(user=cast.chiangrai_coordinator, document=document)
    people = [
        NameLine(
            name=line.name,
            record=line.match.match.record if line.match.match else None,
            create=line.match.match is None,
            position=line.position,
            attended=True,
        )
        for line in proposal.people
    ]
    organisations = [
        NameLine(
            name=line.name,
            record=line.match.match.record if line.match.match else None,
            create=line.match.match is None,
            kind="agency",
            attended=True,
        )
        for line in proposal.organisations
    ]
    values = {
        "held_on": dt.date(2015, 7, 20),
        "meeting": MeetingPart(
            body=body,
            number=3,
            venue="ศาลากลางจังหวัดเชียงราย",
            chair_line=proposal.chair_line,
            chair_title="รองผู้ว่าราชการจังหวัดเชียงราย",
            head_count=50,
        ),
        "people": people,
        "organisations": organisations,
        "resolutions": ["ให้คณะทำงานจัดทำข้อเสนอเชิงนโยบาย", "ประชุมครั้งต่อไปภายในสามเดือน"],
    }
    values.update(changes)
    return Review(**values)


def test_it_records_the_meeting_with_its_attendance_and_resolutions(cast, s1):
    document, body, office = s1
    # when the coordinator accepts the reviewed draft
    accepted = document_accept(
        by=cast.chiangrai_coordinator, document=document, review=_review(cast, document, body)
    )
    # then the meeting 3/2558 of the council is recorded as held, chaired by the vice governor
    meeting = Meeting.objects.get()
    assert accepted.meeting == meeting
    assert (meeting.body, meeting.number, meeting.year_be, meeting.status) == (body, 3, 2558, "held")
    assert meeting.chair.first_name == "รัชกฤช"
    assert meeting.head_count == 50
    assert [r.text for r in meeting.resolutions.order_by("number")] == [
        "ให้คณะทำงานจัดทำข้อเสนอเชิงนโยบาย",
        "ประชุมครั้งต่อไปภายในสามเดือน",
    ]
    # and whoever and whatever the report names came, the province's office found in the directory, not made again
    attended = set(meeting.attendances.values_list("organisation_id", flat=True))
    assert office.pk in attended
    assert Organisation.objects.filter(name_th=office.name_th).count() == 1
    assert meeting.attendances.filter(person=meeting.chair).exists()
    # and the draft is accepted, each record linked back to it
    document.refresh_from_db()
    assert document.status == DocumentStatus.ACCEPTED
    assert document.decided_by == cast.chiangrai_coordinator
    assert meeting in records_of_document(document)
    assert documents_of_record(user=cast.chiangrai_coordinator, record=meeting) == [document]
    assert set(accepted.created) <= set(records_of_document(document))


def test_a_refusal_enters_nothing(cast, s1):
    document, body, _office = s1
    people_before, organisations_before = Person.objects.count(), Organisation.objects.count()
    # given meeting 3/2558 of the council recorded already
    from sanphalang.meetings.services.meetings import meeting_create

    meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 7, 1), number=3)
    # when the draft is accepted as meeting 3 again
    with pytest.raises(ValidationError) as refused:
        document_accept(
            by=cast.chiangrai_coordinator, document=document, review=_review(cast, document, body)
        )
    # then the refusal names the meeting's number, and no person, organisation or link was made
    assert "meeting.number" in refused.value.message_dict
    assert Person.objects.count() == people_before
    assert Organisation.objects.count() == organisations_before
    assert Meeting.objects.count() == 1
    assert not AcceptedRecord.objects.exists()
    document.refresh_from_db()
    assert document.status == DocumentStatus.READ


def test_a_meeting_needs_its_body(cast, s1):
    document, body, _office = s1
    review = _review(cast, document, body, meeting=MeetingPart(body=None))
    with pytest.raises(ValidationError) as refused:
        document_accept(by=cast.chiangrai_coordinator, document=document, review=review)
    assert refused.value.message_dict["meeting.body"]


def test_a_draft_is_accepted_once(cast, s1):
    document, body, _office = s1
    document_accept(
        by=cast.chiangrai_coordinator,
        document=document,
        review=_review(
            cast, document, body, people=[], organisations=[], meeting=MeetingPart(body=body, number=3)
        ),
    )
    with pytest.raises(ValidationError) as refused:
        document_accept(
            by=cast.chiangrai_coordinator, document=document, review=_review(cast, document, body)
        )
    assert refused.value.code == "ingest_already_decided"
    assert Meeting.objects.count() == 1


def test_it_refuses_a_coordinator_of_another_province(cast, s1):
    document, body, _office = s1
    with pytest.raises(AccessDenied):
        document_accept(by=cast.phayao_coordinator, document=document, review=_review(cast, document, body))
    assert not Meeting.objects.exists()


def test_a_figure_becomes_progress_on_the_chosen_target_with_the_meeting_as_evidence(cast, s1):
    document, body, _office = s1
    # given a target of the province's plan for fiscal year 2558
    plan = province_plan(cast, title="แผนเชียงราย 2558", year_be=2558)
    target = indicator_create(
        by=cast.chiangrai_coordinator, plan=plan, name="ผู้เข้าร่วมเวที", target=Decimal(200), unit="people"
    )
    review = _review(
        cast,
        document,
        body,
        figures=[FigureLine(value=50, about="ผู้เข้าร่วม", indicator=target, area_code="57")],
    )
    # when the draft is accepted with the figure of 50 participants on that target
    accepted = document_accept(by=cast.chiangrai_coordinator, document=document, review=review)
    # then 50 waits for approval in the quarter of 20 July 2015, with the meeting and the report as evidence
    entry = ProgressEntry.objects.get()
    assert (entry.indicator, entry.area_id, entry.value, entry.status) == (
        target,
        "57",
        Decimal(50),
        EntryStatus.SUBMITTED,
    )
    assert entry.period_start == dt.date(2015, 7, 1)
    assert entry.evidence_meeting == accepted.meeting
    assert entry.evidence_link == document.get_absolute_url()
    assert entry in records_of_document(document)


def test_a_figure_outside_the_targets_year_is_refused_at_its_line(cast, s1):
    document, body, _office = s1
    plan = province_plan(cast, title="แผนเชียงราย 2565", year_be=2565)
    target = indicator_create(
        by=cast.chiangrai_coordinator, plan=plan, name="ผู้เข้าร่วมเวที", target=Decimal(200), unit="people"
    )
    review = _review(
        cast, document, body, figures=[FigureLine(value=50, about="", indicator=target, area_code="57")]
    )
    with pytest.raises(ValidationError) as refused:
        document_accept(by=cast.chiangrai_coordinator, document=document, review=review)
    assert "figures.0.target" in refused.value.message_dict
    assert not Meeting.objects.exists()
