"""A partner agency's progress report through the API: the rules of the pages, the same refusal, who reported."""

import pytest

from sanphalang.errors import Access
from sanphalang.meetings.models import ActionItemProgress
from tests.meetings.partner_data import owned_items, partner_of


@pytest.fixture
def items(cast):
    return owned_items(cast)


def test_a_partner_reports_and_closes_their_organisations_item(cast, api_for, items):
    office, ours, _theirs = items
    client = api_for(partner_of(cast, office))
    # when the partner lists their organisation's items and reports on one
    listed = client.get("/api/action-items", {"ours": "true", "status": "open"}).json()
    response = client.post(
        f"/api/action-items/{ours.pk}/status", {"status": "done", "outcome": "เสนอแล้ว", "note": "ส่งรายงานแล้ว"}
    )
    # then the item is theirs to close, done on its due date, and the next quarter is due
    assert [row["id"] for row in listed["items"]] == [ours.pk]
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["item"]["status"], body["item"]["done_on"]) == ("done", "2015-10-20")
    assert body["next_occurrence"]["due_on"] == "2016-01-20"
    # and the coordinator reads who did it, for which organisation
    progress = api_for(cast.chiangrai_coordinator).get(f"/api/action-items/{ours.pk}/progress").json()
    assert [(p["recorded_by"], p["organisation_name_th"], p["note"], p["status"]) for p in progress] == [
        ("มาลี ศรีสุข", office.name_th, "ส่งรายงานแล้ว", "done")
    ]


def test_another_organisations_item_is_refused_with_the_one_message(cast, api_for, items):
    office, _ours, theirs = items
    response = api_for(partner_of(cast, office)).post(
        f"/api/action-items/{theirs.pk}/status", {"status": "done"}
    )
    assert response.status_code == 403
    assert response.json()["code"] == Access.NOT_THE_OWNER_ORGANISATION.code
    assert response.json()["detail"] == Access.NOT_THE_OWNER_ORGANISATION.message()
    assert not ActionItemProgress.objects.exists()


def test_a_partner_cannot_cancel_and_a_viewer_cannot_report(cast, api_for, items):
    office, ours, _theirs = items
    cancel = api_for(partner_of(cast, office)).post(
        f"/api/action-items/{ours.pk}/status", {"status": "cancelled"}
    )
    viewer = api_for(cast.chiangrai_viewer).post(f"/api/action-items/{ours.pk}/status", {"status": "done"})
    assert (cancel.status_code, cancel.json()["code"]) == (403, Access.ONLY_COORDINATORS_CANCEL.code)
    assert (viewer.status_code, viewer.json()["code"]) == (403, Access.READ_ONLY_ROLE.code)
    assert not ActionItemProgress.objects.exists()
