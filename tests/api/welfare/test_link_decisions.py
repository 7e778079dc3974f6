"""The welfare API names who linked, merged, split or confirmed each of a fund's records, and keeps the caller's note."""

from sanphalang.welfare.models import LinkDecision

from .data import MATCHING, PROGRAM


class TestFundLinkDecisions:
    def test_the_fund_lists_who_reconciled_its_records(self, cast, api_for, registry):
        # when a colleague reads the Mae Yao fund
        fund = api_for(cast.chiangrai_viewer).get(f"/api/welfare/funds/{registry.mae_yao.pk}").json()
        # then each of its two records was linked by the coordinator's reconcile run
        assert sorted((d["kind"], d["source"], d["decided_by"]) for d in fund["link_decisions"]) == [
            ("linked", MATCHING, "cr_coord"),
            ("linked", PROGRAM, "cr_coord"),
        ]
        assert all(
            d["decided_at"] and d["record_id"] and d["from_fund_id"] is None for d in fund["link_decisions"]
        )

    def test_a_split_through_the_api_keeps_who_and_the_note(self, cast, api_for, registry, survey):
        matching = registry.record(registry.mae_yao, MATCHING)
        client = api_for(cast.mueang_coordinator)
        # when the coordinator splits the matching list's record off, saying why
        response = client.post(
            f"/api/welfare/review/{matching.pk}", {"action": "split", "note": "รหัสไม่ตรงกัน"}
        )
        assert response.status_code == 200, response.content
        # then the new fund's output names who split it, from which fund, and why
        own = client.get(f"/api/welfare/funds/{response.json()['fund_id']}").json()
        [split] = [d for d in own["link_decisions"] if d["kind"] == "split"]
        assert (
            split["decided_by"],
            split["from_fund_id"],
            split["note"],
            split["source"],
            split["record_id"],
        ) == ("mueang_coord", registry.mae_yao.pk, "รหัสไม่ตรงกัน", MATCHING, matching.pk)

    def test_a_refused_decision_keeps_nothing(self, cast, api_for, registry, survey):
        matching = registry.record(registry.mae_yao, MATCHING)
        before = LinkDecision.objects.count()
        # when a viewer tries to split the record
        response = api_for(cast.chiangrai_viewer).post(
            f"/api/welfare/review/{matching.pk}", {"action": "split"}
        )
        # then they are refused and no decision was written
        assert response.status_code == 403 and LinkDecision.objects.count() == before
