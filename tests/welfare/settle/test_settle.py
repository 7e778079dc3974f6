"""Where the sources disagree, and settling a field with who decided and why."""

import pytest
from django.core.exceptions import ValidationError

from sanphalang.errors import AccessDenied
from sanphalang.welfare.models import Fund, Settlement
from sanphalang.welfare.selectors.settle import disagreements
from sanphalang.welfare.services.settle import settle


class TestDisagreementsAndSettle:
    def test_it_lists_differing_member_counts_and_a_missing_source(self, cast, two_sources):
        found = dict(disagreements(two_sources))
        assert found["members"] == {"โปรแกรม": 1200, "สมทบ": 1300}
        mae_sai = Fund.objects.get(fund_code="F003")
        assert dict(disagreements(mae_sai))["members"] == {"โปรแกรม": 640, "สมทบ": None}

    def test_it_settles_a_field_from_a_source_with_the_user_and_reason(self, cast, two_sources):
        # given the matching list's record of the fund
        record = two_sources.source_records.get(source__name="สมทบ")
        # when the coordinator takes its member count
        settlement = settle(
            by=cast.chiangrai_coordinator,
            fund=two_sources,
            field="members",
            value="",
            from_record=record,
            reason="ตรวจเยี่ยมแล้ว",
        )
        # then the fund holds it and the settlement says who, from where and why
        two_sources.refresh_from_db()
        assert two_sources.members == 1300
        assert (settlement.decided_by, settlement.from_record, settlement.reason) == (
            cast.chiangrai_coordinator,
            record,
            "ตรวจเยี่ยมแล้ว",
        )
        assert two_sources.history.first().history_user == cast.chiangrai_coordinator

    def test_it_requires_a_reason(self, cast, two_sources):
        with pytest.raises(ValidationError):
            settle(
                by=cast.chiangrai_coordinator, fund=two_sources, field="status", value="paused", reason=" "
            )
        assert not Settlement.objects.exists()

    def test_it_refuses_a_viewer_and_writes_nothing(self, cast, two_sources):
        before = two_sources.members
        with pytest.raises(AccessDenied):
            settle(by=cast.chiangrai_viewer, fund=two_sources, field="members", value="1", reason="x")
        two_sources.refresh_from_db()
        assert two_sources.members == before and not Settlement.objects.exists()
        assert two_sources.disagreement_rows.filter(field="members", settled_at__isnull=True).exists()
