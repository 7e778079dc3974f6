"""Writes to bodies and their memberships, and the guest flags of attendance lines that memberships decide."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q, QuerySet

from sanphalang.accounts.audit import validated_save
from sanphalang.areas.models import Area
from sanphalang.errors import reject_unknown_fields
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.names import clean_text
from sanphalang.versions import expect_version

from ..access import require_change_body
from ..errors import MeetingError
from ..models import Attendance, Body, Membership
from .fields import apply_fields, remove_with_history

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.directory.models import Organisation, Person

BODY_FIELDS = {
    "kind",
    "name_th",
    "name_en",
    "area_code",
    "organisation",
    "parent",
    "issue_areas",
    "description",
    "is_active",
}
MEMBERSHIP_FIELDS = {"role", "title", "started_on", "ended_on"}


@transaction.atomic
def body_create(*, by: User, name_th: str, area_code: str, **fields) -> Body:
    return body_update(by=by, body=Body(), name_th=name_th, area_code=area_code, **fields)


@transaction.atomic
def body_update(*, by: User, body: Body, version: int | None = None, **fields) -> Body:
    expect_version(body, version)
    reject_unknown_fields(fields, BODY_FIELDS)
    if body.pk:
        require_change_body(by, body)
    existed, previous_parent_id = bool(body.pk), body.parent_id
    issue_areas = fields.pop("issue_areas", None)
    if "area_code" in fields:
        code = fields.pop("area_code")
        area = Area.objects.filter(code=code).first()
        if area is None:
            raise MeetingError.NO_SUCH_AREA.error("area_code", code=code)
        body.area = area
    for name, value in fields.items():
        setattr(body, name, clean_text(value) if name.startswith("name") else value)
    # Checked again in the area the body is moving to (or is created in).
    require_change_body(by, body)
    if body.parent_id and body.pk and body.parent_id == body.pk:
        raise MeetingError.BODY_OWN_PARENT.error("parent")
    body.sort_key = thai_sort_key(body.name_th)
    validated_save(body, by)
    if issue_areas is not None:
        body.issue_areas.set(issue_areas)
    if existed and previous_parent_id != body.parent_id:
        # A working group's members count as members of the body it is part of: moving the group changes who
        # was a guest at the old and the new parent's meetings.
        members = Membership.objects.filter(body=body)
        guest_flags_refresh(
            by=by,
            attendances=attendances_of(
                body_ids=[previous_parent_id, body.parent_id],
                persons=members.values("person_id"),
                organisations=members.values("organisation_id"),
            ),
        )
    return body


# ---- memberships


@transaction.atomic
def membership_add(
    *,
    by: User,
    body: Body,
    person: Person | None = None,
    organisation: Organisation | None = None,
    role: str = "member",
    title: str = "",
    started_on: dt.date | None = None,
    ended_on: dt.date | None = None,
) -> Membership:
    require_change_body(by, body)
    membership = validated_save(
        Membership(
            body=body,
            person=person,
            organisation=organisation,
            role=role,
            title=title,
            started_on=started_on,
            ended_on=ended_on,
        ),
        by,
    )
    # A membership recorded late can make someone a member at meetings already held.
    guest_flags_refresh(by=by, attendances=attendances_touched_by(membership))
    return membership


@transaction.atomic
def membership_update(
    *, by: User, membership: Membership, version: int | None = None, **fields
) -> Membership:
    """Correct a membership: role, position title, from, until. Setting "until" ends it. Who was a guest at the
    body's meetings (and at those of the body it is part of) is decided again for this member."""
    expect_version(membership, version)
    require_change_body(by, membership.body)
    if "title" in fields:
        fields["title"] = clean_text(fields["title"] or "")
    apply_fields(membership, fields, MEMBERSHIP_FIELDS)
    if membership.started_on and membership.ended_on and membership.ended_on < membership.started_on:
        raise MeetingError.MEMBERSHIP_ENDS_BEFORE_START.error("ended_on")
    validated_save(membership, by)
    guest_flags_refresh(by=by, attendances=attendances_touched_by(membership))
    return membership


@transaction.atomic
def membership_remove(*, by: User, membership: Membership) -> None:
    """Remove a membership recorded by mistake (to end a real one, set its "until" date). Attendance lines it
    made a member's become a guest's again if no other membership covers them."""
    require_change_body(by, membership.body)
    touched = list(attendances_touched_by(membership).values_list("pk", flat=True))
    remove_with_history(membership, by)
    guest_flags_refresh(by=by, attendances=Attendance.objects.filter(pk__in=touched))


# ---- who was a member, and so who was a guest


def is_member_on(
    body: Body | int,
    *,
    person: Person | int | None = None,
    organisation: Organisation | int | None = None,
    on: dt.date,
) -> bool:
    """Whether the person or organisation sat on the body on that day (directly or in one of its working groups)."""
    who = Q(pk__in=[])
    if person is not None:
        who |= Q(person=person)
    if organisation is not None:
        who |= Q(organisation=organisation)
    return memberships_on(body, on=on).filter(who).exists()


def memberships_on(body: Body | int, *, on: dt.date) -> QuerySet[Membership]:
    """The memberships that made someone a member of the body on that day: its own and its working groups'."""
    period = (Q(started_on__isnull=True) | Q(started_on__lte=on)) & (
        Q(ended_on__isnull=True) | Q(ended_on__gte=on)
    )
    return Membership.objects.filter((Q(body=body) | Q(body__parent=body)) & period)


def attendances_of(
    *, body_ids: list[int | None], persons: list[int] | QuerySet, organisations: list[int] | QuerySet
) -> QuerySet[Attendance]:
    """Attendance lines at meetings of these bodies that name one of these people or organisations (ids, or
    subqueries of ids)."""
    return Attendance.objects.filter(
        Q(person_id__in=persons) | Q(organisation_id__in=organisations),
        meeting__body_id__in=[pk for pk in body_ids if pk is not None],
    )


def attendances_touched_by(membership: Membership) -> QuerySet[Attendance]:
    """The attendance lines whose guest flag a membership can decide: at meetings of its body and of the body
    that body is part of (see is_member_on), naming its person or its organisation."""
    return attendances_of(
        body_ids=[membership.body_id, membership.body.parent_id],
        persons=[membership.person_id] if membership.person_id else [],
        organisations=[membership.organisation_id] if membership.organisation_id else [],
    )


def guest_flags_refresh(*, by: User | None, attendances: QuerySet[Attendance]) -> int:
    """Decide again, as attendance_record does, whether each line was a guest's; save (with history) only the
    lines whose flag changes. Returns how many changed."""
    changed = 0
    for line in attendances.select_related("meeting"):
        guest = not is_member_on(
            line.meeting.body_id,
            person=line.person_id,
            organisation=line.organisation_id,
            on=line.meeting.held_on,
        )
        if guest != line.is_guest:
            line.is_guest = guest
            validated_save(line, by)
            changed += 1
    return changed
