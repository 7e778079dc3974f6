"""The home page's overdue and due items, and the user's own inbox."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from sanphalang.meetings.models import Notification
from tests.meetings.factories import msdhs, quarterly_item


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
        mine = Notification.objects.create(
            user=cast.chiangrai_coordinator, key="a", message="ครบกำหนดส่งรายงาน"
        )
        theirs = Notification.objects.create(user=cast.phayao_coordinator, key="a", message="ของพะเยา")
        client = client_for(cast.chiangrai_coordinator)
        page = client.get(reverse("meetings:notification_list"))
        assert list(page.context["page"]) == [mine]
        # marking someone else's notification does nothing to it
        client.post(reverse("meetings:notification_mark_read"), {"id": [mine.pk, theirs.pk]})
        mine.refresh_from_db()
        theirs.refresh_from_db()
        assert mine.read_at is not None and theirs.read_at is None
