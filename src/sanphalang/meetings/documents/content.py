"""What a printed meeting document says, worked out once so the PDF and the Word file say the same thing.

The wording is the fixed wording of a Thai official meeting record (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ):
these documents are Thai whatever language the reader's screen is in, so it is data here, not a translation.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import translation

from sanphalang.directory.models import PositionRole
from sanphalang.directory.selectors import person_shown_to
from sanphalang.thai.dates import format_be_date
from sanphalang.thai.digits import to_arabic_digits, to_thai_digits

from ..models import Meeting

MINUTES = "minutes"
AGENDA = "agenda"

TITLES = {MINUTES: "รายงานการประชุม", AGENDA: "ระเบียบวาระการประชุม"}
FILE_STEMS = {MINUTES: "minutes", AGENDA: "agenda"}
NO_ORGANISATION = "ผู้เข้าร่วมประชุมในนามบุคคล"


@dataclass
class PersonLine:
    name: str
    role: str = ""


@dataclass
class OrganisationGroup:
    """The people who came for one organisation; an organisation that came without a named person has none."""

    name: str
    people: list[PersonLine] = field(default_factory=list)


@dataclass
class AgendaEntry:
    heading: str  # "ระเบียบวาระที่ ๑"
    title: str
    description: str
    reporter: str  # the working group that reports, if any
    report: str


@dataclass
class ActionLine:
    title: str
    owner: str
    due: str
    recurrence: str


@dataclass
class ResolutionEntry:
    heading: str  # "มติที่ ๑"
    text: str
    actions: list[ActionLine]


@dataclass
class Signatory:
    name: str
    title: str
    duty: str  # "ผู้จดรายงานการประชุม"


@dataclass
class MeetingDocument:
    kind: str
    thai_digits: bool
    issuer: str
    title: str
    number: str  # "ครั้งที่ ๓/๒๕๕๘"
    date: str  # "วันที่ ๒๐ กรกฎาคม ๒๕๕๘"
    time: str  # "เวลา ๐๙.๓๐ – ๑๒.๐๐ น."
    venue: str
    chair: PersonLine | None
    members: list[OrganisationGroup]
    guests: list[OrganisationGroup]
    head_count: str  # "รวมผู้เข้าร่วมประชุม ๕๐ คน"
    opened_at: str
    closed_at: str
    agenda: list[AgendaEntry]
    minutes: list[str]
    resolutions: list[ResolutionEntry]
    signatories: list[Signatory]
    cancelled: bool

    @property
    def heading(self) -> str:
        """The one-line title: "รายงานการประชุมสภาพลเมืองจังหวัดเชียงราย ครั้งที่ ๓/๒๕๕๘"."""
        return f"{self.title} {self.number}"

    @property
    def all_action_lines(self) -> list[tuple[str, ActionLine]]:
        return [(entry.heading, action) for entry in self.resolutions for action in entry.actions]


def meeting_number(meeting: Meeting, *, thai_digits: bool) -> str:
    return _digits(f"ครั้งที่ {meeting.number}/{meeting.year_be}", thai_digits)


def file_name(meeting: Meeting, kind: str, extension: str) -> tuple[str, str]:
    """The Thai file name and a plain ASCII one for clients that cannot read the Thai one."""
    number = f"{meeting.number}-{meeting.year_be}"
    thai = f"{TITLES[kind]}{meeting.body.name_th} ครั้งที่ {number}.{extension}"
    return safe_file_name(thai), f"{FILE_STEMS[kind]}-{number}.{extension}"


def safe_file_name(name: str) -> str:
    return "".join("-" if char in '/\\:*?"<>|' or ord(char) < 32 else char for char in name)


def _digits(text: str, thai_digits: bool) -> str:
    """Official documents keep to one set of digits throughout, typed text included."""
    if not text:
        return ""
    return to_thai_digits(text) if thai_digits else to_arabic_digits(text)


def _time(value: dt.time | None) -> str:
    """Thai official style: "09.30 น."."""
    return f"{value:%H.%M} น." if value else ""


def _person_name(user, person, role: str = "") -> str:
    """The person as the document's reader may see them (person_shown_to), in Thai like the rest of it."""
    with translation.override("th"):
        return person_shown_to(user=user, person=person, role=role).name


def build_meeting_document(meeting: Meeting, *, kind: str, thai_digits: bool, user) -> MeetingDocument:
    """The content of the minutes or agenda of a meeting read through meeting_get (its prefetches are used),
    naming each person as the user who asked for it may see them."""

    def d(text: str) -> str:
        return _digits(text, thai_digits)

    body = meeting.body
    issuer = body.organisation.name_th if body.organisation_id else body.name_th
    times = _time(meeting.starts_at)
    if meeting.starts_at and meeting.ends_at:
        times = f"{meeting.starts_at:%H.%M} – {_time(meeting.ends_at)}"
    chair = None
    if meeting.chair_id:
        chair = PersonLine(d(_person_name(user, meeting.chair, PositionRole.CHAIR)), d(meeting.chair_title))

    members, guests = _attendance_groups(meeting, d, user)
    attended = meeting.head_count or len(meeting.attendances.all())
    minutes = [d(paragraph.strip()) for paragraph in meeting.minutes.split("\n") if paragraph.strip()]
    return MeetingDocument(
        kind=kind,
        thai_digits=thai_digits,
        issuer=d(issuer),
        title=d(f"{TITLES[kind]}{body.name_th}"),
        number=meeting_number(meeting, thai_digits=thai_digits),
        date="วันที่ " + format_be_date(meeting.held_on, thai_digits=thai_digits),
        time=d(f"เวลา {times}") if times else "",
        venue=d(f"ณ {meeting.venue}") if meeting.venue else "",
        chair=chair,
        members=members,
        guests=guests,
        head_count=d(f"รวมผู้เข้าร่วมประชุม {attended} คน") if attended else "",
        opened_at=d(f"เริ่มประชุมเวลา {_time(meeting.starts_at)}") if meeting.starts_at else "",
        closed_at=d(f"เลิกประชุมเวลา {_time(meeting.ends_at)}") if meeting.ends_at else "",
        agenda=[
            AgendaEntry(
                heading=d(f"ระเบียบวาระที่ {index}"),
                title=d(item.title),
                description=d(item.description.strip()),
                reporter=d(item.working_group.name_th) if item.working_group_id else "",
                report=d(item.report.strip()),
            )
            for index, item in enumerate(meeting.agenda_items.all(), start=1)
        ],
        minutes=minutes,
        resolutions=[
            ResolutionEntry(
                heading=d(f"มติที่ {resolution.number}"),
                text=d(resolution.text),
                actions=[
                    _action_line(item, thai_digits, user)
                    for item in resolution.action_items.all()
                    if item.series_id in (None, item.pk)
                ],
            )
            for resolution in meeting.resolutions.all()
        ],
        signatories=_signatories(chair),
        cancelled=meeting.status == "cancelled",
    )


def _attendance_groups(meeting: Meeting, d, user) -> tuple[list[OrganisationGroup], list[OrganisationGroup]]:
    """Members and guests, each grouped by the organisation they came for, in the order they were recorded."""
    members: dict[str, OrganisationGroup] = {}
    guests: dict[str, OrganisationGroup] = {}
    for attendance in sorted(meeting.attendances.all(), key=lambda a: a.pk):
        groups = guests if attendance.is_guest else members
        name = attendance.organisation.name_th if attendance.organisation_id else NO_ORGANISATION
        group = groups.setdefault(name, OrganisationGroup(d(name)))
        if attendance.person_id:
            group.people.append(PersonLine(d(_person_name(user, attendance.person)), d(attendance.role)))
    return list(members.values()), list(guests.values())


def _action_line(item, thai_digits: bool, user) -> ActionLine:
    owner = item.owner_organisation.name_th if item.owner_organisation_id else ""
    if item.owner_person_id:
        person = _person_name(user, item.owner_person)
        owner = f"{owner} ({person})" if owner else person
    recurrence = f"ทุก {item.recurrence_months} เดือน" if item.recurrence_months else ""
    if recurrence and item.recurrence_until:
        recurrence += " จนถึง " + format_be_date(item.recurrence_until, thai_digits=thai_digits)
    return ActionLine(
        title=_digits(item.title, thai_digits),
        owner=_digits(owner, thai_digits),
        due=format_be_date(item.due_on, thai_digits=thai_digits),
        recurrence=_digits(recurrence, thai_digits),
    )


def _signatories(chair: PersonLine | None) -> list[Signatory]:
    """The minute-taker signs with a blank for the name; the chair certifies the record."""
    taker = Signatory(name="", title="", duty="ผู้จดรายงานการประชุม")
    certifier = Signatory(
        name=chair.name if chair else "", title=chair.role if chair else "", duty="ผู้ตรวจรายงานการประชุม"
    )
    return [taker, certifier]
