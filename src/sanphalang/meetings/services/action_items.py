"""Writes to action items: create, correct, report progress and change the status (which keeps a repeating series
going), remove."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from sanphalang.accounts.audit import validated_save
from sanphalang.thai.names import clean_text
from sanphalang.versions import expect_version

from ..access import require_change_body, require_may_cancel, require_report_on
from ..errors import MeetingError
from ..models import OPEN_STATUSES, ActionItem, ActionItemProgress, ActionStatus, Body, Meeting, Resolution
from ..recurrence import MAX_RECURRENCE_MONTHS, next_occurrence
from ..selectors.action_items import overdue_q
from .fields import apply_fields, remove_with_history

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.directory.models import Organisation, Person

ACTION_ITEM_FIELDS = {"title", "description", "due_on", "owner_organisation", "owner_person", "outcome"}


@transaction.atomic
def action_item_create(
    *,
    by: User,
    body: Body | None = None,
    title: str,
    due_on: dt.date,
    meeting: Meeting | None = None,
    resolution: Resolution | None = None,
    owner_organisation: Organisation | None = None,
    owner_person: Person | None = None,
    description: str = "",
    recurrence_months: int | None = None,
    recurrence_until: dt.date | None = None,
) -> ActionItem:
    """An action item, usually from a resolution. A recurring item repeats every N months from its due date,
    until recurrence_until or, with no end date, until the series is cancelled."""
    meeting = meeting or (resolution.meeting if resolution else None)
    body = body or (meeting.body if meeting else None)
    if body is None:
        raise MeetingError.NO_ACTION_ITEM_BODY.error("body")
    require_change_body(by, body)
    if due_on is None:
        raise MeetingError.NO_DUE_DATE.error("due_on")
    if meeting is not None and due_on < meeting.held_on:
        raise MeetingError.DUE_BEFORE_MEETING.error("due_on")
    if recurrence_months is not None:
        if not 1 <= recurrence_months <= MAX_RECURRENCE_MONTHS:
            raise MeetingError.RECURRENCE_OUT_OF_RANGE.error("recurrence_months", max=MAX_RECURRENCE_MONTHS)
        if recurrence_until is not None and recurrence_until < due_on:
            raise MeetingError.SERIES_ENDS_BEFORE_FIRST_DUE.error("recurrence_until")
    elif recurrence_until is not None:
        raise MeetingError.END_OF_SERIES_WITHOUT_REPEAT.error("recurrence_until")
    item = validated_save(
        ActionItem(
            body=body,
            meeting=meeting,
            resolution=resolution,
            title=clean_text(title),
            description=description,
            owner_organisation=owner_organisation,
            owner_person=owner_person,
            due_on=due_on,
            recurrence_months=recurrence_months,
            recurrence_until=recurrence_until,
        ),
        by,
    )
    if recurrence_months:
        item.series = item
        item.save(update_fields=["series"])
    return item


@transaction.atomic
def action_item_update(*, by: User, item: ActionItem, version: int | None = None, **fields) -> ActionItem:
    """Correct an action item: what is to be done, its due date (never before the meeting that set it), its
    owner and its outcome. The status has its own service (action_item_set_status), which keeps series going."""
    expect_version(item, version)
    require_change_body(by, item.body)
    if "title" in fields:
        fields["title"] = clean_text(fields["title"] or "")
    apply_fields(item, fields, ACTION_ITEM_FIELDS)
    if item.due_on is None:
        raise MeetingError.NO_DUE_DATE.error("due_on")
    if item.meeting_id is not None and item.due_on < item.meeting.held_on:
        raise MeetingError.DUE_BEFORE_MEETING.error("due_on")
    if (
        item.recurrence_until is not None
        and item.series_id == item.pk
        and item.due_on > item.recurrence_until
    ):
        raise MeetingError.DUE_AFTER_SERIES_END.error("due_on")
    return validated_save(item, by)


def _create_next_occurrence(item: ActionItem, by: User | None) -> ActionItem | None:
    """The successor of a recurring item, made once however often it is asked for."""
    if not item.recurrence_months or item.series_id is None:
        return None
    first = item.series
    following = next_occurrence(first.due_on, item.recurrence_months, item.sequence, item.recurrence_until)
    if following is None:
        return None
    sequence, due_on = following
    existing = ActionItem.objects.filter(series=first, sequence=sequence).first()
    if existing:
        return existing
    successor = ActionItem(
        body=item.body,
        meeting=item.meeting,
        resolution=item.resolution,
        title=item.title,
        description=item.description,
        owner_organisation=item.owner_organisation,
        owner_person=item.owner_person,
        due_on=due_on,
        recurrence_months=item.recurrence_months,
        recurrence_until=item.recurrence_until,
        series=first,
        sequence=sequence,
    )
    return validated_save(successor, by)


def default_done_on(item: ActionItem, today: dt.date | None = None) -> dt.date:
    """The completion date an item gets when none is given: its due date once that has passed (an old item recorded
    late was done by then), else today."""
    today = today or timezone.localdate()
    return min(item.due_on, today) if item.due_on else today


@transaction.atomic
def action_item_set_status(
    *,
    by: User,
    item: ActionItem,
    status: str,
    done_on: dt.date | None = None,
    outcome: str | None = None,
    note: str = "",
) -> ActionItem | None:
    """Report on an item: its status, its outcome and a progress note, by those who may change its body or by a
    partner agency on the items its organisation owns (access.require_report_on); only a coordinator cancels.
    Each report is kept as a progress entry naming who made it and for which organisation. Closing a recurring item
    creates the next; returns the next occurrence, if any."""
    require_report_on(by, item)
    if status not in ActionStatus.values:
        raise MeetingError.UNKNOWN_STATUS.error("status")
    if status == ActionStatus.CANCELLED and item.status != ActionStatus.CANCELLED:
        require_may_cancel(by, item)
    note = (note or "").strip()
    status_changed = status != item.status
    outcome_changed = outcome is not None and outcome != item.outcome
    item.status = status
    if outcome is not None:
        item.outcome = outcome
    if status == ActionStatus.DONE:
        item.done_on = done_on or default_done_on(item)
    validated_save(item, by)
    if note or status_changed or outcome_changed:
        validated_save(
            ActionItemProgress(
                item=item,
                recorded_by=by,
                organisation_id=by.organisation_id,
                note=note,
                status=status if status_changed else "",
                outcome=item.outcome if outcome_changed else "",
            ),
            by,
        )
    if status == ActionStatus.DONE:
        return _create_next_occurrence(item, by)
    if status == ActionStatus.CANCELLED and item.series_id:
        # Cancelling an occurrence ends the series: nothing more falls due.
        ActionItem.objects.filter(series_id=item.series_id, status__in=OPEN_STATUSES).exclude(
            pk=item.pk
        ).update(status=ActionStatus.CANCELLED, version=F("version") + 1)
    return None


def action_items_roll_over(*, today: dt.date, by: User | None = None) -> list[ActionItem]:
    """For each recurring item that has fallen due while still open, create its successor (idempotent)."""
    created = []
    fallen_due = ActionItem.objects.filter(
        overdue_q(today), recurrence_months__isnull=False, series__isnull=False
    )
    for item in fallen_due.select_related("series", "body"):
        with transaction.atomic():
            if not ActionItem.objects.filter(series_id=item.series_id, sequence=item.sequence + 1).exists():
                successor = _create_next_occurrence(item, by)
                if successor is not None:
                    created.append(successor)
    return created


@transaction.atomic
def action_item_remove(*, by: User, item: ActionItem) -> None:
    """Remove an action item recorded by mistake. Refused when letters refer to it (they would lose the link
    without a trace) and for an item of a repeating series that has other occurrences (removing the first
    would remove them all; removing a later one would end the series silently): cancel those instead."""
    require_change_body(by, item.body)
    if item.letters.exists():
        raise MeetingError.ACTION_ITEM_HAS_LETTERS.error(None)
    if item.series_id and ActionItem.objects.filter(series_id=item.series_id).exclude(pk=item.pk).exists():
        raise MeetingError.ACTION_ITEM_IN_SERIES.error(None)
    remove_with_history(item, by)
