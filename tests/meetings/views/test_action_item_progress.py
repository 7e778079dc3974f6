"""The report form of an action item: a partner agency reports on its organisation's items and only those; the
coordinator reads who did what, when (BE); the list shows a partner their organisation's items."""

import datetime as dt

import pytest
from django.urls import reverse

from sanphalang.errors import Access
from sanphalang.meetings.models import ActionItemProgress, ActionStatus
from tests.meetings.partner_data import owned_items, partner_of


@pytest.fixture
def items(cast):
    return owned_items(cast)


def _page(item):
    return reverse("meetings:action_item_detail", args=[item.pk])


def test_a_partner_reports_on_their_organisations_item_and_the_coordinator_sees_who(cast, client_for, items):
    office, ours, _theirs = items
    partner = client_for(partner_of(cast, office))
    # given the partner's page of the item: a report form without cancelling, done on the due date by default
    page = partner.get(_page(ours))
    form = page.context["form"]
    assert [value for value, _label in form.fields["status"].choices] == ["open", "in_progress", "done"]
    assert form.initial["done_on"] == dt.date(2015, 10, 20)
    # when the partner marks it done with a note
    response = partner.post(
        _page(ours), {"status": "done", "done_on": "", "outcome": "เสนอแล้ว", "note": "ส่งรายงานแล้ว"}
    )
    assert response.status_code == 302
    # then the coordinator's page names the partner, the office and the date in the Buddhist Era
    html = client_for(cast.chiangrai_coordinator).get(_page(ours)).content.decode()
    entry = ActionItemProgress.objects.get()
    assert f"มาลี ศรีสุข ({office.name_th})" in html
    assert str(entry.recorded_at.year + 543) in html
    assert "ส่งรายงานแล้ว" in html


def test_another_organisations_item_is_refused_and_offers_no_form(cast, client_for, items):
    office, _ours, theirs = items
    partner = client_for(partner_of(cast, office))
    assert partner.get(_page(theirs)).context["form"] is None
    response = partner.post(_page(theirs), {"status": "done", "note": "ปิดให้"})
    assert response.status_code == 403
    assert str(Access.NOT_THE_OWNER_ORGANISATION.message()) in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.status == ActionStatus.OPEN


def test_the_list_shows_a_partner_their_organisations_items(cast, client_for, items):
    office, ours, _theirs = items
    client = client_for(partner_of(cast, office))
    response = client.get(reverse("meetings:action_item_list"), {"ours": "on"})
    assert [item.pk for item in response.context["rows"]] == [ours.pk]
    home = client.get(reverse("web:home")).content.decode()
    assert reverse("meetings:action_item_list") + "?ours=on" in home
