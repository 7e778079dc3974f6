"""Pages of meetings: numbering from the form, and the meeting's page with its small forms, for the owner, the
district, the viewer and the outsider."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanphalang.directory.services import organisation_create
from sanphalang.meetings.models import (
    ActionItem,
    Attachment,
    Attendance,
    Meeting,
    Resolution,
)
from sanphalang.meetings.services.bodies import body_create, membership_add
from sanphalang.meetings.services.meetings import meeting_create, resolution_add
from tests.meetings.factories import council, msdhs, person


def meeting_form(body, **overrides):
    data = {
        "body": body.pk,
        "held_on": "20/7/2558",
        "starts_at": "09:00",
        "venue": "ศาลากลางจังหวัดเชียงราย",
        "status": "held",
        "head_count": "๕๐",
    }
    data.update(overrides)
    return data


class TestMeetingCreate:
    def test_meetings_are_numbered_1_and_2_of_the_be_year(self, cast, client_for):
        # given the council
        body = council(cast)
        client = client_for(cast.chiangrai_coordinator)
        # when two meetings are added without a number
        client.post(reverse("meetings:meeting_create"), meeting_form(body, held_on="1/3/2558"))
        response = client.post(reverse("meetings:meeting_create"), meeting_form(body, held_on="20 ก.ค. 2558"))
        # then they are 1/2558 and 2/2558, and the head count read Thai digits
        assert [(m.number, m.year_be) for m in Meeting.objects.order_by("held_on")] == [(1, 2558), (2, 2558)]
        second = Meeting.objects.get(number=2)
        assert response.url == reverse("meetings:meeting_detail", args=[second.pk])
        assert second.head_count == 50
        listing = client.get(reverse("meetings:meeting_list"), {"body": body.pk, "year": "2558"})
        assert "2/2558" in listing.content.decode()
        assert listing.context["nav_active"] == "meetings"
        # and a meeting is named in Thai as the minutes name it
        from django.utils import translation

        with translation.override("th"):
            assert str(second) == f"{body} ครั้งที่ 2/2558"

    def test_the_form_proposes_the_next_number(self, cast, client_for):
        body = council(cast)
        meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date.today())
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("meetings:meeting_create"), {"body": body.pk}
        )
        assert response.context["form"]["number"].value() == 2

    def test_a_duplicate_number_is_a_field_error(self, cast, client_for):
        # given meeting 3/2558
        body = council(cast)
        meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 7, 20), number=3)
        # when another meeting of 2558 is given number 3
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("meetings:meeting_create"), meeting_form(body, held_on="1/8/2558", number="3")
        )
        # then the number field says so and nothing was written
        assert response.status_code == 200
        assert response.context["form"].errors["number"]
        assert Meeting.objects.count() == 1

    def test_the_viewer_cannot_add_a_meeting(self, cast, client_for):
        body = council(cast)
        response = client_for(cast.chiangrai_viewer).post(
            reverse("meetings:meeting_create"), meeting_form(body)
        )
        assert response.status_code == 403
        assert not Meeting.objects.exists()

    def test_the_meeting_list_runs_a_fixed_number_of_queries(
        self, cast, client_for, django_assert_max_num_queries
    ):
        body = council(cast)
        client = client_for(cast.chiangrai_coordinator)
        meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 1, 1))
        with django_assert_max_num_queries(12) as few:
            client.get(reverse("meetings:meeting_list"))
        chair = person(cast)
        for day in range(2, 20):
            meeting_create(
                by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 2, day), chair=chair
            )
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(reverse("meetings:meeting_list"))


@pytest.fixture
def s1(cast):
    body = council(cast)
    return meeting_create(
        by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 7, 20), number=3, head_count=50
    )


class TestMeetingPage:
    def test_the_district_coordinator_reads_the_provincial_meeting_but_cannot_change_it(
        self, cast, client_for, s1
    ):
        client = client_for(cast.mueang_coordinator)
        page = client.get(reverse("meetings:meeting_detail", args=[s1.pk]))
        assert page.status_code == 200
        assert not page.context["can_edit"]
        assert client.get(reverse("meetings:meeting_update", args=[s1.pk])).status_code == 403
        response = client.post(reverse("meetings:resolution_create", args=[s1.pk]), {"resolution-text": "x"})
        assert response.status_code == 403
        assert not Resolution.objects.exists()

    def test_the_outsider_gets_404_everywhere(self, cast, client_for, s1):
        client = client_for(cast.phayao_coordinator)
        for name in ("meeting_detail", "meeting_update", "meeting_minutes"):
            assert client.get(reverse(f"meetings:{name}", args=[s1.pk])).status_code == 404
        for name in (
            "agenda_item_create",
            "attendance_create",
            "resolution_create",
            "invitation_create",
            "meeting_attachment_create",
        ):
            assert client.post(reverse(f"meetings:{name}", args=[s1.pk]), {}).status_code == 404

    def test_the_viewer_gets_403_on_writes_and_nothing_is_written(self, cast, client_for, s1):
        client = client_for(cast.chiangrai_viewer)
        page = client.get(reverse("meetings:meeting_detail", args=[s1.pk]))
        assert page.status_code == 200 and "agenda_form" not in page.context
        assert (
            client.post(
                reverse("meetings:agenda_item_create", args=[s1.pk]), {"agenda-title": "รายงาน"}
            ).status_code
            == 403
        )
        assert (
            client.post(reverse("meetings:meeting_minutes", args=[s1.pk]), {"minutes": "ประชุม"}).status_code
            == 403
        )
        s1.refresh_from_db()
        assert s1.minutes == "" and not s1.agenda_items.exists()

    def test_the_page_shows_the_number_with_the_users_digits_and_document_links_are_optional(
        self, cast, client_for, s1
    ):
        cast.chiangrai_coordinator.prefers_thai_digits = True
        cast.chiangrai_coordinator.save()
        page = client_for(cast.chiangrai_coordinator).get(reverse("meetings:meeting_detail", args=[s1.pk]))
        html = page.content.decode()
        assert "๓/๒๕๕๘" in html
        # the printed documents are linked once their pages exist
        assert f"/meetings/{s1.pk}/minutes.pdf" in html or "minutes.pdf" not in html

    def test_attendance_of_a_non_member_is_flagged_as_guest(self, cast, client_for, s1):
        # given a member organisation and a person who is not a member
        member = msdhs(cast)
        membership_add(by=cast.chiangrai_coordinator, body=s1.body, organisation=member)
        stranger = person(cast, first_name="แขก")
        client = client_for(cast.chiangrai_coordinator)
        # when both are recorded as attending
        client.post(
            reverse("meetings:attendance_create", args=[s1.pk]), {"attendance-organisation": member.pk}
        )
        client.post(
            reverse("meetings:attendance_create", args=[s1.pk]),
            {"attendance-person": stranger.pk, "attendance-role": "ผู้สังเกตการณ์"},
        )
        # then only the stranger carries the guest badge
        assert Attendance.objects.get(person=stranger).is_guest
        assert not Attendance.objects.get(organisation=member).is_guest
        page = client.get(reverse("meetings:meeting_detail", args=[s1.pk])).content.decode()
        assert page.count("ผู้เข้าร่วมประชุม (ไม่ใช่สมาชิก)</span>") == 1

    def test_agenda_item_with_a_working_group_report_and_the_minutes(self, cast, client_for, s1):
        group = body_create(
            by=cast.chiangrai_coordinator,
            name_th="คณะทำงานประเด็นสวัสดิการ",
            area_code="57",
            kind="working_group",
            parent=s1.body,
        )
        client = client_for(cast.chiangrai_coordinator)
        client.post(
            reverse("meetings:agenda_item_create", args=[s1.pk]),
            {
                "agenda-title": "รายงานความก้าวหน้าคณะทำงาน",
                "agenda-working_group": group.pk,
                "agenda-report": "จัดตั้งกองทุน 5 แห่ง",
            },
        )
        client.post(
            reverse("meetings:meeting_minutes", args=[s1.pk]), {"minutes": "เปิดประชุม", "head_count": "50"}
        )
        s1.refresh_from_db()
        assert s1.minutes == "เปิดประชุม"
        item = s1.agenda_items.get()
        assert (item.order, item.working_group) == (1, group)

    def test_a_quarterly_item_due_before_the_meeting_is_a_field_error(self, cast, client_for, s1):
        # given a resolution of meeting 3/2558 (20 July 2558)
        resolution = resolution_add(by=cast.chiangrai_coordinator, meeting=s1, text="รายงานผู้ว่าฯ ทุก 3 เดือน")
        prefix = f"action-{resolution.pk}"
        # when a quarterly item is given a due date before the meeting
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("meetings:action_item_create", args=[s1.pk, resolution.pk]),
            {
                f"{prefix}-title": "รายงานผู้ว่าราชการจังหวัด",
                f"{prefix}-due_on": "1/7/2558",
                f"{prefix}-recurrence_months": "3",
                f"{prefix}-owner_organisation": msdhs(cast).pk,
            },
        )
        # then the due date field says why, the rule is stated, and nothing was written
        assert response.status_code == 200
        form = response.context["resolutions"][0]["action_form"]
        assert form.errors["due_on"]
        assert "repeats until cancelled" in response.content.decode() or "จนกว่า" in response.content.decode()
        assert not ActionItem.objects.exists()

    def test_a_quarterly_item_is_added_under_its_resolution(self, cast, client_for, s1):
        resolution = resolution_add(by=cast.chiangrai_coordinator, meeting=s1, text="รายงานผู้ว่าฯ ทุก 3 เดือน")
        prefix = f"action-{resolution.pk}"
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("meetings:action_item_create", args=[s1.pk, resolution.pk]),
            {
                f"{prefix}-title": "รายงานผู้ว่าราชการจังหวัด",
                f"{prefix}-due_on": "20/10/2558",
                f"{prefix}-recurrence_months": "3",
            },
        )
        assert response.status_code == 302
        item = ActionItem.objects.get()
        assert (item.resolution, item.due_on, item.recurrence_months) == (
            resolution,
            dt.date(2015, 10, 20),
            3,
        )

    def test_an_attachment_is_uploaded_and_downloaded_but_not_by_the_outsider(
        self, cast, client_for, s1, settings, tmp_path
    ):
        settings.MEDIA_ROOT = tmp_path
        client = client_for(cast.chiangrai_coordinator)
        client.post(
            reverse("meetings:meeting_attachment_create", args=[s1.pk]),
            {"attachment-file": SimpleUploadedFile("minutes.txt", b"signed minutes")},
        )
        attachment = Attachment.objects.get()
        assert attachment.title == "minutes.txt"
        download = client.get(reverse("meetings:attachment_download", args=[attachment.pk]))
        assert b"".join(download.streaming_content) == b"signed minutes"
        assert (
            client_for(cast.phayao_coordinator)
            .get(reverse("meetings:attachment_download", args=[attachment.pk]))
            .status_code
            == 404
        )

    def test_an_attachment_over_10_mb_is_refused(self, cast, client_for, s1, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        big = SimpleUploadedFile("big.pdf", b"0" * (10 * 1024 * 1024 + 1))
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("meetings:meeting_attachment_create", args=[s1.pk]), {"attachment-file": big}
        )
        assert response.context["attachment_form"].errors["file"]
        assert not Attachment.objects.exists()

    def test_an_organisation_can_be_invited(self, cast, client_for, s1):
        org = organisation_create(
            by=cast.chiangrai_coordinator, kind="agency", area_code="57", name_th="องค์การบริหารส่วนจังหวัดเชียงราย"
        )
        client_for(cast.chiangrai_coordinator).post(
            reverse("meetings:invitation_create", args=[s1.pk]),
            {
                "invitation-organisation": org.pk,
                "invitation-sent_on": "1/7/2558",
                "invitation-response": "accepted",
            },
        )
        assert s1.invitations.get().organisation == org
