"""The organisation pages: list, search, export, detail, forms, delete and history, against the whole cast."""

import csv
import datetime
import io

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from sanphalang.directory.models import IssueArea, Organisation
from sanphalang.directory.services import organisation_update
from sanphalang.errors import still_referred_to_message
from tests.api.conftest import letter_to

from .page_data import make_org

PMJ = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย"


def org_form(**overrides):
    data = {
        "kind": "community_organisation",
        "name_th": "กลุ่มออมทรัพย์บ้านป่าซาง",
        "area_code": "570101",
        "is_active": "on",
    }
    data.update(overrides)
    return data


class TestList:
    def test_it_lists_the_organisations_of_the_users_areas(self, cast, client_for):
        # given an organisation in Chiang Rai and one in Phayao
        make_org(cast.admin, name=PMJ, abbreviation="พมจ.")
        make_org(cast.admin, name="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพะเยา", area_code="56")
        # when the Chiang Rai coordinator opens the list
        response = client_for(cast.chiangrai_coordinator).get(reverse("directory:organisation_list"))
        # then only the Chiang Rai one is listed, with the add button
        assert response.status_code == 200
        assert response.context["nav_active"] == "organisations"
        assert [o.name_th for o in response.context["listing"].page] == [PMJ]
        assert reverse("directory:organisation_create") in response.content.decode()

    @pytest.mark.parametrize("query", ["พมจ.", "พมจ", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"])
    def test_it_finds_an_organisation_by_abbreviation_or_full_name(self, cast, client_for, query):
        # given the provincial social development office and another organisation
        make_org(cast.admin, name=PMJ)
        make_org(cast.admin, name="องค์การบริหารส่วนจังหวัดเชียงราย", kind="local_government")
        # when the coordinator searches
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("directory:organisation_list"), {"q": query}
        )
        # then the office is found
        assert [o.name_th for o in response.context["listing"].page] == [PMJ]

    def test_it_filters_by_kind_and_area(self, cast, client_for):
        # given organisations of different kinds and districts
        make_org(cast.admin, name=PMJ)
        make_org(cast.admin, name="กลุ่มบ้านมั่นคงเมือง", kind="community_organisation", area_code="570101")
        make_org(cast.admin, name="กลุ่มแม่สาย", kind="community_organisation", area_code="5709")
        client = client_for(cast.chiangrai_coordinator)
        url = reverse("directory:organisation_list")
        # when filtering by kind and by area prefix
        by_kind = client.get(url, {"kind": "community_organisation"}).context["listing"].page
        by_area = client.get(url, {"within": "5701"}).context["listing"].page
        # then each filter narrows the list
        assert sorted(o.name_th for o in by_kind) == sorted(["กลุ่มบ้านมั่นคงเมือง", "กลุ่มแม่สาย"])
        assert [o.name_th for o in by_area] == ["กลุ่มบ้านมั่นคงเมือง"]

    def test_it_filters_by_issue_area(self, cast, client_for):
        # given two organisations, one working on a national issue
        issue = IssueArea.objects.filter(province__isnull=True).first()
        make_org(cast.admin, name="กลุ่มหนึ่ง", kind="network", issue_areas=[issue])
        make_org(cast.admin, name="กลุ่มสอง", kind="network")
        # when filtering by that issue
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("directory:organisation_list"), {"issue": str(issue.pk)}
        )
        # then only the first is listed
        assert [o.name_th for o in response.context["listing"].page] == ["กลุ่มหนึ่ง"]

    def test_it_sorts_by_kind_descending(self, cast, client_for):
        make_org(cast.admin, name="ก กลุ่ม", kind="agency")
        make_org(cast.admin, name="ข กลุ่ม", kind="university")
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("directory:organisation_list"), {"sort": "-kind"}
        )
        assert [o.kind for o in response.context["listing"].page] == ["university", "agency"]

    def test_it_hides_the_add_button_from_a_viewer(self, cast, client_for):
        response = client_for(cast.chiangrai_viewer).get(reverse("directory:organisation_list"))
        assert response.status_code == 200
        assert reverse("directory:organisation_create") not in response.content.decode()

    @pytest.mark.parametrize("rows", [3, 30])
    def test_it_reads_the_list_in_a_constant_number_of_queries(
        self, cast, client_for, django_assert_max_num_queries, rows
    ):
        # given many organisations with issue areas and parents
        issue = IssueArea.objects.filter(province__isnull=True).first()
        parent = make_org(cast.admin, name="เครือข่ายจังหวัด", kind="network")
        for number in range(rows):
            make_org(
                cast.admin, name=f"กลุ่มที่ {number}", area_code="570101", issue_areas=[issue], parent=parent
            )
        client = client_for(cast.chiangrai_coordinator)
        # when the list is read, then the query count does not grow with the rows
        with django_assert_max_num_queries(10):
            response = client.get(reverse("directory:organisation_list"))
        assert response.status_code == 200


class TestExport:
    def test_it_exports_the_whole_filtered_list_as_csv(self, cast, client_for, settings):
        # given more organisations than fit on one page, and one in another province
        settings.LIST_PAGE_SIZE = 2
        for number in range(3):
            make_org(cast.admin, name=f"กลุ่มที่ {number}", kind="network")
        make_org(cast.admin, name=PMJ)
        make_org(cast.admin, name="กลุ่มพะเยา", area_code="56", kind="network")
        # when the coordinator exports the networks
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("directory:organisation_list"), {"kind": "network", "export": "csv"}
        )
        # then every network of Chiang Rai is in the file, and nothing else
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert sorted(row[0] for row in rows[1:]) == ["กลุ่มที่ 0", "กลุ่มที่ 1", "กลุ่มที่ 2"]
        assert all(row[4] == "57" for row in rows[1:])

    def test_it_exports_the_filtered_list_as_xlsx(self, cast, client_for):
        make_org(cast.admin, name=PMJ, abbreviation="พมจ.")
        make_org(cast.admin, name="กลุ่มแม่สาย", area_code="5709", kind="network")
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("directory:organisation_list"), {"q": "พมจ.", "export": "xlsx"}
        )
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = list(sheet.iter_rows(values_only=True))
        assert len(values) == 2
        assert values[1][0] == PMJ
        assert values[1][2] == "พมจ."


class TestDetail:
    def test_it_shows_the_organisation_to_its_coordinator(self, cast, client_for):
        # given an organisation with a member organisation
        parent = make_org(cast.admin, name=PMJ, abbreviation="พมจ.", other_names="พัฒนาสังคมจังหวัด")
        make_org(
            cast.admin,
            name="ศูนย์ประสานงานอำเภอเมือง",
            area_code="5701",
            kind="coordination_centre",
            parent=parent,
        )
        # when the coordinator opens it
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("directory:organisation_detail", args=[parent.pk])
        )
        # then the details, the member organisation and the history link are shown
        content = response.content.decode()
        assert response.status_code == 200
        assert "พมจ." in content and "พัฒนาสังคมจังหวัด" in content
        assert "ศูนย์ประสานงานอำเภอเมือง" in content
        assert reverse("directory:organisation_history", args=[parent.pk]) in content

    def test_it_refuses_a_coordinator_of_another_province(self, cast, client_for):
        org = make_org(cast.admin, name=PMJ)
        client = client_for(cast.phayao_coordinator)
        assert client.get(reverse("directory:organisation_detail", args=[org.pk])).status_code == 404
        assert client.get(reverse("directory:organisation_update", args=[org.pk])).status_code == 404
        assert (
            client.post(
                reverse("directory:organisation_update", args=[org.pk]), org_form(area_code="56")
            ).status_code
            == 404
        )
        assert client.get(reverse("directory:organisation_history", args=[org.pk])).status_code == 404

    def test_it_lets_a_viewer_read_but_not_edit(self, cast, client_for):
        org = make_org(cast.admin, name=PMJ)
        client = client_for(cast.chiangrai_viewer)
        response = client.get(reverse("directory:organisation_detail", args=[org.pk]))
        assert response.status_code == 200
        assert reverse("directory:organisation_update", args=[org.pk]) not in response.content.decode()


class TestCreate:
    def test_it_creates_an_organisation(self, cast, client_for):
        # when the coordinator fills in the form with a BE date in Thai digits
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:organisation_create"), org_form(founded_on="๑๔/๕/๒๕๖๒")
        )
        # then it is saved and the user goes to its page
        org = Organisation.objects.get()
        assert response.status_code == 302
        assert response.url == reverse("directory:organisation_detail", args=[org.pk])
        assert org.area_id == "570101"
        assert str(org.founded_on) == "2019-05-14"

    def test_it_shows_the_form(self, cast, client_for):
        response = client_for(cast.mueang_coordinator).get(reverse("directory:organisation_create"))
        assert response.status_code == 200
        assert 'list="area-options"' in response.content.decode()

    def test_it_refuses_a_viewer_and_writes_nothing(self, cast, client_for):
        response = client_for(cast.chiangrai_viewer).post(
            reverse("directory:organisation_create"), org_form()
        )
        assert response.status_code == 403
        assert not Organisation.objects.exists()

    def test_it_refuses_a_coordinator_writing_in_another_district(self, cast, client_for):
        # when the Mueang coordinator tries to add an organisation in Mae Sai
        response = client_for(cast.mueang_coordinator).post(
            reverse("directory:organisation_create"), org_form(area_code="570901")
        )
        # then the service refuses and nothing is written
        assert response.status_code == 403
        assert not Organisation.objects.exists()

    def test_it_shows_an_unknown_area_code_at_the_field(self, cast, client_for):
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:organisation_create"), org_form(area_code="5799")
        )
        assert response.status_code == 200
        assert response.context["form"].errors["area_code"]
        assert 'aria-invalid="true"' in response.content.decode()
        assert not Organisation.objects.exists()

    def test_it_shows_a_bad_date_at_the_field(self, cast, client_for):
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:organisation_create"), org_form(founded_on="31/2/2558")
        )
        assert response.context["form"].errors["founded_on"]
        assert not Organisation.objects.exists()

    def test_it_shows_a_duplicate_name_in_the_same_area_at_the_name(self, cast, client_for):
        # given an organisation of that name in that subdistrict
        make_org(cast.admin, name="กลุ่มออมทรัพย์บ้านป่าซาง", area_code="570101", kind="community_organisation")
        # when it is added again
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:organisation_create"), org_form()
        )
        # then the form says so at the name, and there is still one
        assert response.status_code == 200
        assert response.context["form"].errors["name_th"]
        assert Organisation.objects.count() == 1


class TestUpdateAndDelete:
    def test_it_saves_changes(self, cast, client_for):
        org = make_org(cast.admin, name="กลุ่มเดิม", area_code="570101", kind="network")
        client = client_for(cast.mueang_coordinator)
        assert client.get(reverse("directory:organisation_update", args=[org.pk])).status_code == 200
        response = client.post(
            reverse("directory:organisation_update", args=[org.pk]),
            org_form(name_th="กลุ่มใหม่", kind="network"),
        )
        assert response.status_code == 302
        org.refresh_from_db()
        assert org.name_th == "กลุ่มใหม่"

    def test_it_refuses_a_viewer_edit_and_writes_nothing(self, cast, client_for):
        org = make_org(cast.admin, name="กลุ่มเดิม", area_code="570101", kind="network")
        response = client_for(cast.chiangrai_viewer).post(
            reverse("directory:organisation_update", args=[org.pk]), org_form(name_th="กลุ่มใหม่")
        )
        assert response.status_code == 403
        org.refresh_from_db()
        assert org.name_th == "กลุ่มเดิม"

    def test_it_deletes_after_confirmation(self, cast, client_for):
        org = make_org(cast.admin, name="กลุ่มเดิม", area_code="570101", kind="network")
        client = client_for(cast.chiangrai_coordinator)
        assert client.get(reverse("directory:organisation_delete", args=[org.pk])).status_code == 200
        response = client.post(reverse("directory:organisation_delete", args=[org.pk]))
        assert response.status_code == 302
        assert not Organisation.objects.exists()

    def test_it_says_what_still_refers_to_an_organisation_it_cannot_delete(self, cast, client_for):
        # given an organisation a letter is addressed to
        org = make_org(cast.admin, name="สำนักงานจังหวัดเชียงราย", area_code="57", kind="agency")
        letter = letter_to(org, by=cast.chiangrai_coordinator)
        # when the coordinator confirms its deletion
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:organisation_delete", args=[org.pk])
        )
        # then the page stays, saying that a letter refers to it, and the organisation is kept
        assert response.status_code == 200
        with translation.override("th"):
            assert still_referred_to_message(ProtectedError("", [letter])) in response.content.decode()
        assert Organisation.objects.filter(pk=org.pk).exists()

    def test_it_refuses_a_viewer_delete(self, cast, client_for):
        org = make_org(cast.admin, name="กลุ่มเดิม", area_code="570101", kind="network")
        response = client_for(cast.chiangrai_viewer).post(
            reverse("directory:organisation_delete", args=[org.pk])
        )
        assert response.status_code == 403
        assert Organisation.objects.exists()


class TestHistory:
    def test_it_lists_who_changed_which_fields(self, cast, client_for):
        # given an organisation renamed by the coordinator
        org = make_org(cast.admin, name="กลุ่มเดิม", area_code="570101", kind="network")
        organisation_update(by=cast.chiangrai_coordinator, organisation=org, name_th="กลุ่มใหม่")
        # when its history is read
        response = client_for(cast.chiangrai_viewer).get(
            reverse("directory:organisation_history", args=[org.pk])
        )
        # then the change, its author and both names are shown, newest first
        entries = response.context["entries"]
        assert response.status_code == 200
        assert [e["record"].history_type for e in entries] == ["~", "+"]
        assert entries[0]["record"].history_user == cast.chiangrai_coordinator
        assert [(c["old"], c["new"]) for c in entries[0]["changes"]] == [("กลุ่มเดิม", "กลุ่มใหม่")]

    def test_it_shows_a_change_of_issue_areas_and_dates_in_english(self, cast, client_for):
        # given an organisation given an issue area and a founding date
        org = make_org(cast.admin, name="กลุ่มเดิม", area_code="570101", kind="network")
        issue = IssueArea.objects.filter(province__isnull=True).first()
        organisation_update(
            by=cast.admin, organisation=org, issue_areas=[issue], founded_on=datetime.date(2015, 7, 20)
        )
        client = client_for(cast.chiangrai_coordinator)
        client.cookies["django_language"] = "en"
        # when its history is read in English
        response = client.get(reverse("directory:organisation_history", args=[org.pk]))
        # then the page names both changes and shows the date in BE
        labels = {str(c["label"]) for entry in response.context["entries"] for c in entry["changes"]}
        assert response.status_code == 200
        assert {"founded on", "issue areas"} <= labels
        assert "2558" in response.content.decode()
