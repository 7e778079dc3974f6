"""Correcting a meeting's record from the pages: the edit pages and removals, against the whole cast."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanphalang.meetings.models import ActionItem, AgendaItem, Attachment, Attendance, Membership, Resolution
from sanphalang.meetings.services.letters import letter_create
from tests.meetings.corrections_data import recorded_meeting, snapshot


@pytest.fixture
def s1(cast):
    return recorded_meeting(cast)


def _edits(s1) -> list[tuple[str, int]]:
    """(URL name prefix, pk) of one record of every kind that has an edit page."""
    return [
        ("agenda_item", s1.agenda[1].pk),
        ("attendance", s1.visitor_line.pk),
        ("resolution", s1.bare_resolution.pk),
        ("action_item", s1.single_item.pk),
        ("membership", s1.membership.pk),
        ("invitation", s1.invitation.pk),
    ]


def _valid_posts(s1) -> dict[str, dict]:
    return {
        "agenda_item": {"order": "1", "title": "แก้ไขแล้ว"},
        "attendance": {"role": "ผู้แทน"},
        "resolution": {"number": "2", "text": "แก้ไขแล้ว"},
        "action_item": {"title": "แก้ไขแล้ว", "due_on": "1/8/2558"},
        "membership": {"role": "member", "ended_on": "30/6/2558"},
        "invitation": {"response": "declined"},
    }


class TestTheOwner:
    def test_the_coordinator_corrects_an_agenda_item_from_its_page(self, cast, client_for, s1):
        # given the coordinator on the edit page of agenda item 2
        client = client_for(cast.chiangrai_coordinator)
        url = reverse("meetings:agenda_item_update", args=[s1.agenda[1].pk])
        page = client.get(url)
        assert page.status_code == 200
        assert page.context["form"]["title"].value() == "รายงานความก้าวหน้าคณะทำงาน ๗ คณะ"
        # when they correct the title, move it first and name the reporting working group
        response = client.post(
            url,
            {
                "order": "๑",
                "title": "รายงานคณะทำงาน ๗ คณะ",
                "working_group": s1.group.pk,
                "report": "ซ่อมบ้าน 618 หลัง",
            },
        )
        # then they are back at the agenda, the item is first, and its history names them
        assert response.status_code == 302
        assert response.url == reverse("meetings:meeting_detail", args=[s1.meeting.pk]) + "#agenda"
        item = AgendaItem.objects.get(pk=s1.agenda[1].pk)
        assert (item.order, item.title, item.working_group, item.report) == (
            1,
            "รายงานคณะทำงาน ๗ คณะ",
            s1.group,
            "ซ่อมบ้าน 618 หลัง",
        )
        assert AgendaItem.objects.get(pk=s1.agenda[0].pk).order == 2
        assert item.history.latest().history_user == cast.chiangrai_coordinator

    def test_every_edit_page_saves_and_names_the_coordinator(self, cast, client_for, s1):
        client = client_for(cast.chiangrai_coordinator)
        posts = _valid_posts(s1)
        models = {
            "agenda_item": AgendaItem,
            "attendance": Attendance,
            "resolution": Resolution,
            "action_item": ActionItem,
            "membership": Membership,
        }
        for key, pk in _edits(s1):
            url = reverse(f"meetings:{key}_update", args=[pk])
            assert client.get(url).status_code == 200, key
            response = client.post(url, posts[key])
            assert response.status_code == 302, (key, response.context and response.context["form"].errors)
            if key in models:
                assert (
                    models[key].history.filter(id=pk).latest().history_user == cast.chiangrai_coordinator
                ), key
        assert Attendance.objects.get(pk=s1.visitor_line.pk).role == "ผู้แทน"
        assert ActionItem.objects.get(pk=s1.single_item.pk).title == "แก้ไขแล้ว"
        assert s1.meeting.invitations.get().response == "declined"

    def test_ending_a_membership_moves_the_member_to_past_members_and_marks_them_a_guest(
        self, cast, client_for, s1
    ):
        client = client_for(cast.chiangrai_coordinator)
        response = client.post(
            reverse("meetings:membership_update", args=[s1.membership.pk]),
            {"role": "member", "started_on": "1/1/2558", "ended_on": "30/6/2558"},
        )
        assert response.status_code == 302
        body_page = client.get(reverse("meetings:body_detail", args=[s1.body.pk]))
        assert [m.person for m in body_page.context["past_members"]] == [s1.member]
        meeting_page = client.get(reverse("meetings:meeting_detail", args=[s1.meeting.pk])).content.decode()
        # the visitor and now the former member
        assert meeting_page.count("ผู้เข้าร่วมประชุม (ไม่ใช่สมาชิก)</span>") == 2

    def test_removals_go_back_to_the_page_and_keep_who_removed(self, cast, client_for, s1):
        client = client_for(cast.chiangrai_coordinator)
        line = s1.visitor_line.pk
        response = client.post(reverse("meetings:attendance_remove", args=[line]))
        assert response.status_code == 302
        assert response.url.endswith("#attendance")
        assert not Attendance.objects.filter(pk=line).exists()
        assert Attendance.history.get(id=line, history_type="-").history_user == cast.chiangrai_coordinator
        response = client.post(reverse("meetings:membership_remove", args=[s1.membership.pk]))
        assert response.url == reverse("meetings:body_detail", args=[s1.body.pk]) + "#members-heading"
        assert not Membership.objects.exists()
        item = s1.single_item.pk
        response = client.post(reverse("meetings:action_item_remove", args=[item]))
        assert response.url == reverse("meetings:meeting_detail", args=[s1.meeting.pk]) + "#resolutions"
        assert not ActionItem.objects.filter(pk=item).exists()

    def test_an_attachment_is_removed_from_the_meeting_page(self, cast, client_for, s1, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        client = client_for(cast.chiangrai_coordinator)
        client.post(
            reverse("meetings:meeting_attachment_create", args=[s1.meeting.pk]),
            {"attachment-file": SimpleUploadedFile("minutes.txt", b"signed minutes")},
        )
        attachment = Attachment.objects.get()
        page = client.get(reverse("meetings:meeting_detail", args=[s1.meeting.pk])).content.decode()
        assert reverse("meetings:attachment_remove", args=[attachment.pk]) in page
        response = client.post(reverse("meetings:attachment_remove", args=[attachment.pk]))
        assert response.status_code == 302 and response.url.endswith("#attachments")
        assert not Attachment.objects.exists()

    def test_an_attachment_of_a_letter_is_removed_from_the_letter_page(
        self, cast, client_for, s1, settings, tmp_path
    ):
        settings.MEDIA_ROOT = tmp_path
        letter = letter_create(
            by=cast.chiangrai_coordinator,
            body=s1.body,
            direction="in",
            dated_on=dt.date(2015, 8, 1),
            subject="ตอบรับ",
            counterpart=s1.office,
        )
        client = client_for(cast.chiangrai_coordinator)
        client.post(
            reverse("meetings:letter_attachment_create", args=[letter.pk]),
            {"attachment-file": SimpleUploadedFile("answer.pdf", b"%PDF-1.4")},
        )
        attachment = Attachment.objects.get()
        remove = reverse("meetings:attachment_remove", args=[attachment.pk])
        assert remove in client.get(reverse("meetings:letter_detail", args=[letter.pk])).content.decode()
        assert (
            remove
            not in client_for(cast.chiangrai_viewer)
            .get(reverse("meetings:letter_detail", args=[letter.pk]))
            .content.decode()
        )
        response = client.post(remove)
        assert response.url == reverse("meetings:letter_detail", args=[letter.pk])
        assert not Attachment.objects.exists()

    def test_a_role_brought_by_an_import_stays_choosable(self, cast, client_for, s1):
        Membership.objects.filter(pk=s1.membership.pk).update(role="ผู้แทนชุมชน")
        client = client_for(cast.chiangrai_coordinator)
        url = reverse("meetings:membership_update", args=[s1.membership.pk])
        assert ("ผู้แทนชุมชน", "ผู้แทนชุมชน") in client.get(url).context["form"].fields["role"].choices
        response = client.post(url, {"role": "ผู้แทนชุมชน", "title": "ผู้แทนตำบลบ้านดู่"})
        assert response.status_code == 302
        assert Membership.objects.get(pk=s1.membership.pk).title == "ผู้แทนตำบลบ้านดู่"

    def test_the_action_item_page_links_its_edit_page_only_for_the_owner(self, cast, client_for, s1):
        url = reverse("meetings:action_item_detail", args=[s1.single_item.pk])
        edit = reverse("meetings:action_item_update", args=[s1.single_item.pk])
        assert edit in client_for(cast.chiangrai_coordinator).get(url).content.decode()
        assert edit not in client_for(cast.chiangrai_viewer).get(url).content.decode()

    def test_a_removal_is_a_post(self, cast, client_for, s1):
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("meetings:agenda_item_remove", args=[s1.agenda[0].pk])
        )
        assert response.status_code == 405
        assert AgendaItem.objects.count() == 3


class TestBadInput:
    @pytest.mark.parametrize(
        ("key", "data", "field"),
        [
            ("agenda_item", {"order": "0", "title": "x"}, "order"),
            ("agenda_item", {"order": "1", "title": ""}, "title"),
            ("resolution", {"number": "1", "text": "รับทราบ"}, "number"),
            ("resolution", {"number": "abc", "text": "รับทราบ"}, "number"),
            ("action_item", {"title": "ส่งรายงาน", "due_on": "1/7/2558"}, "due_on"),
            ("action_item", {"title": "ส่งรายงาน", "due_on": "31/2/2558"}, "due_on"),
            ("membership", {"role": "member", "started_on": "1/1/2558", "ended_on": "1/1/2557"}, "ended_on"),
            ("membership", {"role": "emperor"}, "role"),
            ("invitation", {"response": "maybe"}, "response"),
        ],
    )
    def test_a_bad_value_is_a_field_error_with_status_400_and_nothing_changes(
        self, cast, client_for, s1, key, data, field
    ):
        before = snapshot()
        pk = dict(_edits(s1))[key]
        response = client_for(cast.chiangrai_coordinator).post(
            reverse(f"meetings:{key}_update", args=[pk]), data
        )
        assert response.status_code == 400
        assert response.context["form"].errors[field]
        assert snapshot() == before

    def test_a_resolution_with_action_items_is_not_removed_and_the_page_says_why(self, cast, client_for, s1):
        before = snapshot()
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("meetings:resolution_remove", args=[s1.resolution.pk])
        )
        assert response.status_code == 400
        assert response.context["refused"]
        assert response.context["refused"][0] in response.content.decode()
        assert snapshot() == before


class TestTheViewerAndTheDistrict:
    @pytest.mark.parametrize("who", ["chiangrai_viewer", "mueang_coordinator", "chiangrai_partner"])
    def test_they_read_the_meeting_but_every_correction_is_403_and_nothing_changes(
        self, cast, client_for, s1, who
    ):
        client = client_for(getattr(cast, who))
        before = snapshot()
        for key, pk in _edits(s1):
            assert client.get(reverse(f"meetings:{key}_update", args=[pk])).status_code == 403, key
            assert (
                client.post(reverse(f"meetings:{key}_update", args=[pk]), _valid_posts(s1)[key]).status_code
                == 403
            ), key
            assert client.post(reverse(f"meetings:{key}_remove", args=[pk])).status_code == 403, key
        assert snapshot() == before

    def test_the_pages_show_them_no_edit_or_remove_controls(self, cast, client_for, s1):
        client = client_for(cast.chiangrai_viewer)
        meeting_page = client.get(reverse("meetings:meeting_detail", args=[s1.meeting.pk])).content.decode()
        body_page = client.get(reverse("meetings:body_detail", args=[s1.body.pk])).content.decode()
        for key, pk in _edits(s1):
            for action in ("update", "remove"):
                url = reverse(f"meetings:{key}_{action}", args=[pk])
                assert url not in meeting_page and url not in body_page, url

    def test_the_owner_sees_the_controls_with_a_confirmation(self, cast, client_for, s1):
        client = client_for(cast.chiangrai_coordinator)
        meeting_page = client.get(reverse("meetings:meeting_detail", args=[s1.meeting.pk])).content.decode()
        body_page = client.get(reverse("meetings:body_detail", args=[s1.body.pk])).content.decode()
        for key, pk in _edits(s1):
            page = body_page if key == "membership" else meeting_page
            assert reverse(f"meetings:{key}_update", args=[pk]) in page, key
            if key not in ("action_item", "resolution"):  # those two are removed from their edit page
                assert reverse(f"meetings:{key}_remove", args=[pk]) in page, key
        assert 'data-confirm="' in meeting_page and "onsubmit=" not in meeting_page


class TestTheOutsider:
    def test_every_correction_is_404_and_nothing_changes(self, cast, client_for, s1, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        attachment = Attachment.objects.create(meeting=s1.meeting, title="รายงาน", file="attachments/x.pdf")
        client = client_for(cast.phayao_coordinator)
        before = snapshot()
        for key, pk in _edits(s1):
            assert client.get(reverse(f"meetings:{key}_update", args=[pk])).status_code == 404, key
            assert (
                client.post(reverse(f"meetings:{key}_update", args=[pk]), _valid_posts(s1)[key]).status_code
                == 404
            ), key
            assert client.post(reverse(f"meetings:{key}_remove", args=[pk])).status_code == 404, key
        assert client.post(reverse("meetings:attachment_remove", args=[attachment.pk])).status_code == 404
        assert snapshot() == before


def test_a_moved_meeting_decides_its_guests_again(cast, client_for, s1):
    client = client_for(cast.chiangrai_coordinator)
    response = client.post(
        reverse("meetings:meeting_update", args=[s1.meeting.pk]),
        {"held_on": "20/12/2557", "number": "3", "status": "held"},
    )
    assert response.status_code == 302
    assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is True
    assert Attendance.objects.get(pk=s1.visitor_line.pk).is_guest is True
    assert s1.meeting.history.latest().history_user == cast.chiangrai_coordinator
    assert dt.date(2014, 12, 20) == type(s1.meeting).objects.get(pk=s1.meeting.pk).held_on
