"""Pages of letters: answers that close the wait, late answers, who sees what."""

import datetime as dt

from django.urls import reverse

from sanphalang.directory.services import organisation_create
from sanphalang.meetings.models import Letter
from sanphalang.meetings.services.letters import letter_create
from tests.meetings.factories import council


def agency(cast, name="กรมส่งเสริมการปกครองท้องถิ่น"):
    return organisation_create(by=cast.admin, kind="agency", area_code="57", name_th=name)


class TestLetters:
    def test_an_incoming_answer_marks_the_outgoing_letter_answered(self, cast, client_for):
        # given an outgoing request awaiting an answer
        body = council(cast)
        dla = agency(cast)
        request_letter = letter_create(
            by=cast.chiangrai_coordinator,
            body=body,
            direction="out",
            number="ชร 0020/123",
            dated_on=dt.date(2019, 5, 20),
            subject="ขอหารือหลักเกณฑ์การสมทบ",
            counterpart=dla,
            status="awaiting",
            answer_due_on=dt.date(2019, 6, 20),
        )
        client = client_for(cast.chiangrai_coordinator)
        # when the answer is recorded from the letter's "record the answer" link
        form = client.get(reverse("meetings:letter_create"), {"in_reply_to": request_letter.pk}).context[
            "form"
        ]
        assert form.initial["direction"] == "in"
        # and its status reads as the answer will be saved: received
        assert form.initial["status"] == "received"
        assert 'value="received" selected' in form["status"].as_widget()
        response = client.post(
            reverse("meetings:letter_create"),
            {
                "body": body.pk,
                "direction": "in",
                "number": "มท 0891.4/456",
                "dated_on": "1/7/2562",
                "subject": "ตอบข้อหารือ",
                "counterpart": dla.pk,
                "status": "received",
                "in_reply_to": request_letter.pk,
            },
        )
        # then the outgoing letter is answered and links its answer
        assert response.status_code == 302
        request_letter.refresh_from_db()
        assert request_letter.status == "answered"
        page = client.get(reverse("meetings:letter_detail", args=[request_letter.pk]))
        assert "ตอบข้อหารือ" in page.content.decode()

    def test_a_letter_whose_answer_is_late_is_highlighted(self, cast, client_for):
        body = council(cast)
        letter_create(
            by=cast.chiangrai_coordinator,
            body=body,
            direction="out",
            dated_on=dt.date(2019, 5, 20),
            subject="ขอข้อมูล",
            counterpart=agency(cast),
            status="awaiting",
            answer_due_on=dt.date(2019, 6, 20),
        )
        response = client_for(cast.chiangrai_coordinator).get(reverse("meetings:letter_list"))
        assert [letter.answer_late for letter in response.context["rows"]] == [True]
        assert 'class="table-warning"' in response.content.decode()

    def test_outsider_and_viewer(self, cast, client_for):
        body = council(cast)
        letter = letter_create(
            by=cast.chiangrai_coordinator,
            body=body,
            direction="out",
            dated_on=dt.date(2019, 5, 20),
            subject="ขอข้อมูล",
            counterpart=agency(cast),
        )
        outsider = client_for(cast.phayao_coordinator)
        assert outsider.get(reverse("meetings:letter_detail", args=[letter.pk])).status_code == 404
        assert outsider.get(reverse("meetings:letter_update", args=[letter.pk])).status_code == 404
        viewer = client_for(cast.chiangrai_viewer)
        assert viewer.get(reverse("meetings:letter_detail", args=[letter.pk])).status_code == 200
        response = viewer.post(reverse("meetings:letter_update", args=[letter.pk]), {"subject": "แก้"})
        assert response.status_code == 403
        assert Letter.objects.get().subject == "ขอข้อมูล"

    def test_the_letter_list_runs_a_fixed_number_of_queries(
        self, cast, client_for, django_assert_max_num_queries
    ):
        body = council(cast)
        dla = agency(cast)
        client = client_for(cast.chiangrai_coordinator)
        letter_create(
            by=cast.chiangrai_coordinator,
            body=body,
            direction="out",
            dated_on=dt.date(2019, 5, 1),
            subject="หนังสือ 0",
            counterpart=dla,
        )
        with django_assert_max_num_queries(10) as few:
            client.get(reverse("meetings:letter_list"))
        for n in range(1, 15):
            letter_create(
                by=cast.chiangrai_coordinator,
                body=body,
                direction="in",
                dated_on=dt.date(2019, 5, n),
                subject=f"หนังสือ {n}",
                counterpart=dla,
                via=dla,
            )
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(reverse("meetings:letter_list"))


def test_the_action_item_menu_tells_items_of_one_title_apart_by_their_due_dates(cast, client_for):
    from tests.meetings.factories import quarterly_item

    body = council(cast)
    title = "รายงานผลการดำเนินงานต่อผู้ว่าฯ (รายไตรมาส)"
    quarterly_item(cast, body=body, due_on=dt.date(2015, 10, 20), title=title)
    quarterly_item(cast, body=body, due_on=dt.date(2016, 1, 20), title=title)
    form = client_for(cast.chiangrai_coordinator).get(reverse("meetings:letter_create")).context["form"]
    labels = [str(label) for value, label in form.fields["action_item"].choices if value]
    assert len(labels) == 2 and len(set(labels)) == 2
    assert any("ต.ค. 2558" in label for label in labels) and any("ม.ค. 2559" in label for label in labels)
