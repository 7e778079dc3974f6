import datetime as dt
import io

from django.core import mail
from django.core.management import call_command

from sanphalang.meetings.models import ActionItem, Notification
from tests.meetings.factories import quarterly_report


def test_remind_sends_one_digest_a_day_and_rolls_the_series_over(cast):
    # given a quarterly report that fell due on 20 October 2558 and was not closed
    quarterly_report(cast)
    cast.chiangrai_coordinator.email = "coordinator@example.org"
    cast.chiangrai_coordinator.save()
    # when the daily reminder runs the next day, twice
    out = io.StringIO()
    call_command("remind", date="21/10/2558", stdout=out)
    call_command("remind", date="2015-10-21", stdout=out)
    # then the next quarter's item exists once, and the coordinator got one notification and one e-mail
    assert ActionItem.objects.filter(due_on=dt.date(2016, 1, 20)).count() == 1
    assert Notification.objects.filter(user=cast.chiangrai_coordinator).count() == 1
    assert [m.to for m in mail.outbox] == [["coordinator@example.org"]]
    assert "รายงานความก้าวหน้าต่อผู้ว่าราชการจังหวัด" in mail.outbox[0].body
    # the outsider in Phayao is told nothing
    assert not Notification.objects.filter(user=cast.phayao_coordinator).exists()


def test_the_owner_organisation_hears_of_what_is_due_from_it(cast):
    item = quarterly_report(cast)
    cast.chiangrai_partner.organisation = item.owner_organisation
    cast.chiangrai_partner.save()
    call_command("remind", date="2015-10-10", stdout=io.StringIO())
    assert Notification.objects.filter(user=cast.chiangrai_partner).exists()


def test_the_digest_names_each_items_owner_in_thai(cast):
    # given the office's overdue quarterly report
    item = quarterly_report(cast)
    cast.chiangrai_coordinator.email = "coordinator@example.org"
    cast.chiangrai_coordinator.save()
    # when the reminder runs after it fell due
    call_command("remind", date="2015-10-21", stdout=io.StringIO())
    # then the e-mail names the owner organisation and says the due date in Thai, in the Buddhist Era
    body = mail.outbox[0].body
    assert f"{item.owner_organisation.name_th} กำหนดแล้วเสร็จ 20 ตุลาคม 2558" in body
    assert "due" not in body
