"""The people pages: list, search, logged export and detail, forms, positions, erasure and history."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sanphalang.accounts.models import AccessLog
from sanphalang.directory.models import Person, Position
from sanphalang.directory.services import person_update, position_create

from .page_data import OTHER_NATIONAL_ID, VALID_NATIONAL_ID, make_org, make_person


def person_form(**overrides):
    data = {
        "title": "",
        "first_name": "สมชาย",
        "last_name": "ใจดี",
        "area_code": "570101",
        "legal_basis": "consent",
        "purpose": "ติดต่อประสานงานเครือข่าย",
    }
    data.update(overrides)
    return data


class TestList:
    @pytest.mark.parametrize("query", ["รัชนี", "นางสาวรัชนี", "รัชนี ตรัยตรึงศ์โกศล"])
    def test_it_finds_a_person_with_or_without_title(self, cast, client_for, query):
        # given Ms Ratchanee and another person
        make_person(cast.admin, title="นางสาว")
        make_person(cast.admin, first_name="สมศักดิ์", last_name="มั่นคง")
        # when the coordinator searches
        response = client_for(cast.chiangrai_coordinator).get(reverse("directory:person_list"), {"q": query})
        # then she is found
        assert response.status_code == 200
        assert response.context["nav_active"] == "people"
        assert [p.last_name for p in response.context["listing"].page] == ["ตรัยตรึงศ์โกศล"]

    def test_it_lists_only_the_people_of_the_users_district(self, cast, client_for):
        make_person(cast.admin)
        make_person(cast.admin, first_name="คนแม่สาย", area_code="5709")
        response = client_for(cast.mueang_coordinator).get(reverse("directory:person_list"))
        assert [p.first_name for p in response.context["listing"].page] == ["รัชนี"]

    def test_it_filters_by_organisation_and_area(self, cast, client_for):
        # given two people, one holding a position in the network
        network = make_org(cast.admin, name="เครือข่ายบ้านมั่นคง", kind="network")
        ratchanee = make_person(cast.admin)
        make_person(cast.admin, first_name="คนแม่สาย", area_code="5709")
        position_create(by=cast.admin, person=ratchanee, organisation=network, role="coordinator")
        client = client_for(cast.chiangrai_coordinator)
        url = reverse("directory:person_list")
        # when filtering, then each filter narrows the list
        assert [p.pk for p in client.get(url, {"organisation": network.pk}).context["listing"].page] == [
            ratchanee.pk
        ]
        assert [p.first_name for p in client.get(url, {"within": "5709"}).context["listing"].page] == [
            "คนแม่สาย"
        ]

    @pytest.mark.parametrize("rows", [3, 30])
    def test_it_reads_the_list_in_a_constant_number_of_queries(
        self, cast, client_for, django_assert_max_num_queries, rows
    ):
        network = make_org(cast.admin, name="เครือข่าย", kind="network")
        for number in range(rows):
            person = make_person(cast.admin, first_name=f"คนที่{number}", area_code="570101")
            position_create(by=cast.admin, person=person, organisation=network)
        client = client_for(cast.chiangrai_coordinator)
        with django_assert_max_num_queries(10):
            response = client.get(reverse("directory:person_list"))
        assert response.status_code == 200


class TestExport:
    def test_it_exports_the_filtered_people_as_csv_and_logs_the_reads(self, cast, client_for):
        # given two people in Mueang and one in Mae Sai
        make_person(cast.admin, phone="0812345678")
        make_person(cast.admin, first_name="สมศักดิ์", last_name="มั่นคง")
        make_person(cast.admin, first_name="คนแม่สาย", area_code="5709")
        AccessLog.objects.all().delete()
        # when the coordinator exports Mueang
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("directory:person_list"), {"within": "5701", "export": "csv"}
        )
        # then the file holds both and each read is logged as an export
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert sorted(row[1] for row in rows[1:]) == ["รัชนี", "สมศักดิ์"]
        assert "0812345678" in response.content.decode("utf-8-sig")
        logs = AccessLog.objects.filter(action="export", detail="export")
        assert logs.count() == 2
        assert set(logs.values_list("username", flat=True)) == {"cr_coord"}

    def test_it_exports_xlsx_without_national_ids(self, cast, client_for):
        make_person(cast.admin, national_id=VALID_NATIONAL_ID)
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("directory:person_list"), {"export": "xlsx"}
        )
        values = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
        assert values[1][1] == "รัชนี"
        assert VALID_NATIONAL_ID not in str(values)


class TestDetail:
    def test_it_shows_the_person_and_logs_the_read(self, cast, client_for):
        # given a person with a national ID and a position
        network = make_org(cast.admin, name="เครือข่ายบ้านมั่นคง", kind="network")
        person = make_person(cast.admin, title="นางสาว", national_id=VALID_NATIONAL_ID, phone="0812345678")
        position_create(by=cast.admin, person=person, organisation=network, role="secretary")
        AccessLog.objects.all().delete()
        # when the coordinator opens the record
        response = client_for(cast.mueang_coordinator).get(
            reverse("directory:person_detail", args=[person.pk])
        )
        # then the whole ID, contact and position are shown, and the read is logged
        content = response.content.decode()
        assert response.status_code == 200
        assert "1-1017-00230-70-8" in content
        assert "0812345678" in content and "เครือข่ายบ้านมั่นคง" in content
        log = AccessLog.objects.get()
        assert (log.action, log.object_id, log.username) == ("read", str(person.pk), "mueang_coord")

    def test_it_masks_the_national_id_for_a_viewer(self, cast, client_for):
        person = make_person(cast.admin, national_id=VALID_NATIONAL_ID)
        response = client_for(cast.chiangrai_viewer).get(reverse("directory:person_detail", args=[person.pk]))
        content = response.content.decode()
        assert response.status_code == 200
        assert "1-1017-00230-70-8" not in content and VALID_NATIONAL_ID not in content
        assert "70-8" in content

    def test_it_refuses_a_coordinator_of_another_district(self, cast, client_for):
        # given a person in Mae Sai
        person = make_person(cast.admin, area_code="5709")
        # when the Mueang coordinator asks for them, then there is no such page, and nothing is logged as read
        AccessLog.objects.all().delete()
        client = client_for(cast.mueang_coordinator)
        assert client.get(reverse("directory:person_detail", args=[person.pk])).status_code == 404
        assert client.get(reverse("directory:person_update", args=[person.pk])).status_code == 404
        assert not AccessLog.objects.exists()

    def test_it_refuses_a_coordinator_of_another_province(self, cast, client_for):
        person = make_person(cast.admin)
        client = client_for(cast.phayao_coordinator)
        for name in ("person_detail", "person_update", "person_history"):
            assert client.get(reverse(f"directory:{name}", args=[person.pk])).status_code == 404
        assert (
            client.post(
                reverse("directory:person_update", args=[person.pk]), person_form(area_code="56")
            ).status_code
            == 404
        )
        person.refresh_from_db()
        assert person.area_id == "5701"


class TestCreateAndUpdate:
    def test_it_creates_a_person_with_thai_digits_and_be_date(self, cast, client_for):
        # when the coordinator types the title with the name and a Thai-digit BE consent date
        response = client_for(cast.mueang_coordinator).post(
            reverse("directory:person_create"),
            person_form(
                first_name="นางสาวรัชนี",
                last_name="ตรัยตรึงศ์โกศล",
                consent_on="๑๔/๕/๒๕๖๒",
                national_id="๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘",
            ),
        )
        # then the person is saved with the title apart and the date read as 14 May 2019
        person = Person.objects.get()
        assert response.status_code == 302
        assert (person.title, person.first_name) == ("นางสาว", "รัชนี")
        assert str(person.consent_on) == "2019-05-14"
        assert person.national_id == VALID_NATIONAL_ID

    def test_it_shows_a_bad_check_digit_at_the_field(self, cast, client_for):
        response = client_for(cast.mueang_coordinator).post(
            reverse("directory:person_create"), person_form(national_id="1234567890123")
        )
        assert response.status_code == 200
        assert response.context["form"].errors["national_id"]
        assert not Person.objects.exists()

    def test_it_shows_a_bad_date_at_the_field(self, cast, client_for):
        response = client_for(cast.mueang_coordinator).post(
            reverse("directory:person_create"), person_form(consent_on="31/2/2558")
        )
        assert response.context["form"].errors["consent_on"]
        assert not Person.objects.exists()

    def test_it_shows_an_unknown_area_at_the_field(self, cast, client_for):
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:person_create"), person_form(area_code="579999")
        )
        assert response.context["form"].errors["area_code"]
        assert not Person.objects.exists()

    def test_it_shows_a_national_id_already_registered_at_the_field(self, cast, client_for):
        make_person(cast.admin, national_id=VALID_NATIONAL_ID)
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:person_create"), person_form(national_id=VALID_NATIONAL_ID)
        )
        assert response.status_code == 200
        assert response.context["form"].errors["national_id"]
        assert Person.objects.count() == 1

    def test_it_refuses_a_viewer_and_writes_nothing(self, cast, client_for):
        client = client_for(cast.chiangrai_viewer)
        assert client.post(reverse("directory:person_create"), person_form()).status_code == 403
        assert not Person.objects.exists()

    def test_it_refuses_a_viewer_edit(self, cast, client_for):
        person = make_person(cast.admin)
        response = client_for(cast.chiangrai_viewer).post(
            reverse("directory:person_update", args=[person.pk]), person_form()
        )
        assert response.status_code == 403
        person.refresh_from_db()
        assert person.first_name == "รัชนี"

    def test_it_saves_changes(self, cast, client_for):
        person = make_person(cast.admin, national_id=VALID_NATIONAL_ID)
        client = client_for(cast.mueang_coordinator)
        form_page = client.get(reverse("directory:person_update", args=[person.pk]))
        assert form_page.status_code == 200
        response = client.post(
            reverse("directory:person_update", args=[person.pk]),
            person_form(
                first_name="รัชนี", last_name="ตรัยตรึงศ์โกศล", national_id=OTHER_NATIONAL_ID, area_code="5701"
            ),
        )
        assert response.status_code == 302
        person.refresh_from_db()
        assert person.national_id == OTHER_NATIONAL_ID


class TestPositions:
    def test_it_adds_ends_and_deletes_a_position(self, cast, client_for):
        # given a person and a network
        network = make_org(cast.admin, name="เครือข่ายบ้านมั่นคง", kind="network")
        person = make_person(cast.admin)
        client = client_for(cast.mueang_coordinator)
        # when a position is added with BE dates
        response = client.post(
            reverse("directory:position_create", args=[person.pk]),
            {
                "position-organisation": network.pk,
                "position-role": "chair",
                "position-title": "ประธาน",
                "position-started_on": "๑/๑๐/๒๕๖๑",
            },
        )
        position = Position.objects.get()
        assert response.status_code == 302
        assert str(position.started_on) == "2018-10-01"
        # and then ended
        client.post(
            reverse("directory:position_end", args=[person.pk, position.pk]), {"ended_on": "30/9/2562"}
        )
        position.refresh_from_db()
        assert str(position.ended_on) == "2019-09-30"
        # and then deleted
        client.post(reverse("directory:position_delete", args=[person.pk, position.pk]))
        assert not Position.objects.exists()

    def test_it_shows_an_end_before_the_start_at_the_field(self, cast, client_for):
        network = make_org(cast.admin, name="เครือข่าย", kind="network")
        person = make_person(cast.admin)
        response = client_for(cast.mueang_coordinator).post(
            reverse("directory:position_create", args=[person.pk]),
            {
                "position-organisation": network.pk,
                "position-role": "chair",
                "position-started_on": "1/10/2561",
                "position-ended_on": "1/10/2560",
            },
        )
        assert response.status_code == 200
        assert response.context["position_form"].errors["ended_on"]
        assert not Position.objects.exists()

    def test_it_offers_only_organisations_the_user_can_see(self, cast, client_for):
        # given an organisation in Phayao
        phayao = make_org(cast.admin, name="กลุ่มพะเยา", area_code="56", kind="network")
        person = make_person(cast.admin)
        # when the Mueang coordinator posts a position in it, then the form refuses the choice
        response = client_for(cast.mueang_coordinator).post(
            reverse("directory:position_create", args=[person.pk]),
            {"position-organisation": phayao.pk, "position-role": "chair"},
        )
        assert response.context["position_form"].errors["organisation"]
        assert not Position.objects.exists()

    def test_it_refuses_a_viewer(self, cast, client_for):
        network = make_org(cast.admin, name="เครือข่าย", kind="network")
        person = make_person(cast.admin)
        response = client_for(cast.chiangrai_viewer).post(
            reverse("directory:position_create", args=[person.pk]),
            {"position-organisation": network.pk, "position-role": "chair"},
        )
        assert response.status_code == 403
        assert not Position.objects.exists()


class TestErase:
    def test_it_lets_an_administrator_erase_a_person(self, cast, client_for):
        person = make_person(cast.admin)
        client = client_for(cast.admin)
        assert client.get(reverse("directory:person_erase", args=[person.pk])).status_code == 200
        response = client.post(reverse("directory:person_erase", args=[person.pk]))
        assert response.status_code == 302
        assert not Person.objects.exists()
        assert AccessLog.objects.filter(action="erase", object_id=str(person.pk)).exists()

    def test_it_refuses_a_coordinator(self, cast, client_for):
        person = make_person(cast.admin)
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:person_erase", args=[person.pk])
        )
        assert response.status_code == 403
        assert Person.objects.exists()


class TestHistory:
    def test_it_shows_changes_with_the_national_id_masked_for_a_viewer(self, cast, client_for):
        # given a person whose national ID and phone were changed
        person = make_person(cast.admin, national_id=VALID_NATIONAL_ID)
        person_update(
            by=cast.mueang_coordinator, person=person, national_id=OTHER_NATIONAL_ID, phone="0899999999"
        )
        # when the viewer reads the history
        response = client_for(cast.chiangrai_viewer).get(
            reverse("directory:person_history", args=[person.pk])
        )
        # then the change and its author are listed, the IDs masked
        content = response.content.decode()
        assert response.status_code == 200
        assert response.context["entries"][0]["record"].history_user == cast.mueang_coordinator
        assert "0899999999" in content
        assert OTHER_NATIONAL_ID not in content and "3-1010-01234-56-5" not in content
