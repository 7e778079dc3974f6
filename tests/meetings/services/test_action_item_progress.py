"""A partner agency reports on its organisation's action items, and only those (S2); every report names who made
it and for which organisation; an old item done without a date is done on its due date."""

import datetime as dt

import pytest
from django.utils import timezone

from sanphalang.errors import Access, AccessDenied
from sanphalang.meetings.models import ActionItem, ActionItemProgress, ActionStatus
from sanphalang.meetings.selectors.action_items import (
    action_item_get_for_progress,
    action_item_list,
    action_item_progress,
)
from sanphalang.meetings.services.action_items import action_item_set_status, default_done_on
from tests.meetings.factories import council, quarterly_item
from tests.meetings.partner_data import owned_items, partner_of


@pytest.fixture
def items(cast):
    return owned_items(cast)


class TestPartnerReports:
    def test_a_partner_records_progress_then_closes_their_organisations_item(self, cast, items):
        office, ours, _theirs = items
        partner = partner_of(cast, office)
        # when the partner reports progress, then marks the item done with its outcome
        action_item_set_status(by=partner, item=ours, status=ActionStatus.IN_PROGRESS, note="ส่งร่างรายงานแล้ว")
        following = action_item_set_status(
            by=partner, item=ours, status=ActionStatus.DONE, outcome="เสนอผู้ว่าฯ แล้ว", note="ส่งฉบับจริง"
        )
        # then the item is done on its due date (long past), and the next quarter's item is due
        ours.refresh_from_db()
        assert (ours.status, ours.done_on, ours.outcome) == (
            ActionStatus.DONE,
            dt.date(2015, 10, 20),
            "เสนอผู้ว่าฯ แล้ว",
        )
        assert following.due_on == dt.date(2016, 1, 20)
        # and both reports name the partner and the office
        entries = list(action_item_progress(item=ours))
        assert [(e.note, e.status, e.outcome) for e in entries] == [
            ("ส่งร่างรายงานแล้ว", ActionStatus.IN_PROGRESS, ""),
            ("ส่งฉบับจริง", ActionStatus.DONE, "เสนอผู้ว่าฯ แล้ว"),
        ]
        assert {(e.recorded_by, e.organisation) for e in entries} == {(partner, office)}

    def test_another_organisations_item_is_refused_with_the_one_message(self, cast, items):
        office, _ours, theirs = items
        partner = partner_of(cast, office)
        # when the partner tries to close the other agency's item, by the selector or the service
        with pytest.raises(AccessDenied) as by_selector:
            action_item_get_for_progress(user=partner, pk=theirs.pk)
        with pytest.raises(AccessDenied) as by_service:
            action_item_set_status(by=partner, item=theirs, status=ActionStatus.DONE, note="ปิดให้")
        # then both say whose item it is, and nothing was written
        for refusal in (by_selector.value, by_service.value):
            assert refusal.code == Access.NOT_THE_OWNER_ORGANISATION.code
            assert refusal.message == Access.NOT_THE_OWNER_ORGANISATION.message()
        theirs.refresh_from_db()
        assert theirs.status == ActionStatus.OPEN
        assert not ActionItemProgress.objects.exists()

    def test_a_partner_without_an_organisation_reports_on_nothing(self, cast, items):
        _office, ours, _theirs = items
        with pytest.raises(AccessDenied) as refusal:
            action_item_set_status(by=cast.chiangrai_partner, item=ours, status=ActionStatus.DONE)
        assert refusal.value.code == Access.NOT_THE_OWNER_ORGANISATION.code

    def test_only_a_coordinator_cancels_an_item(self, cast, items):
        office, ours, _theirs = items
        with pytest.raises(AccessDenied) as refusal:
            action_item_set_status(by=partner_of(cast, office), item=ours, status=ActionStatus.CANCELLED)
        assert refusal.value.code == Access.ONLY_COORDINATORS_CANCEL.code
        ours.refresh_from_db()
        assert ours.status == ActionStatus.OPEN

    def test_a_partner_sees_their_organisations_items_outside_their_areas(self, cast, items):
        office, ours, theirs = items
        # given a partner assigned to Phayao, working for the Chiang Rai office
        partner = partner_of(cast, office)
        partner.scope_codes = "56"
        partner.save()
        partner = type(partner).objects.get(pk=partner.pk)
        # then they see the office's item, and not the other agency's
        assert list(action_item_list(user=partner)) == [ours]
        assert action_item_get_for_progress(user=partner, pk=ours.pk) == ours
        assert theirs not in action_item_list(user=partner)

    def test_a_coordinators_report_is_kept_with_their_name(self, cast, items):
        _office, ours, _theirs = items
        action_item_set_status(
            by=cast.chiangrai_coordinator, item=ours, status=ActionStatus.OPEN, note="โทรถามแล้ว"
        )
        # a report that changes nothing and says nothing is not kept
        action_item_set_status(by=cast.chiangrai_coordinator, item=ours, status=ActionStatus.OPEN)
        entries = list(action_item_progress(item=ours))
        assert [(e.recorded_by, e.note, e.status) for e in entries] == [
            (cast.chiangrai_coordinator, "โทรถามแล้ว", "")
        ]


class TestCompletionDate:
    def test_an_old_item_is_done_on_its_due_date_and_a_future_one_today(self, cast):
        today = timezone.localdate()
        old = ActionItem(due_on=today - dt.timedelta(days=400))
        coming = ActionItem(due_on=today + dt.timedelta(days=30))
        assert default_done_on(old) == old.due_on
        assert default_done_on(coming) == today

    def test_a_date_given_is_kept(self, cast, items):
        _office, ours, _theirs = items
        action_item_set_status(
            by=cast.chiangrai_coordinator, item=ours, status=ActionStatus.DONE, done_on=dt.date(2015, 11, 2)
        )
        ours.refresh_from_db()
        assert ours.done_on == dt.date(2015, 11, 2)


def test_two_items_of_one_title_are_told_apart_by_their_due_dates(cast):
    body = council(cast)
    title = "รายงานผลการดำเนินงานต่อผู้ว่าฯ (รายไตรมาส)"
    first = quarterly_item(cast, body=body, due_on=dt.date(2015, 10, 20), title=title)
    second = quarterly_item(cast, body=body, due_on=dt.date(2016, 1, 20), title=title)
    assert str(first) != str(second)
    assert "2558" in str(first) and "2559" in str(second)
