"""The demo's report waiting for review: a working group's meeting report read into a draft, its working group
proposed as the body, the province's office found in the directory."""

from django.test import Client
from django.urls import reverse

from sanphalang.accounts.models import User
from sanphalang.demo.ingest_loader import load_source_documents
from sanphalang.ingest.models import DocumentStatus, SourceDocument


def test_the_demo_holds_a_report_read_into_a_draft_for_review(demo):
    document = SourceDocument.objects.get()
    assert document.status == DocumentStatus.READ
    assert document.given_by.username == "chiangrai"
    draft = document.draft
    assert draft["event_date"]["value"] == "2025-03-12"
    assert draft["meeting_number"]["value"] == "2/2568"
    assert draft["chair"]["name"] == "สมชาย ใจดี"
    assert [figure["value"] for figure in draft["figures"]] == [32, 8, 415]
    assert len(draft["resolutions"]) == 2
    # a reload keeps the one report
    assert load_source_documents() == 1


def test_the_coordinator_opens_its_review_with_the_working_group_and_the_office_matched(demo):
    client = Client()
    client.force_login(User.objects.get(username="chiangrai"))
    document = SourceDocument.objects.get()
    response = client.get(reverse("ingest:document_detail", args=[document.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.proposal.body.name_th == "คณะทำงานประเด็นการจัดการภัยพิบัติโดยชุมชน"
    assert form["body"].value() == form.proposal.body.pk
    matched = [line.name for line in form.proposal.organisations if line.match.status == "matched"]
    assert "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย" in matched
