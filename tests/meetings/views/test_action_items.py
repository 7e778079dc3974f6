"""Pages of action items: the list with overdue ones marked, overdue per owner, and the status form."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from sanphalang.meetings.models import ActionItem
from tests.meetings.factories import council, msdhs, quarterly_item


class TestActionItemList:
    def test_overdue_items_are_highlighted_in_words_and_colour(self, cast, client_for):
        # given an overdue item and one due next month
        today = timezone.localdate()
        body = council(cast)
        late = quarterly_item(cast, body=body, due_on=today - dt.timedelta(days=3), title="ล่าช้า")
        quarterly_item(cast, body=body, due_on=today + dt.timedelta(days=30), title="ยังไม่ถึง")
        # when the coordinator opens the list
        response = client_for(cast.chiangrai_coordinator).get(reverse("meetings:action_item_list"))
        # then the overdue row is marked with the class and the word
        html = response.content.decode()
        assert response.context["nav_active"] == "actions"
        assert [item.title for item in response.context["rows"]] == ["ล่าช้า", "ยังไม่ถึง"]
        assert html.count('class="table-danger"') == 1
        assert html.count('badge text-bg-danger">') == 1
        # and the overdue filter keeps only the late one
        overdue = client_for(cast.chiangrai_coordinator).get(
            reverse("meetings:action_item_list"), {"state": "overdue"}
        )
        assert [item.pk for item in overdue.context["rows"]] == [late.pk]

    def test_it_filters_by_owner_and_body(self, cast, client_for):
        owner = msdhs(cast)
        body = council(cast)
        other_body = council_of_mueang(cast)
        mine = quarterly_item(cast, body=body, due_on=dt.date(2030, 1, 1), owner=owner)
        quarterly_item(cast, body=other_body, due_on=dt.date(2030, 1, 1))
        client = client_for(cast.chiangrai_coordinator)
        by_owner = client.get(reverse("meetings:action_item_list"), {"owner": owner.pk})
        by_body = client.get(reverse("meetings:action_item_list"), {"body": body.pk})
        assert [i.pk for i in by_owner.context["rows"]] == [mine.pk]
        assert [i.pk for i in by_body.context["rows"]] == [mine.pk]

    def test_the_outsider_sees_none_and_gets_404_on_the_item(self, cast, client_for):
        item = quarterly_item(cast, due_on=dt.date(2030, 1, 1))
        client = client_for(cast.phayao_coordinator)
        assert list(client.get(reverse("meetings:action_item_list")).context["rows"]) == []
        assert client.get(reverse("meetings:action_item_detail", args=[item.pk])).status_code == 404
        assert (
            client.post(
                reverse("meetings:action_item_detail", args=[item.pk]), {"status": "done"}
            ).status_code
            == 404
        )

    def test_the_list_runs_a_fixed_number_of_queries(self, cast, client_for, django_assert_max_num_queries):
        body = council(cast)
        owner = msdhs(cast)
        client = client_for(cast.chiangrai_coordinator)
        quarterly_item(cast, body=body, due_on=dt.date(2030, 1, 1), owner=owner)
        with django_assert_max_num_queries(14) as few:
            client.get(reverse("meetings:action_item_list"))
        for day in range(2, 20):
            quarterly_item(cast, body=body, due_on=dt.date(2030, 1, day), owner=owner)
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(reverse("meetings:action_item_list"))

    def test_overdue_by_owner_groups_and_counts_a_fixed_number_of_queries(
        self, cast, client_for, django_assert_max_num_queries
    ):
        today = timezone.localdate()
        body = council(cast)
        owner = msdhs(cast)
        client = client_for(cast.chiangrai_coordinator)
        quarterly_item(cast, body=body, due_on=today - dt.timedelta(days=1), owner=owner)
        with django_assert_max_num_queries(10) as few:
            response = client.get(reverse("meetings:overdue_by_owner"))
        assert [(o, len(items)) for o, items in response.context["groups"]] == [(owner, 1)]
        for days in range(2, 12):
            quarterly_item(
                cast, body=body, due_on=today - dt.timedelta(days=days), owner=owner if days % 2 else None
            )
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(reverse("meetings:overdue_by_owner"))
        assert sum(len(items) for _o, items in response.context["groups"]) == 11


def council_of_mueang(cast):
    from sanphalang.meetings.services.bodies import body_create

    return body_create(by=cast.mueang_coordinator, name_th="สภาองค์กรชุมชนอำเภอเมือง", area_code="5701")


class TestStatusChange:
    def test_closing_a_recurring_item_shows_and_lists_the_next_one_three_months_later(self, cast, client_for):
        # given a quarterly item due 20 October 2558
        item = quarterly_item(cast, due_on=dt.date(2015, 10, 20), owner=msdhs(cast))
        client = client_for(cast.chiangrai_coordinator)
        # when it is marked done
        response = client.post(
            reverse("meetings:action_item_detail", args=[item.pk]),
            {"status": "done", "done_on": "15/10/2558", "outcome": "ส่งรายงานแล้ว"},
            follow=True,
        )
        # then the message names the next due date and the next item is in the open list
        following = ActionItem.objects.get(series=item, sequence=2)
        assert following.due_on == dt.date(2016, 1, 20)
        messages = [str(m) for m in response.context["messages"]]
        assert any("2559" in m for m in messages)
        listing = client.get(reverse("meetings:action_item_list"))
        assert [i.pk for i in listing.context["rows"]] == [following.pk]

    def test_the_district_coordinator_cannot_close_the_provinces_item(self, cast, client_for):
        item = quarterly_item(cast, due_on=dt.date(2030, 1, 1))
        client = client_for(cast.mueang_coordinator)
        page = client.get(reverse("meetings:action_item_detail", args=[item.pk]))
        assert page.status_code == 200 and page.context["form"] is None
        assert (
            client.post(
                reverse("meetings:action_item_detail", args=[item.pk]), {"status": "done"}
            ).status_code
            == 403
        )
        item.refresh_from_db()
        assert item.status == "open"
        assert not ActionItem.objects.filter(sequence=2).exists()

    def test_the_viewer_cannot_change_a_status(self, cast, client_for):
        item = quarterly_item(cast, due_on=dt.date(2030, 1, 1))
        response = client_for(cast.chiangrai_viewer).post(
            reverse("meetings:action_item_detail", args=[item.pk]), {"status": "cancelled"}
        )
        assert response.status_code == 403
        item.refresh_from_db()
        assert item.status == "open"
