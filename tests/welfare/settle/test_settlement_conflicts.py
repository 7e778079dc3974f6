"""A settled value that a later import contradicts: kept, explained, and closed by an officer."""

import pytest
from django.urls import reverse

from sanphalang.welfare.models import Fund, Settlement
from sanphalang.welfare.selectors.settle import settlement_conflicts
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.settle import settle

from ..registry_data import import_source, matching_rows, program_rows


def _program_rows_with_members(members: str):
    rows = program_rows()
    rows[0][5] = members
    return rows


@pytest.fixture
def settled_fund(cast):
    """F001 reconciled from two sources, its members settled at 400 by the Chiang Rai coordinator."""
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    import_source(cast.chiangrai_coordinator, "สมทบ", matching_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    fund = Fund.objects.get(fund_code="F001")
    settle(by=cast.chiangrai_coordinator, fund=fund, field="members", value="400", reason="นับจากสมุดทะเบียน")
    return fund


def _reimported(cast, members="420"):
    import_source(cast.chiangrai_coordinator, "โปรแกรม", _program_rows_with_members(members))
    reconcile(by=cast.chiangrai_coordinator, province_code="57")


class TestSettlementConflicts:
    def test_it_keeps_the_settled_value_and_explains_a_later_import_that_says_otherwise(
        self, cast, settled_fund
    ):
        # when the program is imported again with 420 members for the fund, and the sources are reconciled
        _reimported(cast)
        # then the registry keeps the settled 400
        fund = Fund.objects.get(pk=settled_fund.pk)
        assert fund.members == 400
        assert Settlement.objects.filter(fund=fund).count() == 1
        # and the conflict names both values, the source and the settlement
        [conflict] = settlement_conflicts(fund)
        assert conflict.field == "members"
        assert conflict.settlement.value == "400" and conflict.source_value == 420
        assert conflict.source.name == "โปรแกรม"
        assert conflict.source.imported_at > conflict.settlement.decided_at
        assert conflict.settlement.decided_by == cast.chiangrai_coordinator

    def test_it_sees_no_conflict_in_a_source_imported_before_the_settlement(self, cast, settled_fund):
        # given the matching list (1300 members) was imported before the settlement
        # then it is a disagreement, not a conflict with the settlement
        assert settlement_conflicts(settled_fund) == []

    def test_it_sees_no_conflict_when_the_later_import_agrees(self, cast, settled_fund):
        _reimported(cast, members="๔๐๐")
        assert settlement_conflicts(Fund.objects.get(pk=settled_fund.pk)) == []

    def test_it_shows_the_conflict_on_the_fund_page_with_both_values(self, cast, client_for, settled_fund):
        _reimported(cast)
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("welfare:fund_detail", args=[settled_fund.pk])
        )
        assert response.status_code == 200
        # then members shows once, as a conflict naming the settled and the imported value
        [item] = [item for item in response.context["open_fields"] if item.field == "members"]
        assert item.kind == "conflict" and [v.value for v in item.values] == [420]
        html = response.content.decode()
        assert html.count('data-field="members"') == 1 and "400" in html and "420" in html
        assert 'name="value" value="400"' in html

    def test_it_closes_the_conflict_when_an_officer_confirms_the_settled_value(
        self, cast, client_for, settled_fund
    ):
        _reimported(cast)
        # when the officer confirms 400 from the conflict's form
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:fund_settle", args=[settled_fund.pk]),
            {"field": "members", "value": "400", "reason": "ตรวจนับซ้ำแล้ว"},
        )
        # then the value stays, the history keeps both decisions and the conflict is gone
        assert response.status_code == 302
        fund = Fund.objects.get(pk=settled_fund.pk)
        assert fund.members == 400 and fund.settlements.count() == 2
        assert settlement_conflicts(fund) == []

    def test_it_takes_the_imported_value_when_an_officer_changes_it(self, cast, client_for, settled_fund):
        _reimported(cast)
        [conflict] = settlement_conflicts(Fund.objects.get(pk=settled_fund.pk))
        client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:fund_settle", args=[settled_fund.pk]),
            {"field": "members", "from_record": conflict.record.pk, "value": "", "reason": "สมาชิกเพิ่ม"},
        )
        fund = Fund.objects.get(pk=settled_fund.pk)
        assert fund.members == 420 and settlement_conflicts(fund) == []

    def test_it_shows_an_outsider_nothing(self, cast, client_for, settled_fund):
        _reimported(cast)
        client = client_for(cast.phayao_coordinator)
        assert client.get(reverse("welfare:fund_detail", args=[settled_fund.pk])).status_code == 404
        response = client.post(
            reverse("welfare:fund_settle", args=[settled_fund.pk]),
            {"field": "members", "value": "1", "reason": "x"},
        )
        assert response.status_code == 404
        assert Fund.objects.get(pk=settled_fund.pk).members == 400
