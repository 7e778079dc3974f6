"""Settling from a fund's page against the cast."""

from django.urls import reverse

from sanphalang.welfare.models import Settlement

from ..registry_data import reconciled_fund


class TestFundDetailAndSettle:
    def test_it_shows_disagreements_and_the_tambon(self, cast, client_for):
        fund = reconciled_fund(cast)
        response = client_for(cast.chiangrai_viewer).get(reverse("welfare:fund_detail", args=[fund.pk]))
        assert response.status_code == 200
        assert "members" in [item.field for item in response.context["open_fields"]]
        assert not response.context["can_settle"]

    def test_it_settles_from_the_form(self, cast, client_for):
        fund = reconciled_fund(cast)
        record = fund.source_records.get(source__name="สมทบ")
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:fund_settle", args=[fund.pk]),
            {"field": "members", "from_record": record.pk, "value": "", "reason": "ตรวจแล้ว"},
        )
        assert response.status_code == 302
        fund.refresh_from_db()
        assert fund.members == 1300
        assert Settlement.objects.get().decided_by == cast.chiangrai_coordinator

    def test_it_refuses_a_viewer_settle_and_writes_nothing(self, cast, client_for):
        fund = reconciled_fund(cast)
        before = fund.members
        response = client_for(cast.chiangrai_viewer).post(
            reverse("welfare:fund_settle", args=[fund.pk]), {"field": "members", "value": "9", "reason": "x"}
        )
        assert response.status_code == 403
        fund.refresh_from_db()
        assert fund.members == before and not Settlement.objects.exists()

    def test_it_refuses_an_outsider_settle(self, cast, client_for):
        fund = reconciled_fund(cast)
        response = client_for(cast.phayao_coordinator).post(
            reverse("welfare:fund_settle", args=[fund.pk]), {"field": "members", "value": "9", "reason": "x"}
        )
        assert response.status_code == 404 and not Settlement.objects.exists()
