"""Attendance recorded in bulk: many lines at once, from a roster, a pasted list or the API, in one transaction.

Each line goes through attendance_record, so the rules of one line hold for many: who may record, who is a
guest, and that nobody is recorded twice. A line may name a record to create first (an organisation or a person
of the body's area), and some who came may only be counted. Either every line is recorded or none is: a line
that cannot be is reported with its place in the list (`entries.<n>.<field>`, counted from 0 as a list is)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from sanphalang.directory.models import OrganisationKind
from sanphalang.directory.services import organisation_create, person_create
from sanphalang.thai.names import clean_text, strip_person_title

from ..access import require_change_body
from ..errors import MeetingError
from ..models import Attendance, Meeting
from .meetings import attendance_record, meeting_update

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.directory.models import Organisation, Person


@dataclass(frozen=True)
class NewOrganisation:
    """An organisation the directory does not hold yet, created in the body's area."""

    name_th: str
    kind: str = OrganisationKind.OTHER


@dataclass(frozen=True)
class NewPerson:
    """A person the directory does not hold yet, created in the body's area: "นางสาวรัชนี ตรัยตรึงศ์โกศล"."""

    full_name: str


@dataclass(frozen=True)
class AttendanceEntry:
    """One line: a person, an organisation, or both, each either found in the directory or to be created."""

    person: Person | NewPerson | None = None
    organisation: Organisation | NewOrganisation | None = None
    role: str = ""


@dataclass
class AttendanceBatch:
    """What a bulk recording did."""

    recorded: list[Attendance] = field(default_factory=list)
    already: list[Attendance] = field(default_factory=list)
    created: list[Organisation | Person] = field(default_factory=list)
    head_count: int | None = None


def _line_error(number: int, name: str, error: ValidationError) -> dict[str, list[str]]:
    """A service's error for one line, under the line's place in the list."""
    if hasattr(error, "error_dict"):
        return {f"entries.{number}.{key}": messages for key, messages in error.message_dict.items()}
    return {f"entries.{number}.{name}": error.messages}


def entry_errors(error: ValidationError, places: Sequence) -> list[tuple[object | None, str, list[str]]]:
    """A refusal of attendance_record_many as (the caller's place of the entry, field, messages): a caller that
    dropped some of its lines before calling (those only counted) names each refused entry as its user wrote it.
    An error of no entry has the place None."""
    if not hasattr(error, "error_dict"):
        return [(None, "", error.messages)]
    found = []
    for key, messages in error.message_dict.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "entries" and parts[1].isdigit():
            found.append((places[int(parts[1])], parts[2], messages))
        else:
            found.append((None, key, messages))
    return found


def _new_person_fields(full_name: str) -> dict:
    title, name = strip_person_title(clean_text(full_name))
    first_name, _space, last_name = name.partition(" ")
    return {"title": title, "first_name": first_name, "last_name": last_name}


def _created(by: User, meeting: Meeting, entry: AttendanceEntry, batch: AttendanceBatch) -> AttendanceEntry:
    """The entry with the records it names created."""
    area_code = meeting.body.area_id
    person, organisation = entry.person, entry.organisation
    if isinstance(organisation, NewOrganisation):
        if not clean_text(organisation.name_th):
            raise MeetingError.NO_ATTENDEE_NAMED.error("organisation")
        organisation = organisation_create(
            by=by, kind=organisation.kind, name_th=organisation.name_th, area_code=area_code
        )
        batch.created.append(organisation)
    if isinstance(person, NewPerson):
        fields = _new_person_fields(person.full_name)
        if not fields["first_name"]:
            raise MeetingError.NO_ATTENDEE_NAMED.error("person")
        person = person_create(by=by, area_code=area_code, **fields)
        batch.created.append(person)
    return AttendanceEntry(person=person, organisation=organisation, role=entry.role)


@transaction.atomic
def attendance_record_many(
    *, by: User, meeting: Meeting, entries: Sequence[AttendanceEntry], unnamed: int = 0
) -> AttendanceBatch:
    """Record every entry at the meeting, and count `unnamed` more who came without being named.

    Someone already recorded (before, or on an earlier line) is not recorded again. The meeting's number of
    participants, when it is known or some are counted, never stays below those recorded and counted."""
    require_change_body(by, meeting.body)
    if unnamed is None or unnamed < 0:
        raise MeetingError.UNNAMED_COUNT_NEGATIVE.error("unnamed")
    batch, problems = AttendanceBatch(), {}
    for number, entry in enumerate(entries):
        if entry.person is None and entry.organisation is None:
            problems.update(_line_error(number, "person", MeetingError.NO_ATTENDEE_NAMED.error(None)))
            continue
        try:
            # A savepoint per line: a line refused leaves the transaction usable to check the others.
            with transaction.atomic():
                found = _created(by, meeting, entry, batch)
                before = meeting.attendances.filter(person=found.person, organisation=found.organisation)
                existing = before.first()
                line = attendance_record(
                    by=by,
                    meeting=meeting,
                    person=found.person,
                    organisation=found.organisation,
                    role=clean_text(found.role),
                )
        except ValidationError as error:
            problems.update(_line_error(number, "organisation" if entry.organisation else "person", error))
            continue
        (batch.already if existing else batch.recorded).append(line)
    if problems:
        raise ValidationError(problems)
    # Not meeting.attendances.count(): a meeting read for its page holds its lines as they were before.
    named = Attendance.objects.filter(meeting=meeting).count()
    if unnamed or meeting.head_count is not None:
        wanted = max(meeting.head_count or 0, named + unnamed)
        if wanted != meeting.head_count:
            meeting_update(by=by, meeting=meeting, head_count=wanted)
    batch.head_count = meeting.head_count
    return batch
