"""API routes of bodies, meetings, action items and letters: reads through the meetings selectors (scoped by the
body's area), writes through the meetings services."""

from collections.abc import Callable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.directory.errors import DirectoryError
from sanphalang.directory.models import Organisation
from sanphalang.directory.selectors import issue_area_list, organisation_list, person_list
from sanphalang.meetings.errors import MeetingError
from sanphalang.meetings.selectors.action_items import (
    action_item_get,
    action_item_get_for_change,
    action_item_get_for_progress,
    action_item_list,
    action_item_progress,
)
from sanphalang.meetings.selectors.attendance import attendance_lines_match, kind_proposed_for, pasted_lines
from sanphalang.meetings.selectors.bodies import body_get, body_get_for_change, body_list
from sanphalang.meetings.selectors.letters import letter_get, letter_get_for_change, letter_list
from sanphalang.meetings.selectors.meetings import (
    agenda_item_get_for_change,
    attendance_get_for_change,
    meeting_get,
    meeting_get_for_change,
    meeting_list,
    resolution_get_for_change,
    resolution_list,
)
from sanphalang.meetings.services.action_items import (
    action_item_create,
    action_item_remove,
    action_item_set_status,
    action_item_update,
)
from sanphalang.meetings.services.attendance import (
    AttendanceEntry,
    NewOrganisation,
    NewPerson,
    attendance_record_many,
    entry_errors,
)
from sanphalang.meetings.services.bodies import body_create, body_update, membership_add
from sanphalang.meetings.services.letters import letter_create, letter_update
from sanphalang.meetings.services.meetings import (
    agenda_item_add,
    agenda_item_remove,
    agenda_item_update,
    attendance_record,
    attendance_remove,
    attendance_update,
    meeting_create,
    meeting_update,
    resolution_add,
    resolution_remove,
    resolution_update,
)

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_meetings.action_items import (
    ActionItemIn,
    ActionItemOut,
    ActionItemPatch,
    ActionItemProgressOut,
    ActionItemQuery,
    ActionItemStatusIn,
    ActionItemStatusOut,
)
from .schemas_meetings.attendance import BulkAttendanceIn, BulkAttendanceOut
from .schemas_meetings.bodies import (
    BodyDetailOut,
    BodyIn,
    BodyOut,
    BodyPatch,
    BodyQuery,
    MembershipIn,
    MembershipOut,
)
from .schemas_meetings.letters import LetterDetailOut, LetterIn, LetterOut, LetterPatch, LetterQuery
from .schemas_meetings.meetings import (
    AgendaItemIn,
    AgendaItemOut,
    AgendaItemPatch,
    AttendanceIn,
    AttendanceOut,
    AttendancePatch,
    MeetingDetailOut,
    MeetingIn,
    MeetingOut,
    MeetingPatch,
    MeetingQuery,
    ResolutionIn,
    ResolutionOut,
    ResolutionPatch,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["meetings"])


# Body fields that name another record by id, and where the caller may see such records.
_REFERENCES: dict[str, Callable[..., QuerySet]] = {
    "body": body_list,
    "parent": body_list,
    "working_group": body_list,
    "organisation": organisation_list,
    "owner_organisation": organisation_list,
    "counterpart": organisation_list,
    "via": organisation_list,
    "person": person_list,
    "owner_person": person_list,
    "chair": person_list,
    "meeting": meeting_list,
    "resolution": resolution_list,
    "action_item": action_item_list,
    "in_reply_to": letter_list,
}


def _references(user, fields: dict) -> dict:
    """The payload with each id replaced by the record it names; an id the caller cannot see is bad input (422),
    not a missing page."""
    for name, find in _REFERENCES.items():
        pk = fields.get(name)
        if pk is None:
            continue
        found = find(user=user).filter(pk=pk).first()
        if found is None:
            raise ApiError(422, _("No such record, or it is outside your areas."), code="invalid", field=name)
        fields[name] = found
    return fields


def _issue_areas(user, items: list, area_code: str) -> list:
    visible = issue_area_list(user=user, province=area_code[:2])
    found = []
    for item in items:
        lookup = {"pk": item} if str(item).isdigit() else {"slug": item}
        issue = visible.filter(**lookup).first()
        if issue is None:
            raise ApiError(
                422,
                DirectoryError.UNKNOWN_ISSUE_AREA.message(value=item),
                code="invalid",
                field="issue_areas",
            )
        found.append(issue)
    return found


def _required(fields: dict, *names: str) -> None:
    for name in names:
        if name in fields and fields[name] is None:
            raise ApiError(422, _("This field is required."), code="invalid", field=name)


# ---- bodies


@router.get("/bodies", response=page_of(BodyOut))
def list_bodies(request, filters: Query[BodyQuery]):
    bodies = body_list(user=request.auth, kind=filters.kind, search=filters.q.strip())
    return paginate(bodies.order_by("sort_key", "id"), filters)


@router.post("/bodies", response={201: BodyDetailOut})
def create_body(request, payload: BodyIn):
    fields = _references(request.auth, payload.dict(exclude_unset=True))
    if fields.get("issue_areas") is not None:
        fields["issue_areas"] = _issue_areas(request.auth, fields["issue_areas"], fields["area_code"])
    body = body_create(by=request.auth, **fields)
    return Status(201, body_get(user=request.auth, pk=body.pk))


@router.get("/bodies/{body_id}", response=BodyDetailOut)
def get_body(request, body_id: RecordId):
    return body_get(user=request.auth, pk=body_id)


@router.patch("/bodies/{body_id}", response={200: BodyDetailOut, **CONFLICT})
def update_body(request, body_id: RecordId, payload: BodyPatch):
    body = body_get_for_change(user=request.auth, pk=body_id)
    fields = _references(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    _required(fields, "kind", "name_th", "area_code", "is_active")
    if fields.get("issue_areas") is not None:
        fields["issue_areas"] = _issue_areas(
            request.auth, fields["issue_areas"], fields.get("area_code") or body.area_id
        )
    body_update(by=request.auth, body=body, **fields)
    return body_get(user=request.auth, pk=body_id)


@router.post("/bodies/{body_id}/members", response={201: MembershipOut})
def add_member(request, body_id: RecordId, payload: MembershipIn):
    body = body_get_for_change(user=request.auth, pk=body_id)
    return Status(
        201, membership_add(by=request.auth, body=body, **_references(request.auth, payload.dict()))
    )


# ---- meetings


@router.get("/meetings", response=page_of(MeetingOut))
def list_meetings(request, filters: Query[MeetingQuery]):
    meetings = meeting_list(user=request.auth, body=filters.body, year_be=filters.year)
    return paginate(meetings.order_by("-held_on", "-number", "-id"), filters)


@router.post("/meetings", response={201: MeetingDetailOut})
def create_meeting(request, payload: MeetingIn):
    fields = _references(request.auth, payload.dict(exclude_unset=True))
    meeting = meeting_create(by=request.auth, **fields)
    return Status(201, meeting_get(user=request.auth, pk=meeting.pk))


@router.get("/meetings/{meeting_id}", response=MeetingDetailOut)
def get_meeting(request, meeting_id: RecordId):
    return meeting_get(user=request.auth, pk=meeting_id)


@router.patch("/meetings/{meeting_id}", response={200: MeetingDetailOut, **CONFLICT})
def update_meeting(request, meeting_id: RecordId, payload: MeetingPatch):
    meeting = meeting_get_for_change(user=request.auth, pk=meeting_id)
    fields = _references(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    _required(fields, "held_on", "number", "status")
    meeting_update(by=request.auth, meeting=meeting, **fields)
    return meeting_get(user=request.auth, pk=meeting_id)


@router.post("/meetings/{meeting_id}/agenda-items", response={201: AgendaItemOut})
def add_agenda_item(request, meeting_id: RecordId, payload: AgendaItemIn):
    meeting = meeting_get_for_change(user=request.auth, pk=meeting_id)
    return Status(
        201, agenda_item_add(by=request.auth, meeting=meeting, **_references(request.auth, payload.dict()))
    )


@router.post("/meetings/{meeting_id}/attendance", response={201: AttendanceOut})
def record_attendance(request, meeting_id: RecordId, payload: AttendanceIn):
    meeting = meeting_get_for_change(user=request.auth, pk=meeting_id)
    return Status(
        201, attendance_record(by=request.auth, meeting=meeting, **_references(request.auth, payload.dict()))
    )


def _bulk_entries(user, meeting, lines: list) -> tuple[list[AttendanceEntry], list[int], int]:
    """The payload's lines as the service's entries, each with its place in the payload, and how many are only
    counted. A line whose id the caller cannot see, or whose name matches several records or (unless told
    what to do) none, is refused at its place; nothing is recorded then."""
    entries, places, counted, problems = [], [], 0, {}
    for place, line in enumerate(lines):
        found = {}
        for name, find in (("person", person_list), ("organisation", organisation_list)):
            pk = getattr(line, name)
            if pk is not None:
                found[name] = find(user=user).filter(pk=pk).first()
                if found[name] is None:
                    problems[f"entries.{place}.{name}"] = [_("No such record, or it is outside your areas.")]
        names = pasted_lines(line.name)
        if names and not found:
            (match,) = attendance_lines_match(user=user, meeting=meeting, lines=names)
            if match.status == "ambiguous":
                candidates = ", ".join(
                    f"{candidate.record} ({candidate.key})" for candidate in match.candidates
                )
                problems[f"entries.{place}.name"] = [
                    MeetingError.ATTENDANCE_LINE_AMBIGUOUS.message(line=match.text, candidates=candidates)
                ]
                continue
            if match.match is not None:
                found["person" if match.match.is_person else "organisation"] = match.match.record
            elif line.if_unmatched == "refuse":
                problems[f"entries.{place}.name"] = [
                    MeetingError.ATTENDANCE_LINE_UNMATCHED.message(line=match.text)
                ]
                continue
            elif line.if_unmatched == "organisation":
                kind = line.kind or kind_proposed_for(match.text)
                found["organisation"] = NewOrganisation(name_th=match.text, kind=kind)
            elif line.if_unmatched == "person":
                found["person"] = NewPerson(full_name=match.text)
            else:
                counted += line.if_unmatched == "count"
                continue
        entries.append(AttendanceEntry(role=line.role, **found))
        places.append(place)
    if problems:
        raise ValidationError(problems)
    return entries, places, counted


@router.post("/meetings/{meeting_id}/attendance/bulk", response={201: BulkAttendanceOut})
def record_attendance_in_bulk(request, meeting_id: RecordId, payload: BulkAttendanceIn):
    """Record many attendance lines at once, by id or by name; all are recorded, or none (422 with each refused
    line's place, `entries.<n>.<field>`)."""
    meeting = meeting_get_for_change(user=request.auth, pk=meeting_id)
    entries, places, counted = _bulk_entries(request.auth, meeting, payload.entries)
    try:
        batch = attendance_record_many(
            by=request.auth, meeting=meeting, entries=entries, unnamed=payload.unnamed + counted
        )
    except ValidationError as error:
        raise ValidationError(
            {
                (f"entries.{place}.{field}" if place is not None else field or NON_FIELD_ERRORS): messages
                for place, field, messages in entry_errors(error, places)
            }
        ) from None
    return Status(
        201,
        {
            "recorded": batch.recorded,
            "already": batch.already,
            "created_organisation_ids": [r.pk for r in batch.created if isinstance(r, Organisation)],
            "created_person_ids": [r.pk for r in batch.created if not isinstance(r, Organisation)],
            "head_count": batch.head_count,
        },
    )


@router.post("/meetings/{meeting_id}/resolutions", response={201: ResolutionOut})
def add_resolution(request, meeting_id: RecordId, payload: ResolutionIn):
    meeting = meeting_get_for_change(user=request.auth, pk=meeting_id)
    return Status(201, resolution_add(by=request.auth, meeting=meeting, **payload.dict()))


# ---- corrections to a meeting's record: the same rules as the pages (the body's area, history naming the user)

_REMOVED = {204: None}


@router.patch("/meetings/{meeting_id}/agenda-items/{item_id}", response={200: AgendaItemOut, **CONFLICT})
def update_agenda_item(request, meeting_id: RecordId, item_id: RecordId, payload: AgendaItemPatch):
    """Correct an agenda item. A new order moves it to that place and numbers the agenda 1, 2, 3… again."""
    item = agenda_item_get_for_change(user=request.auth, pk=item_id, meeting_id=meeting_id)
    fields = _references(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    _required(fields, "title", "order", "description", "report")
    return agenda_item_update(by=request.auth, item=item, **fields)


@router.delete("/meetings/{meeting_id}/agenda-items/{item_id}", response=_REMOVED)
def remove_agenda_item(request, meeting_id: RecordId, item_id: RecordId):
    """Remove an agenda item; the items after it move up one place."""
    agenda_item_remove(
        by=request.auth, item=agenda_item_get_for_change(user=request.auth, pk=item_id, meeting_id=meeting_id)
    )
    return Status(204, None)


@router.patch("/meetings/{meeting_id}/attendance/{attendance_id}", response={200: AttendanceOut, **CONFLICT})
def update_attendance(request, meeting_id: RecordId, attendance_id: RecordId, payload: AttendancePatch):
    """Correct the role someone had at the meeting."""
    attendance = attendance_get_for_change(user=request.auth, pk=attendance_id, meeting_id=meeting_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    _required(fields, "role")
    return attendance_update(by=request.auth, attendance=attendance, **fields)


@router.delete("/meetings/{meeting_id}/attendance/{attendance_id}", response=_REMOVED)
def remove_attendance(request, meeting_id: RecordId, attendance_id: RecordId):
    """Remove an attendance line recorded by mistake."""
    attendance_remove(
        by=request.auth,
        attendance=attendance_get_for_change(user=request.auth, pk=attendance_id, meeting_id=meeting_id),
    )
    return Status(204, None)


@router.patch("/meetings/{meeting_id}/resolutions/{resolution_id}", response={200: ResolutionOut, **CONFLICT})
def update_resolution(request, meeting_id: RecordId, resolution_id: RecordId, payload: ResolutionPatch):
    """Correct a resolution's text or number (a number another resolution of the meeting has is refused)."""
    resolution = resolution_get_for_change(user=request.auth, pk=resolution_id, meeting_id=meeting_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    _required(fields, "text", "number")
    return resolution_update(by=request.auth, resolution=resolution, **fields)


@router.delete("/meetings/{meeting_id}/resolutions/{resolution_id}", response=_REMOVED)
def remove_resolution(request, meeting_id: RecordId, resolution_id: RecordId):
    """Remove a resolution recorded by mistake. Refused (422) while it has action items."""
    resolution_remove(
        by=request.auth,
        resolution=resolution_get_for_change(user=request.auth, pk=resolution_id, meeting_id=meeting_id),
    )
    return Status(204, None)


# ---- action items


@router.get("/action-items", response=page_of(ActionItemOut))
def list_action_items(request, filters: Query[ActionItemQuery]):
    items = action_item_list(
        user=request.auth,
        status=filters.status,
        overdue=filters.overdue,
        owner_organisation=request.auth.organisation_id if filters.ours else filters.owner,
        body=filters.body,
    )
    if filters.ours and not request.auth.organisation_id:
        items = items.none()
    return paginate(items.order_by("due_on", "id"), filters)


@router.post("/action-items", response={201: ActionItemOut})
def create_action_item(request, payload: ActionItemIn):
    item = action_item_create(by=request.auth, **_references(request.auth, payload.dict()))
    return Status(201, action_item_get(user=request.auth, pk=item.pk))


@router.get("/action-items/{item_id}", response=ActionItemOut)
def get_action_item(request, item_id: RecordId):
    return action_item_get(user=request.auth, pk=item_id)


@router.get("/action-items/{item_id}/progress", response=list[ActionItemProgressOut])
def list_action_item_progress(request, item_id: RecordId):
    """The reports on an item, oldest first: who made each, for which organisation, and what it said or set."""
    return list(action_item_progress(item=action_item_get(user=request.auth, pk=item_id)))


@router.post("/action-items/{item_id}/status", response=ActionItemStatusOut)
def set_action_item_status(request, item_id: RecordId, payload: ActionItemStatusIn):
    """Report on an item: its status, outcome and a progress note. A partner agency reports on the items its
    organisation owns, and only those; only a coordinator of the item's body cancels it."""
    item = action_item_get_for_progress(user=request.auth, pk=item_id)
    following = action_item_set_status(by=request.auth, item=item, **payload.dict(exclude_unset=True))
    return {
        "item": action_item_get(user=request.auth, pk=item_id),
        "next_occurrence": action_item_get(user=request.auth, pk=following.pk) if following else None,
    }


@router.patch("/action-items/{item_id}", response={200: ActionItemOut, **CONFLICT})
def update_action_item(request, item_id: RecordId, payload: ActionItemPatch):
    """Correct an action item: title, details, due date (not before its meeting), owner, outcome. The status has
    its own route, which keeps a repeating series going."""
    item = action_item_get_for_change(user=request.auth, pk=item_id)
    fields = _references(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    _required(fields, "title", "due_on", "description", "outcome")
    action_item_update(by=request.auth, item=item, **fields)
    return action_item_get(user=request.auth, pk=item_id)


@router.delete("/action-items/{item_id}", response=_REMOVED)
def remove_action_item(request, item_id: RecordId):
    """Remove an action item recorded by mistake. Refused (422) when letters refer to it, or when it is one
    occurrence of a repeating series with others: cancel it instead."""
    action_item_remove(by=request.auth, item=action_item_get_for_change(user=request.auth, pk=item_id))
    return Status(204, None)


# ---- letters


@router.get("/letters", response=page_of(LetterOut))
def list_letters(request, filters: Query[LetterQuery]):
    letters = letter_list(
        user=request.auth,
        direction=filters.direction,
        status=filters.status,
        awaiting_answer=filters.awaiting_answer,
    )
    return paginate(letters.order_by("-dated_on", "-id"), filters)


@router.post("/letters", response={201: LetterDetailOut})
def create_letter(request, payload: LetterIn):
    letter = letter_create(by=request.auth, **_references(request.auth, payload.dict(exclude_unset=True)))
    return Status(201, letter_get(user=request.auth, pk=letter.pk))


@router.get("/letters/{letter_id}", response=LetterDetailOut)
def get_letter(request, letter_id: RecordId):
    return letter_get(user=request.auth, pk=letter_id)


@router.patch("/letters/{letter_id}", response={200: LetterDetailOut, **CONFLICT})
def update_letter(request, letter_id: RecordId, payload: LetterPatch):
    letter = letter_get_for_change(user=request.auth, pk=letter_id)
    fields = _references(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    _required(fields, "direction", "dated_on", "subject", "counterpart", "status")
    letter_update(by=request.auth, letter=letter, **fields)
    return letter_get(user=request.auth, pk=letter_id)
