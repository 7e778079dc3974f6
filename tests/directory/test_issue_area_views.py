"""The issue-area pages: the national and provincial lists, and who may add to and edit each."""

import csv
import io

import pytest
from django.urls import reverse

from sanphalang.directory.models import IssueArea
from sanphalang.directory.services import issue_area_create


class TestList:
    def test_it_lists_national_and_own_province_issue_areas(self, cast, client_for):
        # given an issue area of Chiang Rai and one of Phayao
        issue_area_create(by=cast.admin, name_th="ไฟป่าและหมอกควัน", province_code="57", slug="haze")
        issue_area_create(by=cast.admin, name_th="ประเด็นพะเยา", province_code="56", slug="phayao-issue")
        # when the Chiang Rai coordinator opens the list
        response = client_for(cast.chiangrai_coordinator).get(reverse("directory:issue_area_list"))
        # then the national list and Chiang Rai's are shown, not Phayao's
        names = [issue.name_th for issue, _editable in response.context["rows"]]
        assert response.status_code == 200
        assert response.context["nav_active"] == "issues"
        assert "ไฟป่าและหมอกควัน" in names and "ประเด็นพะเยา" not in names
        assert (
            IssueArea.objects.filter(province__isnull=True).count() + 1 == response.context["listing"].total
        )

    def test_it_offers_editing_only_where_the_user_may_write(self, cast, client_for):
        haze = issue_area_create(by=cast.admin, name_th="ไฟป่าและหมอกควัน", province_code="57", slug="haze")
        response = client_for(cast.chiangrai_coordinator).get(reverse("directory:issue_area_list"))
        editable = {issue.pk for issue, can_edit in response.context["rows"] if can_edit}
        assert editable == {haze.pk}

    def test_it_exports_csv(self, cast, client_for):
        issue_area_create(by=cast.admin, name_th="ไฟป่าและหมอกควัน", province_code="57", slug="haze")
        response = client_for(cast.chiangrai_viewer).get(
            reverse("directory:issue_area_list"), {"export": "csv"}
        )
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert "ไฟป่าและหมอกควัน" in [row[0] for row in rows[1:]]

    @pytest.mark.parametrize("rows", [3, 30])
    def test_it_reads_the_list_in_a_constant_number_of_queries(
        self, cast, client_for, django_assert_max_num_queries, rows
    ):
        for number in range(rows):
            issue_area_create(
                by=cast.admin, name_th=f"ประเด็น {number}", province_code="57", slug=f"i{number}"
            )
        client = client_for(cast.chiangrai_coordinator)
        with django_assert_max_num_queries(10):
            response = client.get(reverse("directory:issue_area_list"))
        assert response.status_code == 200


class TestCreateAndUpdate:
    def test_it_lets_a_province_coordinator_add_to_their_province(self, cast, client_for):
        client = client_for(cast.chiangrai_coordinator)
        form = client.get(reverse("directory:issue_area_create"))
        assert [code for code, _name in form.context["form"].fields["province_code"].choices] == ["57"]
        response = client.post(
            reverse("directory:issue_area_create"),
            {"province_code": "57", "name_th": "ไฟป่าและหมอกควัน", "name_en": "Forest fires and haze"},
        )
        assert response.status_code == 302
        assert IssueArea.objects.get(province_id="57").slug == "forest-fires-and-haze"

    def test_it_refuses_a_coordinator_adding_to_the_national_list(self, cast, client_for):
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:issue_area_create"), {"province_code": "", "name_th": "ประเด็นใหม่"}
        )
        assert response.status_code == 200
        assert response.context["form"].errors["province_code"]
        assert not IssueArea.objects.filter(name_th="ประเด็นใหม่").exists()

    def test_it_lets_an_administrator_add_to_the_national_list(self, cast, client_for):
        response = client_for(cast.admin).post(
            reverse("directory:issue_area_create"),
            {"province_code": "", "name_th": "ประเด็นใหม่", "slug": "new-issue"},
        )
        assert response.status_code == 302
        assert IssueArea.objects.get(slug="new-issue").province_id is None

    def test_it_refuses_a_district_coordinator_and_a_viewer(self, cast, client_for):
        for user in (cast.mueang_coordinator, cast.chiangrai_viewer):
            response = client_for(user).post(
                reverse("directory:issue_area_create"), {"province_code": "57", "name_th": "ประเด็นใหม่"}
            )
            assert response.status_code == 403
        assert not IssueArea.objects.filter(name_th="ประเด็นใหม่").exists()

    def test_it_shows_a_duplicate_short_name_at_the_field(self, cast, client_for):
        issue_area_create(by=cast.admin, name_th="ไฟป่า", province_code="57", slug="haze")
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:issue_area_create"),
            {"province_code": "57", "name_th": "หมอกควัน", "slug": "haze"},
        )
        assert response.status_code == 200
        assert response.context["form"].errors["slug"]
        assert IssueArea.objects.filter(province_id="57").count() == 1

    def test_it_edits_a_provincial_issue_area(self, cast, client_for):
        haze = issue_area_create(by=cast.admin, name_th="ไฟป่า", province_code="57", slug="haze")
        client = client_for(cast.chiangrai_coordinator)
        assert client.get(reverse("directory:issue_area_update", args=[haze.pk])).status_code == 200
        response = client.post(
            reverse("directory:issue_area_update", args=[haze.pk]),
            {"name_th": "ไฟป่าและหมอกควัน", "slug": "haze"},
        )
        assert response.status_code == 302
        haze.refresh_from_db()
        assert (haze.name_th, haze.is_active) == ("ไฟป่าและหมอกควัน", False)

    def test_it_refuses_a_coordinator_editing_a_national_issue_area(self, cast, client_for):
        national = IssueArea.objects.filter(province__isnull=True).first()
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("directory:issue_area_update", args=[national.pk]), {"name_th": "เปลี่ยน"}
        )
        assert response.status_code == 403

    def test_it_hides_another_provinces_issue_area(self, cast, client_for):
        phayao = issue_area_create(by=cast.admin, name_th="ประเด็นพะเยา", province_code="56", slug="py")
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("directory:issue_area_update", args=[phayao.pk])
        )
        assert response.status_code == 404


def test_it_suggests_areas_by_name_or_code(cast, client_for):
    client = client_for(cast.mueang_coordinator)
    by_code = client.get(reverse("directory:area_options"), {"area_code": "5701"})
    assert 'value="5701"' in by_code.content.decode()
    by_name = client.get(reverse("directory:area_options"), {"area_code": "แม่สาย"})
    assert 'value="5709"' in by_name.content.decode()
