"""Writes to action items: due dates, repeating series (the next occurrence, roll-over, end, cancel) and their
corrections and removals."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sanphalang.meetings.models import ActionItem
from sanphalang.meetings.services.action_items import (
    action_item_create,
    action_item_remove,
    action_item_set_status,
    action_item_update,
    action_items_roll_over,
)
from sanphalang.meetings.services.letters import letter_create
from tests.meetings.corrections_data import MEETING_DAY, deleted_by, other_agency, snapshot
from tests.meetings.factories import meeting_3_2558, quarterly_report


def test_an_action_item_cannot_be_due_before_its_meeting(cast):
    meeting = meeting_3_2558(cast)
    with pytest.raises(ValidationError) as error:
        action_item_create(
            by=cast.chiangrai_coordinator, meeting=meeting, title="รายงานผู้ว่าฯ", due_on=dt.date(2015, 7, 1)
        )
    assert "due_on" in error.value.message_dict


def test_closing_a_quarterly_item_creates_the_next_one_three_months_later(cast):
    item = quarterly_report(cast)
    following = action_item_set_status(
        by=cast.chiangrai_coordinator, item=item, status="done", done_on=dt.date(2015, 10, 19)
    )
    assert following.due_on == dt.date(2016, 1, 20)
    assert (following.series_id, following.sequence) == (item.pk, 2)
    assert following.owner_organisation == item.owner_organisation
    # closing it again makes nothing more
    again = action_item_set_status(by=cast.chiangrai_coordinator, item=item, status="done")
    assert again == following
    assert ActionItem.objects.count() == 2


def test_an_item_that_falls_due_open_makes_its_successor_once(cast):
    item = quarterly_report(cast)
    created = action_items_roll_over(today=dt.date(2015, 10, 21))
    assert [c.due_on for c in created] == [dt.date(2016, 1, 20)]
    assert action_items_roll_over(today=dt.date(2015, 10, 22)) == []
    item.refresh_from_db()
    assert item.status == "open"  # still overdue: it stays on the list until someone closes it


def test_a_series_stops_at_its_end_date(cast):
    item = quarterly_report(cast, recurrence_until=dt.date(2016, 1, 31))
    second = action_item_set_status(by=cast.chiangrai_coordinator, item=item, status="done")
    assert second is not None
    assert action_item_set_status(by=cast.chiangrai_coordinator, item=second, status="done") is None


def test_cancelling_an_occurrence_ends_the_series(cast):
    item = quarterly_report(cast)
    second = action_item_set_status(by=cast.chiangrai_coordinator, item=item, status="done")
    action_item_set_status(by=cast.chiangrai_coordinator, item=second, status="cancelled")
    assert action_items_roll_over(today=dt.date(2030, 1, 1)) == []


class TestActionItems:
    def test_title_due_date_owners_and_outcome_are_corrected(self, cast, s1):
        agency = other_agency(cast)
        action_item_update(
            by=cast.chiangrai_coordinator,
            item=s1.single_item,
            title="ส่งรายงานการประชุมให้ อบจ.",
            due_on=dt.date(2015, 8, 15),
            owner_organisation=agency,
            owner_person=s1.member,
            outcome="ส่งแล้วทางอีเมล",
        )
        item = ActionItem.objects.get(pk=s1.single_item.pk)
        assert (item.title, item.due_on, item.owner_organisation, item.owner_person, item.outcome) == (
            "ส่งรายงานการประชุมให้ อบจ.",
            dt.date(2015, 8, 15),
            agency,
            s1.member,
            "ส่งแล้วทางอีเมล",
        )
        assert item.history.latest().history_user == cast.chiangrai_coordinator

    def test_a_due_date_before_the_meeting_is_a_field_error(self, cast, s1):
        before = snapshot()
        with pytest.raises(ValidationError) as error:
            action_item_update(
                by=cast.chiangrai_coordinator, item=s1.single_item, due_on=MEETING_DAY - dt.timedelta(days=1)
            )
        assert "due_on" in error.value.message_dict
        assert snapshot() == before

    def test_the_status_is_not_changed_here(self, cast, s1):
        with pytest.raises(ValidationError) as error:
            action_item_update(by=cast.chiangrai_coordinator, item=s1.single_item, status="done")
        assert "status" in error.value.message_dict

    def test_an_item_of_a_series_with_other_occurrences_is_not_removed(self, cast, s1):
        ActionItem.objects.create(
            body=s1.body,
            meeting=s1.meeting,
            resolution=s1.resolution,
            title="รายงานผู้ว่าฯ",
            due_on=dt.date(2016, 1, 20),
            recurrence_months=3,
            series=s1.item,
            sequence=2,
        )
        with pytest.raises(ValidationError) as error:
            action_item_remove(by=cast.chiangrai_coordinator, item=s1.item)
        assert error.value.code == "in_series"
        assert ActionItem.objects.filter(series=s1.item).count() == 2

    def test_an_item_letters_refer_to_is_not_removed(self, cast, s1):
        letter_create(
            by=cast.chiangrai_coordinator,
            body=s1.body,
            direction="out",
            dated_on=dt.date(2015, 7, 25),
            subject="ส่งรายงานการประชุม",
            counterpart=s1.office,
            action_item=s1.single_item,
        )
        with pytest.raises(ValidationError) as error:
            action_item_remove(by=cast.chiangrai_coordinator, item=s1.single_item)
        assert error.value.code == "has_letters"
        assert ActionItem.objects.filter(pk=s1.single_item.pk).exists()

    def test_an_item_recorded_by_mistake_is_removed_with_history(self, cast, s1):
        pk = s1.single_item.pk
        action_item_remove(by=cast.chiangrai_coordinator, item=s1.single_item)
        assert not ActionItem.objects.filter(pk=pk).exists()
        assert deleted_by(ActionItem, pk) == cast.chiangrai_coordinator
