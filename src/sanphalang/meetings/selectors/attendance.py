"""Reads for recording attendance in bulk: the roster of a meeting's body, and pasted lines matched to the directory.

Lines are matched with the search the organisation and person pickers use (directory/autocomplete.py): the
directory's selectors, so only what the user's areas allow is found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import F, Q

from sanphalang.directory.models import Organisation, OrganisationKind, Person
from sanphalang.directory.selectors import organisation_list, person_list
from sanphalang.thai.digits import to_arabic_digits
from sanphalang.thai.names import clean_text, compact, expand_abbreviations, strip_person_title
from sanphalang.web.pickers import QUERY_MAX_LENGTH

from ..access import visible_q
from ..models import Meeting, Membership
from ..services.bodies import memberships_on

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

# Candidates offered for one line: more means the line should be written more fully.
CANDIDATES_PER_LINE = 8
# The most lines one list may hold: a meeting's attendance, not the directory.
MAX_LINES = 500
# "1. ", "๑) ", "12 - ", "• ": a list's numbering or bullet, not part of the name.
_NUMBERING = re.compile(r"^\s*(?:[0-9]{1,3}\s*[.)\-:]\s*|[0-9]{1,3}\s+|[•·\-*]\s*)")
# How an organisation's name opens tells its kind, to propose when it is created.
_KIND_OPENINGS = (
    (("องค์การบริหารส่วน", "อบต.", "อบจ.", "เทศบาล", "ทต.", "ทม.", "ทน."), OrganisationKind.LOCAL_GOVERNMENT),
    (("สภาองค์กรชุมชน", "สภา"), OrganisationKind.COUNCIL),
    (("กองทุนสวัสดิการ",), OrganisationKind.WELFARE_FUND),
    (("เครือข่าย",), OrganisationKind.NETWORK),
    (("ศูนย์ประสาน",), OrganisationKind.COORDINATION_CENTRE),
    (("มหาวิทยาลัย", "วิทยาลัย"), OrganisationKind.UNIVERSITY),
    (("มูลนิธิ", "สมาคม"), OrganisationKind.ASSOCIATION),
    (
        ("สำนักงาน", "ศูนย์", "กรม", "กอง", "โรงพยาบาล", "ที่ทำการ", "สถานี", "ตำรวจ", "ธนาคาร"),
        OrganisationKind.AGENCY,
    ),
    (("กลุ่ม", "ชมรม", "ชุมชน"), OrganisationKind.COMMUNITY_ORGANISATION),
)


@dataclass(frozen=True)
class RosterLine:
    """A member of the body or of one of its working groups on the meeting's day, and whether they are recorded."""

    person: Person | None
    organisation: Organisation | None
    body_name: str
    role: str
    title: str
    recorded: bool

    @property
    def key(self) -> str:
        return attendee_key(self.person, self.organisation)


@dataclass(frozen=True)
class Candidate:
    record: Organisation | Person
    recorded: bool  # already recorded at the meeting

    @property
    def is_person(self) -> bool:
        return isinstance(self.record, Person)

    @property
    def key(self) -> str:
        return attendee_key(self.record if self.is_person else None, None if self.is_person else self.record)


@dataclass
class LineMatch:
    """One pasted line and what the directory holds for it. The pickers' search also finds records that hold
    the line's words apart ("สำนักงานเกษตร…" in "…พัฒนาเกษตรกร…"): those are only suggestions. A record that
    bears the line's name, or holds it whole, is a match: one is matched, several are ambiguous, none is
    unmatched (with its suggestions, if any)."""

    number: int
    text: str
    candidates: list[Candidate] = field(default_factory=list)
    exact: int = 0  # how many candidates bear exactly the line's name (they come first)
    whole: int = 0  # how many hold the line's name whole (the exact ones included, and next)

    @property
    def match(self) -> Candidate | None:
        if self.exact == 1 or (self.exact == 0 and self.whole == 1):
            return self.candidates[0]
        return None

    @property
    def status(self) -> str:
        if self.match is not None:
            return "matched"
        return "ambiguous" if self.whole else "unmatched"


def attendee_key(person: Person | None, organisation: Organisation | None) -> str:
    """How a roster line or a candidate is named in a form: "person:12", "organisation:7", "12:7" for both."""
    if person is not None and organisation is not None:
        return f"{person.pk}:{organisation.pk}"
    return f"person:{person.pk}" if person is not None else f"organisation:{organisation.pk}"


def _recorded_keys(meeting: Meeting) -> tuple[set, set, set]:
    rows = list(meeting.attendances.values_list("person_id", "organisation_id"))
    return (
        {(p, o) for p, o in rows},
        {p for p, _o in rows if p is not None},
        {o for _p, o in rows if o is not None},
    )


def attendance_roster(*, user: User, meeting: Meeting) -> list[RosterLine]:
    """Who sat on the meeting's body, or on one of its working groups, on the meeting's day: each member once,
    the body's own members first. A person the user may not open is left out: they are recorded from their
    own area's coordinators, who see them."""
    pairs, _people, _orgs = _recorded_keys(meeting)
    memberships = (
        memberships_on(meeting.body, on=meeting.held_on)
        .filter(visible_q(user, "body__area_id"))
        .filter(
            Q(person__isnull=True) | Q(person__in=person_list(user=user).prefetch_related(None).values("pk"))
        )
        .select_related("person", "organisation", "body")
        .order_by(
            F("body__parent_id").asc(nulls_first=True),  # the body's own members, then its groups'
            "body__sort_key",
            "organisation__sort_key",
            "person__sort_key",
            "pk",
        )
    )
    lines, seen = [], set()
    for membership in memberships:
        line = _roster_line(membership, recorded=(membership.person_id, membership.organisation_id) in pairs)
        if line.key not in seen:
            seen.add(line.key)
            lines.append(line)
    return lines


def _roster_line(membership: Membership, *, recorded: bool) -> RosterLine:
    return RosterLine(
        person=membership.person,
        organisation=membership.organisation,
        body_name=membership.body.name_th,
        role=membership.role,
        title=membership.title,
        recorded=recorded,
    )


def pasted_lines(text: str) -> list[str]:
    """The names in a pasted list, one a line, without the list's numbering or bullets; blank lines dropped."""
    lines = []
    for raw in (text or "").splitlines():
        line = clean_text(_NUMBERING.sub("", to_arabic_digits(raw), count=1))
        if line:
            lines.append(line[:QUERY_MAX_LENGTH])
    return lines[:MAX_LINES]


def kind_proposed_for(name: str) -> str:
    """The kind of organisation a name suggests ("สำนักงาน…" an agency, "เทศบาล…" local government), else other."""
    text = clean_text(name)
    for openings, kind in _KIND_OPENINGS:
        if text.startswith(openings):
            return kind
    return OrganisationKind.OTHER


def _names(record: Organisation | Person) -> list[str]:
    if isinstance(record, Person):
        return [compact(record.full_name)]
    return record.search_key.split()


def attendance_lines_match(*, user: User, meeting: Meeting, lines: list[str]) -> list[LineMatch]:
    """Each line matched to the organisations and people the user's areas hold (lines_match); each candidate
    says whether it is recorded at the meeting already."""
    _pairs, recorded_people, recorded_orgs = _recorded_keys(meeting)
    return lines_match(user=user, lines=lines, recorded_people=recorded_people, recorded_orgs=recorded_orgs)


def lines_match(
    *,
    user: User,
    lines: list[str],
    recorded_people: set | frozenset = frozenset(),
    recorded_orgs: set | frozenset = frozenset(),
    people: bool = True,
    organisations: bool = True,
) -> list[LineMatch]:
    """Each line (a name as written) matched to the organisations and people the user's areas hold, as the
    pickers find them: the duplicate check before a record is created from a name. Candidates that bear the
    line's name exactly come first, then those that hold it whole, then the other suggestions."""
    matches = []
    for number, line in enumerate(lines, start=1):
        wanted = {compact(line), compact(strip_person_title(line)[1]), compact(expand_abbreviations(line))}
        wanted.discard("")
        found_organisations = (
            organisation_list(user=user, search=line)
            .prefetch_related(None)
            .select_related("area")
            .order_by("sort_key", "pk")[:CANDIDATES_PER_LINE]
            if organisations
            else []
        )
        found_people = (
            person_list(user=user, search=line)
            .prefetch_related(None)
            .select_related(None)
            .only("pk", "title", "first_name", "last_name", "area_id")[:CANDIDATES_PER_LINE]
            if people
            else []
        )
        candidates = [
            Candidate(record, recorded=record.pk in recorded_orgs) for record in found_organisations
        ] + [Candidate(record, recorded=record.pk in recorded_people) for record in found_people]
        exact, whole, rest = [], [], []
        for candidate in candidates:
            names = _names(candidate.record)
            if wanted & set(names):
                exact.append(candidate)
            elif any(key in name for key in wanted for name in names):
                whole.append(candidate)
            else:
                rest.append(candidate)
        matches.append(
            LineMatch(
                number=number,
                text=line,
                candidates=(exact + whole + rest)[:CANDIDATES_PER_LINE],
                exact=len(exact),
                whole=len(exact) + len(whole),
            )
        )
    return matches
