"""The registry's list and a fund's page against the cast."""

from django.urls import reverse

from sanphalang.welfare.models import SourceRecord

from ..registry_data import reconciled_fund


class TestFundList:
    def test_it_lists_filters_and_exports_the_funds_of_the_users_areas(self, cast, client_for):
        reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        response = client.get(reverse("welfare:fund_list"))
        assert response.status_code == 200 and response.context["nav_active"] == "welfare"
        assert response.context["listing"].total == 3
        response = client.get(reverse("welfare:fund_list"), {"district": "5709"})
        assert [f.fund_code for f in response.context["listing"].page] == ["F003"]
        export = client.get(reverse("welfare:fund_list"), {"export": "csv"})
        assert "F001" in export.content.decode("utf-8-sig")

    def test_it_shows_an_outsider_nothing(self, cast, client_for):
        fund = reconciled_fund(cast)
        client = client_for(cast.phayao_coordinator)
        assert client.get(reverse("welfare:fund_list")).context["listing"].total == 0
        assert client.get(reverse("welfare:fund_detail", args=[fund.pk])).status_code == 404
        assert client.get(reverse("welfare:review_queue")).context["records"] == []
        assert list(client.get(reverse("welfare:source_list")).context["sources"]) == []
        assert client.get(reverse("welfare:rollup")).context["rows"] == []

    def test_it_reads_the_list_in_a_constant_number_of_queries(
        self, cast, client_for, django_assert_max_num_queries
    ):
        reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("welfare:fund_list")).status_code == 200


class TestMissingFromASource:
    def test_the_list_shows_the_funds_a_source_does_not_list(self, cast, client_for):
        # given the program lists three funds and the matching list two of them
        reconciled_fund(cast)
        matching = SourceRecord.objects.filter(source__name="สมทบ").first().source
        client = client_for(cast.chiangrai_coordinator)
        # when the coordinator asks for the funds missing from the matching list
        response = client.get(reverse("welfare:fund_list"), {"missing_from": matching.pk})
        # then only Mae Sai, which the matching list lacks, is listed, and the export agrees
        assert [f.fund_code for f in response.context["listing"].page] == ["F003"]
        export = client.get(reverse("welfare:fund_list"), {"missing_from": matching.pk, "export": "csv"})
        assert "F003" in export.content.decode("utf-8-sig") and "F001" not in export.content.decode(
            "utf-8-sig"
        )

    def test_another_provinces_source_is_not_offered(self, cast, client_for):
        reconciled_fund(cast)
        matching = SourceRecord.objects.filter(source__name="สมทบ").first().source
        response = client_for(cast.phayao_coordinator).get(
            reverse("welfare:fund_list"), {"missing_from": matching.pk}
        )
        assert response.context["filters"].errors["missing_from"]
        assert response.context["listing"].total == 0
