"""The pages of reports: give (paste or many files, read in a job), the list, the draft with its passages marked,
the review that accepts it, and the outsider who gets nothing."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanphalang.ingest.models import DocumentStatus, SourceDocument
from sanphalang.meetings.models import Meeting
from tests.ingest.reports import docx_bytes, s1_report
from tests.meetings.factories import council, msdhs


def _give(client, **data):
    return client.post(reverse("ingest:document_give"), {"area": "57", **data})


def test_a_coordinator_gives_many_files_and_follows_the_job_to_the_list(cast, client_for):
    client = client_for(cast.chiangrai_coordinator)
    # given two reports, one of them a Word file, and a file that is not a report
    files = [
        SimpleUploadedFile("s1.docx", docx_bytes(s1_report())),
        SimpleUploadedFile("s1.txt", s1_report().encode("utf-8")),
        SimpleUploadedFile("photo.txt", bytes(range(256)) * 40),
    ]
    # when they are given at once
    response = _give(client, files=files)
    # then the job's page follows, and its result is the list of the three
    assert response.status_code == 302
    job_page = client.get(response.url)
    assert job_page.status_code == 200
    result = re.search(r'href="(/ingest/\?job=\d+)"', job_page.content.decode())
    assert result, job_page.content.decode()[:2000]
    listed = client.get(result.group(1)).content.decode()
    assert "s1.docx" in listed and "photo.txt" in listed
    assert SourceDocument.objects.filter(status=DocumentStatus.READ).count() == 2
    assert SourceDocument.objects.get(name="photo.txt").status == DocumentStatus.UNREADABLE


def test_the_draft_page_marks_each_fields_passage_and_prefills_the_review(cast, client_for):
    council(cast)
    msdhs(cast)
    client = client_for(cast.chiangrai_coordinator)
    _give(client, text=s1_report())
    document = SourceDocument.objects.get()
    # when the coordinator opens the draft
    page = client.get(reverse("ingest:document_detail", args=[document.pk])).content.decode()
    # then the passage of the date is marked and its field carries the date in the Buddhist Era
    assert re.search(r'<mark class="passage" data-fields="[^"]*event_date', page)
    assert 'name="held_on" value="20/07/2558"' in page
    # and the council is proposed as the body, the meeting's number as 3
    assert re.search(r'<option value="\d+" selected>สภาพลเมืองจังหวัดเชียงราย', page)
    assert 'name="number" value="3"' in page
    # and the people and organisations it names are each a line to match, the vice governor among them
    assert 'id="review-people"' in page and 'id="review-organisations"' in page
    assert 'value="นายรัชกฤช สถิรานนท์"' in page


def test_accepting_the_review_records_the_meeting_and_shows_where_it_came_from(cast, client_for):
    body = council(cast)
    msdhs(cast)
    client = client_for(cast.chiangrai_coordinator)
    _give(client, text=s1_report())
    document = SourceDocument.objects.get()
    form = client.get(reverse("ingest:document_detail", args=[document.pk])).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {
        name: ("on" if value is True else value) for name, value in data.items() if value not in (None, False)
    }
    data["body"] = body.pk
    # when the prefilled review is accepted as it is
    response = client.post(reverse("ingest:document_accept", args=[document.pk]), data)
    # then the meeting's page follows, and the report lists what entered the records
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    assert response.url == reverse("meetings:meeting_detail", args=[meeting.pk])
    page = client.get(reverse("ingest:document_detail", args=[document.pk])).content.decode()
    assert reverse("meetings:meeting_detail", args=[meeting.pk]) in page
    assert 'id="review-form"' not in page
    # and the meeting's page links back to the report it came from
    meeting_page = client.get(response.url).content.decode()
    assert reverse("ingest:document_detail", args=[document.pk]) in meeting_page


def test_a_review_without_a_body_is_shown_again_with_the_reason_and_nothing_entered(cast, client_for):
    client = client_for(cast.chiangrai_coordinator)
    _give(client, text=s1_report())
    document = SourceDocument.objects.get()
    response = client.post(
        reverse("ingest:document_accept", args=[document.pk]),
        {"event_kind": "meeting", "held_on": "20/7/2558", "record_meeting": "on"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["body"]
    assert not Meeting.objects.exists()
    document.refresh_from_db()
    assert document.status == DocumentStatus.READ


def test_the_outsider_gets_nothing(cast, client_for):
    client_for(cast.chiangrai_coordinator)
    _give(client_for(cast.chiangrai_coordinator), text=s1_report())
    document = SourceDocument.objects.get()
    outsider = client_for(cast.phayao_coordinator)
    assert outsider.get(reverse("ingest:document_detail", args=[document.pk])).status_code == 404
    assert outsider.post(reverse("ingest:document_accept", args=[document.pk]), {}).status_code == 404
    assert outsider.post(reverse("ingest:document_discard", args=[document.pk])).status_code == 404
    assert document.name not in outsider.get(reverse("ingest:document_list")).content.decode()
    # and a viewer of the province reads the draft but has no review to accept
    viewer_page = client_for(cast.chiangrai_viewer).get(reverse("ingest:document_detail", args=[document.pk]))
    assert viewer_page.status_code == 200
    assert 'id="review-form"' not in viewer_page.content.decode()
