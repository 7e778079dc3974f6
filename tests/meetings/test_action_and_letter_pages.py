"""Action item, letter, notification and home pages: overdue marking, closing a recurring item, answers."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from sanphalang.directory.services import organisation_create
from sanphalang.meetings.models import ActionItem, Letter, Notification
from sanphalang.meetings.services import action_item_create, letter_create, meeting_create, resolution_add

from .factories import council, msdhs


def quarterly_item(cast, *, due_on, body=None, owner=None, title="รายงานผู้ว่าราชการจังหวัด"):
    body = body or council(cast)
    meeting = meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=due_on - dt.timedelta(days=90))
    resolution = resolution_add(by=cast.chiangrai_coordinator, meeting=meeting, text="รายงานทุก 3 เดือน")
    return action_item_create(by=cast.chiangrai_coordinator, resolution=resolution, title=title, due_on=due_on,
                              owner_organisation=owner, recurrence_months=3)


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
        overdue = client_for(cast.chiangrai_coordinator).get(reverse("meetings:action_item_list"),
                                                             {"state": "overdue"})
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
        assert client.post(reverse("meetings:action_item_detail", args=[item.pk]),
                           {"status": "done"}).status_code == 404

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

    def test_overdue_by_owner_groups_and_counts_a_fixed_number_of_queries(self, cast, client_for,
                                                                          django_assert_max_num_queries):
        today = timezone.localdate()
        body = council(cast)
        owner = msdhs(cast)
        client = client_for(cast.chiangrai_coordinator)
        quarterly_item(cast, body=body, due_on=today - dt.timedelta(days=1), owner=owner)
        with django_assert_max_num_queries(10) as few:
            response = client.get(reverse("meetings:overdue_by_owner"))
        assert [(o, len(items)) for o, items in response.context["groups"]] == [(owner, 1)]
        for days in range(2, 12):
            quarterly_item(cast, body=body, due_on=today - dt.timedelta(days=days),
                           owner=owner if days % 2 else None)
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(reverse("meetings:overdue_by_owner"))
        assert sum(len(items) for _o, items in response.context["groups"]) == 11


def council_of_mueang(cast):
    from sanphalang.meetings.services import body_create

    return body_create(by=cast.mueang_coordinator, name_th="สภาองค์กรชุมชนอำเภอเมือง", area_code="5701")


class TestStatusChange:
    def test_closing_a_recurring_item_shows_and_lists_the_next_one_three_months_later(self, cast, client_for):
        # given a quarterly item due 20 October 2558
        item = quarterly_item(cast, due_on=dt.date(2015, 10, 20), owner=msdhs(cast))
        client = client_for(cast.chiangrai_coordinator)
        # when it is marked done
        response = client.post(reverse("meetings:action_item_detail", args=[item.pk]),
                               {"status": "done", "done_on": "15/10/2558", "outcome": "ส่งรายงานแล้ว"}, follow=True)
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
        assert client.post(reverse("meetings:action_item_detail", args=[item.pk]),
                           {"status": "done"}).status_code == 403
        item.refresh_from_db()
        assert item.status == "open"
        assert not ActionItem.objects.filter(sequence=2).exists()

    def test_the_viewer_cannot_change_a_status(self, cast, client_for):
        item = quarterly_item(cast, due_on=dt.date(2030, 1, 1))
        response = client_for(cast.chiangrai_viewer).post(reverse("meetings:action_item_detail", args=[item.pk]),
                                                          {"status": "cancelled"})
        assert response.status_code == 403
        item.refresh_from_db()
        assert item.status == "open"


def agency(cast, name="กรมส่งเสริมการปกครองท้องถิ่น"):
    return organisation_create(by=cast.admin, kind="agency", area_code="57", name_th=name)


class TestLetters:
    def test_an_incoming_answer_marks_the_outgoing_letter_answered(self, cast, client_for):
        # given an outgoing request awaiting an answer
        body = council(cast)
        dla = agency(cast)
        request_letter = letter_create(by=cast.chiangrai_coordinator, body=body, direction="out",
                                       number="ชร 0020/123", dated_on=dt.date(2019, 5, 20),
                                       subject="ขอหารือหลักเกณฑ์การสมทบ", counterpart=dla, status="awaiting",
                                       answer_due_on=dt.date(2019, 6, 20))
        client = client_for(cast.chiangrai_coordinator)
        # when the answer is recorded from the letter's "record the answer" link
        form = client.get(reverse("meetings:letter_create"), {"in_reply_to": request_letter.pk}).context["form"]
        assert form.initial["direction"] == "in"
        response = client.post(reverse("meetings:letter_create"), {
            "body": body.pk, "direction": "in", "number": "มท 0891.4/456", "dated_on": "1/7/2562",
            "subject": "ตอบข้อหารือ", "counterpart": dla.pk, "status": "received",
            "in_reply_to": request_letter.pk})
        # then the outgoing letter is answered and links its answer
        assert response.status_code == 302
        request_letter.refresh_from_db()
        assert request_letter.status == "answered"
        page = client.get(reverse("meetings:letter_detail", args=[request_letter.pk]))
        assert "ตอบข้อหารือ" in page.content.decode()

    def test_a_letter_whose_answer_is_late_is_highlighted(self, cast, client_for):
        body = council(cast)
        letter_create(by=cast.chiangrai_coordinator, body=body, direction="out", dated_on=dt.date(2019, 5, 20),
                      subject="ขอข้อมูล", counterpart=agency(cast), status="awaiting",
                      answer_due_on=dt.date(2019, 6, 20))
        response = client_for(cast.chiangrai_coordinator).get(reverse("meetings:letter_list"))
        assert [letter.answer_late for letter in response.context["rows"]] == [True]
        assert 'class="table-warning"' in response.content.decode()

    def test_outsider_and_viewer(self, cast, client_for):
        body = council(cast)
        letter = letter_create(by=cast.chiangrai_coordinator, body=body, direction="out",
                               dated_on=dt.date(2019, 5, 20), subject="ขอข้อมูล", counterpart=agency(cast))
        outsider = client_for(cast.phayao_coordinator)
        assert outsider.get(reverse("meetings:letter_detail", args=[letter.pk])).status_code == 404
        assert outsider.get(reverse("meetings:letter_update", args=[letter.pk])).status_code == 404
        viewer = client_for(cast.chiangrai_viewer)
        assert viewer.get(reverse("meetings:letter_detail", args=[letter.pk])).status_code == 200
        response = viewer.post(reverse("meetings:letter_update", args=[letter.pk]), {"subject": "แก้"})
        assert response.status_code == 403
        assert Letter.objects.get().subject == "ขอข้อมูล"

    def test_the_letter_list_runs_a_fixed_number_of_queries(self, cast, client_for, django_assert_max_num_queries):
        body = council(cast)
        dla = agency(cast)
        client = client_for(cast.chiangrai_coordinator)
        letter_create(by=cast.chiangrai_coordinator, body=body, direction="out", dated_on=dt.date(2019, 5, 1),
                      subject="หนังสือ 0", counterpart=dla)
        with django_assert_max_num_queries(10) as few:
            client.get(reverse("meetings:letter_list"))
        for n in range(1, 15):
            letter_create(by=cast.chiangrai_coordinator, body=body, direction="in", dated_on=dt.date(2019, 5, n),
                          subject=f"หนังสือ {n}", counterpart=dla, via=dla)
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(reverse("meetings:letter_list"))


class TestHomeAndInbox:
    def test_the_home_page_shows_overdue_items_to_the_coordinator(self, cast, client_for):
        today = timezone.localdate()
        late = quarterly_item(cast, due_on=today - dt.timedelta(days=10), owner=msdhs(cast))
        response = client_for(cast.chiangrai_coordinator).get(reverse("web:home"))
        assert response.context["overdue_count"] == 1
        assert response.context["overdue_items"] == [late]
        assert late.title in response.content.decode()
        # a viewer has no overdue card, only what is due from them
        viewer = client_for(cast.chiangrai_viewer).get(reverse("web:home"))
        assert "overdue_count" not in viewer.context and viewer.context["due_from_you"] == []

    def test_the_home_page_shows_what_is_due_from_the_users_organisation(self, cast, client_for):
        owner = msdhs(cast)
        cast.chiangrai_partner.organisation = owner
        cast.chiangrai_partner.save()
        item = quarterly_item(cast, due_on=dt.date(2030, 1, 1), owner=owner)
        response = client_for(cast.chiangrai_partner).get(reverse("web:home"))
        assert response.context["due_from_you"] == [item]

    def test_the_inbox_lists_only_the_users_notifications_and_marks_them_read(self, cast, client_for):
        mine = Notification.objects.create(user=cast.chiangrai_coordinator, key="a", message="ครบกำหนดส่งรายงาน")
        theirs = Notification.objects.create(user=cast.phayao_coordinator, key="a", message="ของพะเยา")
        client = client_for(cast.chiangrai_coordinator)
        page = client.get(reverse("meetings:notification_list"))
        assert list(page.context["page"]) == [mine]
        # marking someone else's notification does nothing to it
        client.post(reverse("meetings:notification_mark_read"), {"id": [mine.pk, theirs.pk]})
        mine.refresh_from_db()
        theirs.refresh_from_db()
        assert mine.read_at is not None and theirs.read_at is None
