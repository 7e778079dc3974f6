"""Accepting a reviewed draft into the records: a meeting with its attendance and resolutions, the organisations
and people it names (found in the directory, or created after the review's duplicate check), and its figures as
progress on chosen targets. One transaction: either all of it enters the records, each linked back to its report,
or nothing does. A refusal names its place in the review (`meeting.body`, `people.2.name`, `figures.0.target`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sanphalang.areas.scoping import require_write
from sanphalang.directory.models import Organisation, OrganisationKind, Person
from sanphalang.directory.services import organisation_create, person_create
from sanphalang.meetings.models import MeetingStatus
from sanphalang.meetings.services.attendance import AttendanceEntry, attendance_record_many, entry_errors
from sanphalang.meetings.services.meetings import meeting_create, resolution_add
from sanphalang.plans.periods import period_containing
from sanphalang.plans.services.progress import progress_submit
from sanphalang.thai.names import clean_text, strip_person_title

from ..errors import ReviewError
from ..models import AcceptedRecord, DocumentStatus, SourceDocument

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.meetings.models import Body, Meeting
    from sanphalang.plans.models import Indicator, ProgressEntry


@dataclass(frozen=True)
class MeetingPart:
    """The meeting the report tells of, as the reviewer corrected it."""

    body: Body | None
    number: int | None = None
    title: str = ""
    venue: str = ""
    chair_line: int | None = None  # which of the people lines chaired it
    chair_title: str = ""
    head_count: int | None = None


@dataclass(frozen=True)
class NameLine:
    """A person or an organisation the report names: matched to a record, to be created, or left out.

    For a person, name is the full name as written ("นายรัชกฤช สถิรานนท์"), position their position; for an
    organisation, name is its name and kind the kind of a new one."""

    name: str
    record: Person | Organisation | None = None
    create: bool = False
    position: str = ""
    kind: str = OrganisationKind.OTHER
    attended: bool = False

    @property
    def kept(self) -> bool:
        return self.record is not None or self.create


@dataclass(frozen=True)
class FigureLine:
    """A figure of the report entered as progress on a target, for an area."""

    value: int
    about: str
    indicator: Indicator
    area_code: str


@dataclass(frozen=True)
class Review:
    held_on: dt.date | None
    meeting: MeetingPart | None = None
    people: list[NameLine] = field(default_factory=list)
    organisations: list[NameLine] = field(default_factory=list)
    resolutions: list[str] = field(default_factory=list)
    figures: list[FigureLine] = field(default_factory=list)


@dataclass
class Accepted:
    document: SourceDocument
    meeting: Meeting | None = None
    people: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    created: list[Person | Organisation] = field(default_factory=list)
    entries: list[ProgressEntry] = field(default_factory=list)


@contextmanager
def _at(place: str) -> Iterator[None]:
    """A refusal from a service re-keyed to its place in the review: field "number" of the meeting is
    "meeting.number"; an error of no field is the place's own."""
    try:
        yield
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(
                {
                    f"{place}.{key}" if key != "__all__" else place: value
                    for key, value in error.error_dict.items()
                }
            ) from None
        raise ValidationError({place: error.error_list}) from None


def _claim(by: User, document: SourceDocument) -> None:
    """Take the draft for acceptance with a conditional UPDATE: of two acceptances at once, one lands."""
    if document.status != DocumentStatus.READ:
        decided = document.status in (DocumentStatus.ACCEPTED, DocumentStatus.DISCARDED)
        raise (ReviewError.ALREADY_DECIDED if decided else ReviewError.NOT_READ).error(None)
    if not SourceDocument.objects.filter(pk=document.pk, status=DocumentStatus.READ).update(
        status=DocumentStatus.ACCEPTED, decided_by=by, decided_at=timezone.now()
    ):
        raise ReviewError.ALREADY_DECIDED.error(None)


def _person_fields(line: NameLine) -> dict:
    title, name = strip_person_title(clean_text(line.name))
    first_name, _space, last_name = name.partition(" ")
    return {"title": title, "first_name": first_name, "last_name": last_name.strip()}


def _records_of(by: User, lines: list[NameLine], place: str, area_code: str, accepted: Accepted) -> list:
    """Each kept line's record: the one chosen, or the one created in the area (None for a line left out)."""
    records = []
    for number, line in enumerate(lines):
        record = line.record
        if record is None and line.create:
            with _at(f"{place}.{number}"):
                if not clean_text(line.name):
                    raise ReviewError.NOTHING_ACCEPTED.error("name")
                if place == "people":
                    fields = _person_fields(line)
                    if not fields["first_name"]:
                        raise ReviewError.NOTHING_ACCEPTED.error("name")
                    record = person_create(by=by, area_code=area_code, **fields)
                else:
                    record = organisation_create(
                        by=by, kind=line.kind, name_th=clean_text(line.name), area_code=area_code
                    )
            accepted.created.append(record)
        records.append(record)
    return records


def _meeting(by: User, review: Review, people: list, accepted: Accepted) -> Meeting:
    part = review.meeting
    with _at("meeting"):
        if part.body is None:
            raise ReviewError.NO_BODY.error("body")
        if review.held_on is None:
            raise ReviewError.NO_DATE.error("held_on")
        chair = None
        if part.chair_line is not None:
            if not 0 <= part.chair_line < len(people) or people[part.chair_line] is None:
                raise ReviewError.CHAIR_LEFT_OUT.error("chair_line")
            chair = people[part.chair_line]
        return meeting_create(
            by=by,
            body=part.body,
            held_on=review.held_on,
            number=part.number,
            title=clean_text(part.title),
            venue=clean_text(part.venue),
            chair=chair,
            chair_title=clean_text(part.chair_title),
            status=MeetingStatus.HELD,
            head_count=part.head_count,
        )


def _attendance(by: User, meeting: Meeting, review: Review, people: list, organisations: list) -> None:
    entries, places = [], []
    for place, lines, records in (
        ("people", review.people, people),
        ("organisations", review.organisations, organisations),
    ):
        for number, (line, record) in enumerate(zip(lines, records, strict=True)):
            if record is None or not line.attended:
                continue
            if place == "people":
                entries.append(AttendanceEntry(person=record, role=clean_text(line.position)[:200]))
            else:
                entries.append(AttendanceEntry(organisation=record))
            places.append(f"{place}.{number}")
    if not entries:
        return
    try:
        attendance_record_many(by=by, meeting=meeting, entries=entries)
    except ValidationError as error:
        problems: dict[str, list] = {}
        for place, _field, messages in entry_errors(error, places):
            problems.setdefault(place or "meeting", []).extend(messages)
        raise ValidationError(problems) from None


def _progress(by: User, document: SourceDocument, review: Review, meeting, accepted: Accepted) -> None:
    for number, line in enumerate(review.figures):
        with _at(f"figures.{number}"):
            if review.held_on is None:
                raise ReviewError.NO_DATE_FOR_PROGRESS.error("target")
            plan = line.indicator.plan
            period = period_containing(plan.period_kind, plan.year_kind, plan.year_be, review.held_on)
            if period is None:
                raise ReviewError.NO_PERIOD.error("target")
            entry = progress_submit(
                by=by,
                indicator=line.indicator,
                area_code=line.area_code,
                period_start=period.starts_on,
                value=Decimal(line.value),
                note=clean_text(line.about)[:500],
                evidence_meeting=meeting,
                evidence_link=document.get_absolute_url(),
            )
        accepted.entries.append(entry)


def _link(document: SourceDocument, records) -> None:
    seen = set()
    for record in records:
        key = (ContentType.objects.get_for_model(record).pk, record.pk)
        if key in seen:
            continue
        seen.add(key)
        AcceptedRecord.objects.create(document=document, content_type_id=key[0], object_id=key[1])


@transaction.atomic
def document_accept(*, by: User, document: SourceDocument, review: Review) -> Accepted:
    """Enter the reviewed draft into the records, all of it or nothing."""
    require_write(by, document.area_id)
    _claim(by, document)
    kept_people = [line for line in review.people if line.kept]
    kept_organisations = [line for line in review.organisations if line.kept]
    if not (review.meeting or kept_people or kept_organisations or review.figures):
        raise ReviewError.NOTHING_ACCEPTED.error(None)
    area_code = review.meeting.body.area_id if review.meeting and review.meeting.body else document.area_id
    accepted = Accepted(document=document)
    people = _records_of(by, review.people, "people", area_code, accepted)
    organisations = _records_of(by, review.organisations, "organisations", area_code, accepted)
    accepted.people = [record for record in people if record is not None]
    accepted.organisations = [record for record in organisations if record is not None]
    if review.meeting is not None:
        accepted.meeting = _meeting(by, review, people, accepted)
        _attendance(by, accepted.meeting, review, people, organisations)
        for number, text in enumerate(line for line in review.resolutions if clean_text(line)):
            with _at(f"resolutions.{number}"):
                resolution_add(by=by, meeting=accepted.meeting, text=clean_text(text))
    _progress(by, document, review, accepted.meeting, accepted)
    made = [accepted.meeting] if accepted.meeting else []
    _link(document, made + accepted.people + accepted.organisations + accepted.entries)
    document.refresh_from_db()
    return accepted
