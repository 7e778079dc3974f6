"""The meeting's labels as Thai officials read them: its title is a ชื่อเรื่อง, each small form carries its own hint,
and meetings are listed and picked newest first."""

import datetime as dt
import re

from django.urls import reverse

from sanphalang.meetings.forms.letters import LetterForm
from sanphalang.meetings.services.meetings import meeting_create
from tests.meetings.factories import council, meeting_3_2558

GUEST_HINT = "ผู้ที่ไม่ได้เป็นสมาชิกขององค์คณะก็บันทึกได้"


def _label_of(page: str, field: str) -> str:
    match = re.search(rf'<label[^>]*for="id_{field}"[^>]*>(.*?)</label>', page, re.S)
    assert match, f"no label for {field}"
    return (
        re.sub(r"<[^>]+>", "", match.group(1)).strip().removesuffix("*").strip()
    )  # a required field's asterisk


def _folded_form(page: str, action: str) -> str:
    """The <details> block of the small form that posts to action."""
    start = page.index(f'action="{action}"')
    return page[page.rindex("<details", 0, start) : page.index("</details>", start)]


def test_the_meeting_form_labels_its_title_a_title_not_an_honorific(cast, client_for):
    page = client_for(cast.chiangrai_coordinator).get(reverse("meetings:meeting_create")).content.decode()
    assert _label_of(page, "title") == "ชื่อเรื่อง"
    assert "คำนำหน้าชื่อ" not in page


def test_an_agenda_item_is_titled_by_its_subject(cast, client_for):
    meeting = meeting_3_2558(cast)
    page = client_for(cast.chiangrai_coordinator).get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert _label_of(page.content.decode(), "agenda-title") == "เรื่อง"


def test_only_the_attendance_form_carries_the_guest_hint(cast, client_for):
    meeting = meeting_3_2558(cast)
    page = client_for(cast.chiangrai_coordinator).get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    page = page.content.decode()
    assert GUEST_HINT in _folded_form(page, reverse("meetings:attendance_create", args=[meeting.pk]))
    assert GUEST_HINT not in _folded_form(page, reverse("meetings:resolution_create", args=[meeting.pk]))
    assert GUEST_HINT not in _folded_form(
        page, reverse("meetings:meeting_attachment_create", args=[meeting.pk])
    )
    assert page.count(GUEST_HINT) == 1


def test_the_meeting_list_shows_the_newest_meeting_first(cast, client_for):
    body = council(cast)
    for held_on in (dt.date(2015, 5, 1), dt.date(2015, 7, 20), dt.date(2015, 3, 1)):
        meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=held_on)
    page = client_for(cast.chiangrai_coordinator).get(reverse("meetings:meeting_list")).content.decode()
    # numbered as they were added (1, 2, 3), listed by their date
    shown = re.findall(r"\b(\d)/2558", page)
    assert shown == ["2", "1", "3"]


def test_the_letter_form_picks_meetings_newest_first(cast):
    body = council(cast)
    for held_on in (dt.date(2015, 5, 1), dt.date(2015, 7, 20), dt.date(2015, 3, 1)):
        meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=held_on)
    picked = LetterForm(user=cast.chiangrai_coordinator).fields["meeting"].queryset
    assert [m.held_on for m in picked] == [dt.date(2015, 7, 20), dt.date(2015, 5, 1), dt.date(2015, 3, 1)]
