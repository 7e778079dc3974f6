"""Attendance in bulk on the meeting's page: the roster to tick, a pasted list reviewed then confirmed, and the
spreadsheet upload that leads to the import's preview."""

from django.urls import reverse

from sanphalang.directory.models import Organisation
from sanphalang.meetings.models import Attendance
from sanphalang.meetings.services.meetings import attendance_record
from tests.meetings.attendance_data import (
    KNOWN_AGENCIES,
    MSDHS,
    NEW_AGENCIES,
    s1_with_directory,
    s1_with_members,
)


def _url(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.pk])


def _review(client, meeting, text, **extra):
    return client.post(_url("attendance_paste", meeting), {"paste-names": text, **extra})


def _confirm(client, meeting, lines, choices=None, **extra):
    data = {f"review-line_{n}": line for n, line in enumerate(lines, start=1)}
    data.update({f"review-choice_{n}": choice for n, choice in (choices or {}).items()})
    data.update({f"review-kind_{n}": "agency" for n in range(1, len(lines) + 1)})
    data.update({f"review-{key}": value for key, value in extra.items()})
    return client.post(_url("attendance_paste_confirm", meeting), data)


class TestRoster:
    def test_the_page_lists_the_members_with_those_recorded_shown_as_such(self, cast, client_for):
        # given a council and its working group, one member recorded
        meeting, members, former = s1_with_members(cast)
        attendance_record(by=cast.chiangrai_coordinator, meeting=meeting, organisation=members[0])
        # when the meeting's page is opened
        page = client_for(cast.chiangrai_coordinator).get(_url("meeting_detail", meeting)).content.decode()
        # then the members who may be ticked are boxes, the recorded one a ticked box that cannot change
        for member in members[1:]:
            assert f'name="roster-attendees" value="organisation:{member.pk}"' in page
        assert f'value="organisation:{members[0].pk}"' not in page
        assert "checked disabled" in page
        assert former.name_th not in page.split('id="attendance-roster"')[1].split("</details>")[0]
        assert 'data-ticks="all"' in page and 'data-ticks="none"' in page

    def test_the_ticked_members_are_recorded_at_once(self, cast, client_for):
        meeting, members, _former = s1_with_members(cast)
        client = client_for(cast.chiangrai_coordinator)
        # when three are ticked
        response = client.post(
            _url("attendance_roster", meeting),
            {"roster-attendees": [f"organisation:{m.pk}" for m in members[2:]]},
        )
        # then they are recorded as members, not guests
        assert response.status_code == 302
        lines = Attendance.objects.filter(meeting=meeting)
        assert {line.organisation for line in lines} == set(members[2:])
        assert not any(line.is_guest for line in lines)

    def test_nothing_ticked_is_told_and_a_key_off_the_roster_refused(self, cast, client_for):
        meeting, _members, former = s1_with_members(cast)
        client = client_for(cast.chiangrai_coordinator)
        empty = client.post(_url("attendance_roster", meeting), {})
        off_roster = client.post(
            _url("attendance_roster", meeting), {"roster-attendees": f"organisation:{former.pk}"}
        )
        assert empty.status_code == off_roster.status_code == 200
        assert "กรุณาเลือกสมาชิกอย่างน้อยหนึ่งราย" in empty.content.decode()
        assert not Attendance.objects.filter(meeting=meeting).exists()


class TestPastedList:
    def test_the_review_shows_each_line_matched_ambiguous_or_unmatched(self, cast, client_for):
        meeting = s1_with_directory(cast)
        client = client_for(cast.chiangrai_coordinator)
        # when a numbered list is pasted
        text = f"๑. {KNOWN_AGENCIES[2]}\n2. พมจ.เชียงราย\n3. สำนักงาน\n4. {NEW_AGENCIES[0]}\n"
        page = _review(client, meeting, text).content.decode()
        # then each line shows its match, nothing is recorded yet
        msdhs_pk = Organisation.objects.get(name_th=MSDHS).pk
        assert f'<option value="organisation:{msdhs_pk}" selected>' in page
        assert page.count('name="review-line_') == 4
        assert "ตรงกัน" in page and "ไม่พบในทำเนียบ" in page
        assert not Attendance.objects.filter(meeting=meeting).exists()

    def test_one_confirmation_records_matched_lines_creates_the_new_and_counts_the_rest(
        self, cast, client_for
    ):
        meeting = s1_with_directory(cast)
        meeting.head_count = None
        meeting.save()
        client = client_for(cast.chiangrai_coordinator)
        lines = [KNOWN_AGENCIES[2], NEW_AGENCIES[0], NEW_AGENCIES[1], "นายสมชาย ใจดี"]
        labour = Organisation.objects.get(name_th=KNOWN_AGENCIES[2])
        # when the new agency lines are to be created, the person line counted, and two more counted in Thai digits
        response = _confirm(
            client,
            meeting,
            lines,
            {1: f"organisation:{labour.pk}", 4: "count"},
            unmatched="new-organisation",
            unnamed="๒",
        )
        # then three lines are recorded, the agencies created, and the meeting had six participants
        assert response.status_code == 302
        assert meeting.attendances.count() == 3
        assert Organisation.objects.get(name_th=NEW_AGENCIES[1]).kind == "agency"
        meeting.refresh_from_db()
        assert meeting.head_count == 6

    def test_a_line_left_without_a_choice_records_nothing(self, cast, client_for):
        meeting = s1_with_directory(cast)
        client = client_for(cast.chiangrai_coordinator)
        response = _confirm(
            client, meeting, [KNOWN_AGENCIES[0], "สำนักงาน", NEW_AGENCIES[0]], {3: "new-organisation"}
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert "กรุณาเลือกว่าจะบันทึกบรรทัดนี้อย่างไร" in page
        assert not meeting.attendances.exists()
        assert not Organisation.objects.filter(name_th=NEW_AGENCIES[0]).exists()

    def test_a_choice_of_a_record_the_line_did_not_find_is_refused(self, cast, client_for):
        # given an organisation of Phayao, which a Chiang Rai coordinator does not see
        meeting = s1_with_directory(cast)
        phayao = Organisation.objects.create(kind="agency", name_th="สำนักงานแรงงานจังหวัดพะเยา", area_id="56")
        client = client_for(cast.chiangrai_coordinator)
        response = _confirm(client, meeting, [KNOWN_AGENCIES[2]], {1: f"organisation:{phayao.pk}"})
        assert response.status_code == 400
        assert not meeting.attendances.exists()

    def test_an_empty_list_is_told_on_the_meeting_page(self, cast, client_for):
        meeting = s1_with_directory(cast)
        response = _review(client_for(cast.chiangrai_coordinator), meeting, " \n1.\n")
        assert response.status_code == 200
        assert "กรุณาเขียนชื่ออย่างน้อยหนึ่งชื่อ" in response.content.decode()


def test_the_spreadsheet_upload_leads_to_the_attendance_import_of_this_meeting(cast, client_for):
    meeting = s1_with_directory(cast)
    client = client_for(cast.chiangrai_coordinator)
    page = client.get(_url("meeting_detail", meeting)).content.decode()
    assert f'action="{reverse("imports:index")}"' in page
    assert f'name="meeting" value="{meeting.pk}"' in page
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "attendance.csv",
        f"องค์กร\n{KNOWN_AGENCIES[2]}\nไม่มีหน่วยงานนี้\n".encode("utf-8-sig"),
        content_type="text/csv",
    )
    response = client.post(
        reverse("imports:index"), {"entity": "attendance", "meeting": meeting.pk, "file": upload}
    )
    assert response.status_code == 302
    preview = client.get(response.url)
    assert "ไม่มีหน่วยงานนี้" in preview.content.decode()
    assert not meeting.attendances.exists()


def test_the_bulk_pages_refuse_who_may_only_read_the_meeting(cast, client_for):
    meeting = s1_with_directory(cast)
    for user in (cast.chiangrai_viewer, cast.mueang_coordinator):
        client = client_for(user)
        assert _review(client, meeting, KNOWN_AGENCIES[0]).status_code == 403
        assert _confirm(client, meeting, [KNOWN_AGENCIES[0]], {1: "new-organisation"}).status_code == 403
        assert client.post(_url("attendance_roster", meeting), {}).status_code == 403
    assert _review(client_for(cast.phayao_coordinator), meeting, KNOWN_AGENCIES[0]).status_code == 404
    assert not meeting.attendances.exists()
