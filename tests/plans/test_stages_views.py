"""The pages of area charters (S4) and registrations (S10): Chumphon's list with its stage summary and export, a
charter's timeline, recording and taking back a stage with its document, and the Chiang Rai network's registration."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanphalang.plans.errors import PlanError
from sanphalang.plans.models import Charter, Registration, RegistrationStage, StageEvent
from sanphalang.plans.services.stages import charter_create, registration_create, stage_record

from .stages_data import CHUMPHON_TAMBONS

D = dt.date


@pytest.fixture
def chumphon_charters(chumphon_coordinator):
    """Six months into the year: 5 of the 11 tambons enacted, 2 in public hearing, 4 drafting."""
    by = chumphon_coordinator
    charters = [
        charter_create(by=by, area_code=code, title=f"ธรรมนูญตำบล {code}") for code in CHUMPHON_TAMBONS
    ]
    for charter in charters[:7]:
        stage_record(by=by, record=charter, stage="hearing", happened_on=D(2024, 1, 15))
    for charter in charters[:5]:
        stage_record(by=by, record=charter, stage="enacted", happened_on=D(2024, 3, 1))
    return charters


def _thai(client):
    client.cookies["django_language"] = "th"
    return client


class TestCharterList:
    def test_it_shows_the_provinces_charters_with_the_summary_and_exports_them(
        self, chumphon_coordinator, chumphon_charters, client_for
    ):
        client = client_for(chumphon_coordinator)
        response = client.get(reverse("plans:charter_list"))
        assert response.status_code == 200
        assert response.context["listing"].total == 11
        counts = {row["stage"]: row["count"] for row in response.context["summary"]}
        assert (counts["enacted"], counts["hearing"], counts["drafting"]) == (5, 2, 4)
        # filtered by stage, then exported to Excel
        heard = client.get(reverse("plans:charter_list"), {"province": "86", "stage": "hearing"})
        assert sorted(c.area_id for c in heard.context["listing"].page) == ["860106", "860107"]
        export = client.get(
            reverse("plans:charter_list"), {"province": "86", "stage": "enacted", "export": "xlsx"}
        )
        assert export.status_code == 200 and export["Content-Disposition"].endswith('.xlsx"')

    def test_the_export_names_the_stage_by_its_label_not_its_code(
        self, chumphon_coordinator, chumphon_charters, client_for
    ):
        client = client_for(chumphon_coordinator)
        export = client.get(reverse("plans:charter_list"), {"stage": "hearing", "export": "csv"})
        text = export.content.decode("utf-8-sig")
        assert "860106" in text and ",hearing," not in text

    def test_it_shows_an_outsider_nothing(self, cast, chumphon_charters, client_for):
        client = client_for(cast.chiangrai_coordinator)
        response = client.get(reverse("plans:charter_list"), {"province": "86"})
        assert response.context["listing"].total == 0
        assert client.get(reverse("plans:charter_detail", args=[chumphon_charters[0].pk])).status_code == 404

    def test_the_list_takes_a_constant_number_of_queries(
        self, chumphon_coordinator, chumphon_charters, client_for, django_assert_max_num_queries
    ):
        client = client_for(chumphon_coordinator)
        with django_assert_max_num_queries(14):
            assert client.get(reverse("plans:charter_list")).status_code == 200


class TestCharterPage:
    def test_a_coordinator_adds_a_charter_and_records_its_stages_with_documents(
        self, chumphon_coordinator, client_for
    ):
        client = client_for(chumphon_coordinator)
        # when the coordinator adds Tha Taphao's charter
        created = client.post(
            reverse("plans:charter_create"), {"title": "ธรรมนูญตำบลท่าตะเภา", "area_code": "860101"}
        )
        charter = Charter.objects.get()
        assert created.status_code == 302 and created["Location"] == reverse(
            "plans:charter_detail", args=[charter.pk]
        )
        # and records the public hearing with the draft, dated in the Buddhist Era
        url = reverse("plans:charter_stage_record", args=[charter.pk])
        recorded = client.post(
            url,
            {
                "stage-stage": "hearing",
                "stage-happened_on": "5/3/2567",
                "stage-note": "เวทีประชาคม",
                "stage-document": SimpleUploadedFile("draft.pdf", b"%PDF draft"),
                "stage-version": charter.version,
            },
        )
        assert recorded.status_code == 302
        event = StageEvent.objects.get()
        assert (event.stage, event.happened_on, event.document_version) == ("hearing", D(2024, 3, 5), 1)
        # then the page shows the timeline with its BE date and the document to download
        page = client.get(reverse("plans:charter_detail", args=[charter.pk]))
        html = page.content.decode()
        assert "5 มี.ค. 2567" in html or "2567" in html
        assert reverse("plans:charter_document", args=[event.pk]) in html
        download = client.get(reverse("plans:charter_document", args=[event.pk]))
        assert b"".join(download.streaming_content) == b"%PDF draft"
        # and the same document is not found at the registrations' address
        assert client.get(reverse("plans:registration_document", args=[event.pk])).status_code == 404

    def test_a_district_is_refused_as_the_charters_area(self, chumphon_coordinator, client_for):
        response = client_for(chumphon_coordinator).post(
            reverse("plans:charter_create"), {"title": "ธรรมนูญอำเภอ", "area_code": "8601"}
        )
        assert response.status_code == 400
        assert (
            str(PlanError.CHARTER_NOT_IN_SUBDISTRICT.message())
            in response.context["form"].errors["area_code"]
        )
        assert not Charter.objects.exists()

    def test_a_stage_before_the_previous_is_shown_at_the_date(
        self, chumphon_coordinator, chumphon_charters, client_for
    ):
        charter = chumphon_charters[0]
        charter.refresh_from_db()
        response = client_for(chumphon_coordinator).post(
            reverse("plans:charter_stage_record", args=[charter.pk]),
            {"stage-stage": "in_force", "stage-happened_on": "1/1/2567", "stage-version": charter.version},
        )
        assert response.status_code == 400
        assert response.context["stage_form"].errors["happened_on"]
        assert charter.events.count() == 2

    def test_the_latest_stage_is_taken_back(self, chumphon_coordinator, chumphon_charters, client_for):
        charter = chumphon_charters[0]
        latest = charter.events.order_by("-happened_on").first()
        client = client_for(chumphon_coordinator)
        response = client.post(reverse("plans:charter_stage_remove", args=[latest.pk]))
        assert response.status_code == 302
        charter.refresh_from_db()
        assert charter.stage == "hearing"

    def test_a_viewer_reads_the_page_but_records_no_stage(self, cast, client_for):
        charter = charter_create(by=cast.chiangrai_coordinator, area_code="570901", title="ธรรมนูญตำบลแม่สาย")
        client = client_for(cast.chiangrai_viewer)
        page = client.get(reverse("plans:charter_detail", args=[charter.pk]))
        assert page.status_code == 200 and page.context["stage_form"] is None
        refused = client.post(
            reverse("plans:charter_stage_record", args=[charter.pk]),
            {"stage-stage": "hearing", "stage-happened_on": "1/1/2567"},
        )
        assert refused.status_code == 403
        assert not charter.events.exists()

    def test_the_edit_page_refuses_a_change_built_on_an_old_version(self, chumphon_coordinator, client_for):
        charter = charter_create(by=chumphon_coordinator, area_code="860101", title="ธรรมนูญตำบลท่าตะเภา")
        client = client_for(chumphon_coordinator)
        url = reverse("plans:charter_update", args=[charter.pk])
        first = {"title": "ฉบับที่ 1", "area_code": "860101", "version": 1}
        assert client.post(url, first).status_code == 302
        refused = client.post(url, {**first, "title": "ฉบับที่ 2"})
        assert refused.status_code == 400
        assert Charter.objects.get().title == "ฉบับที่ 1"


class TestRegistrationPages:
    def test_the_network_is_certified_step_by_step(
        self, cast, chiangrai_network, chiangrai_office, client_for
    ):
        # S10: the Chiang Rai network registers with the provincial social development office
        client = client_for(cast.chiangrai_coordinator)
        created = client.post(
            reverse("plans:registration_create"),
            {
                "organisation": chiangrai_network.pk,
                "law": "welfare_organisation",
                "authority": chiangrai_office.pk,
            },
        )
        assert created.status_code == 302, created.context["form"].errors
        registration = Registration.objects.get()
        assert registration.area_id == "57"
        url = reverse("plans:registration_stage_record", args=[registration.pk])
        steps = [("preparing", "1/2/2567"), ("submitted", "2/5/2567"), ("reviewing", "1/6/2567")]
        for stage, date in steps:
            registration.refresh_from_db()
            response = client.post(
                url, {"stage-stage": stage, "stage-happened_on": date, "stage-version": registration.version}
            )
            assert response.status_code == 302, response.context["stage_form"].errors
        registration.refresh_from_db()
        client.post(
            url,
            {
                "stage-stage": "registered",
                "stage-happened_on": "15/7/2567",
                "stage-registration_number": "๕๗/๒๕๖๗",
                "stage-expires_on": "14/7/2570",
                "stage-version": registration.version,
            },
        )
        registration.refresh_from_db()
        assert registration.stage == RegistrationStage.REGISTERED
        assert (registration.registered_on, registration.expires_on) == (D(2024, 7, 15), D(2027, 7, 14))
        page = client.get(reverse("plans:registration_detail", args=[registration.pk]))
        assert [e.stage for e in page.context["events"]] == [
            "preparing",
            "submitted",
            "reviewing",
            "registered",
        ]

    def test_the_list_keeps_the_registrations_due_for_renewal(self, cast, chiangrai_network, client_for):
        by = cast.chiangrai_coordinator
        today = dt.date.today()
        due = registration_create(by=by, organisation=chiangrai_network)
        stage_record(
            by=by, record=due, stage="registered", happened_on=today, expires_on=today + dt.timedelta(days=30)
        )
        later = registration_create(by=by, organisation=chiangrai_network, law="association")
        stage_record(
            by=by,
            record=later,
            stage="registered",
            happened_on=today,
            expires_on=today + dt.timedelta(days=400),
        )
        client = client_for(by)
        assert client.get(reverse("plans:registration_list")).context["listing"].total == 2
        response = client.get(reverse("plans:registration_list"), {"province": "57", "renewal_due": "on"})
        assert [r.pk for r in response.context["listing"].page] == [due.pk]

    def test_the_certified_label_is_the_glossarys(self, cast, chiangrai_network, client_for):
        # The Thai page says รับรอง for a community welfare organisation, never จดทะเบียน.
        registration = registration_create(by=cast.chiangrai_coordinator, organisation=chiangrai_network)
        page = _thai(client_for(cast.chiangrai_coordinator)).get(
            reverse("plans:registration_detail", args=[registration.pk])
        )
        assert page.status_code == 200
        assert "จดทะเบียนเป็นองค์กรสวัสดิการ" not in page.content.decode()
