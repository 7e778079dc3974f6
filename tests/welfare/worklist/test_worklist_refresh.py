"""The worklist is kept by the writes that change what waits: a reconcile, a settlement, an import, a link."""

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.models.signals import post_migrate
from django.test.utils import CaptureQueriesContext

from sanphalang.welfare.models import DisagreementKind, Fund, FundDisagreement
from sanphalang.welfare.services import worklist
from sanphalang.welfare.services.reconcile import link_split, reconcile
from sanphalang.welfare.services.settle import settle
from sanphalang.welfare.services.worklist import worklist_rebuild, worklist_refresh

from ..registry_data import import_source, program_rows, reconciled_fund


def _open(fund=None) -> dict[tuple[str, str], FundDisagreement]:
    rows = FundDisagreement.objects.filter(settled_at__isnull=True).select_related("fund")
    if fund is not None:
        rows = rows.filter(fund=fund)
    return {(row.fund.fund_code, row.field): row for row in rows}


def _program_rows_with_members(members: str):
    rows = program_rows()
    rows[0][5] = members
    return rows


class TestWorklistRefresh:
    def test_a_reconcile_lists_each_field_the_sources_disagree_on(self, cast):
        # given the program and the matching list of Chiang Rai, reconciled
        reconciled_fund(cast)
        rows = _open()
        # then Mae Yao's members (1,200 against 1,300) and Rim Kok's status wait, each once
        members = rows[("F001", "members")]
        assert members.kind == DisagreementKind.DISAGREEMENT
        assert sorted(v["value"] for v in members.values) == ["1200", "1300"]
        assert all(v["row"] for v in members.values)
        assert sorted(v["value"] for v in rows[("F002", "status")].values) == ["active", "paused"]
        # and Mae Sai, which the matching list lacks, waits with the matching list's value missing
        assert None in [v["value"] for v in rows[("F003", "members")].values]
        # and the sources that agree on a field put nothing on the list
        assert ("F001", "fund_code") not in rows
        # and each row names the sources it holds, for the source filter
        assert members.sources.count() == 2

    def test_a_settled_field_leaves_the_list_and_a_later_contradicting_import_reopens_it_as_a_conflict(
        self, cast
    ):
        fund = reconciled_fund(cast)
        # when an officer settles the members
        settle(
            by=cast.chiangrai_coordinator, fund=fund, field="members", value="1250", reason="ตรวจทะเบียนแล้ว"
        )
        # then the field leaves the list, its row marked settled
        assert ("F001", "members") not in _open()
        row = FundDisagreement.objects.get(fund=fund, field="members")
        assert row.settled_at is not None
        # when the program is imported again saying 1,400 and reconciled
        import_source(cast.chiangrai_coordinator, "โปรแกรม", _program_rows_with_members("1400"))
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        # then the same row is open again, as a conflict naming the program's new value only
        reopened = _open()[("F001", "members")]
        assert reopened.pk == row.pk and reopened.kind == DisagreementKind.CONFLICT
        assert [v["value"] for v in reopened.values] == ["1400"]
        assert FundDisagreement.objects.filter(fund=fund, field="members").count() == 1

    def test_refreshing_again_changes_nothing(self, cast):
        fund = reconciled_fund(cast)
        before = {(r.pk, r.kind, r.opened_at) for r in FundDisagreement.objects.all()}
        assert worklist_refresh(Fund.objects.values_list("pk", flat=True)) == 0
        assert {(r.pk, r.kind, r.opened_at) for r in FundDisagreement.objects.all()} == before
        assert fund.disagreement_rows.exists()

    def test_funds_whose_records_sources_and_settlements_are_unchanged_are_not_compared_again(self, cast):
        reconciled_fund(cast)
        # when every fund is refreshed with nothing changed since the reconcile
        with CaptureQueriesContext(connection) as captured:
            assert worklist_refresh(Fund.objects.values_list("pk", flat=True)) == 0
        # then no stored row is read, nor anything written
        sql = [q["sql"] for q in captured.captured_queries]
        assert not [q for q in sql if "welfare_funddisagreement" in q]
        assert not [q for q in sql if q.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]

    def test_a_changed_rule_compares_every_fund_again(self, cast, monkeypatch):
        reconciled_fund(cast)
        expected = set(_open())
        FundDisagreement.objects.all().delete()  # rows lost outside the services: the digests still match
        assert worklist_refresh(Fund.objects.values_list("pk", flat=True)) == 0
        # when the rule of what is open has changed since the last refresh
        monkeypatch.setattr(worklist, "WORKLIST_RULE", worklist.WORKLIST_RULE + 1)
        # then the next refresh compares every fund and writes its rows again
        assert worklist_refresh(Fund.objects.values_list("pk", flat=True)) == len(expected)
        assert set(_open()) == expected

    def test_an_officers_split_refreshes_both_funds(self, cast):
        fund = reconciled_fund(cast)
        matching = fund.source_records.get(source__name="สมทบ")
        # when the officer says the matching list's row is another fund
        link_split(by=cast.chiangrai_coordinator, record=matching, note="คนละกองทุน")
        # then Mae Yao no longer has a second members value: it now lacks the matching list instead
        values = _open(fund)[("F001", "members")].values
        assert sorted((v["value"] or "") for v in values) == ["", "1200"]

    def test_the_rebuild_command_restores_rows_lost_outside_the_services(self, cast):
        reconciled_fund(cast)
        expected = set(_open())
        FundDisagreement.objects.all().delete()
        # when the rebuild runs for the province
        call_command("welfare_worklist", "--province", "57")
        # then the list is what the services had kept
        assert set(_open()) == expected
        assert worklist_rebuild() == 0


class TestMigrationFillsTheWorklist:
    """A database with funds from before the worklist existed gets its rows when migrate creates it."""

    def _migrated(self, name: str, *, backwards: bool = False) -> None:
        welfare = apps.get_app_config("welfare")
        migration = MigrationLoader(connection).graph.nodes[("welfare", name)]
        post_migrate.send(
            sender=welfare,
            app_config=welfare,
            verbosity=0,
            interactive=False,
            using="default",
            plan=[(migration, backwards)],
        )

    def test_the_worklists_migration_fills_it_from_funds_already_there(self, cast):
        reconciled_fund(cast)
        before = set(_open())
        assert before
        FundDisagreement.objects.all().delete()  # as a database migrated before the worklist existed
        self._migrated("0008_worklist")
        assert set(_open()) == before

    def test_another_migration_or_going_back_leaves_it_alone(self, cast):
        reconciled_fund(cast)
        FundDisagreement.objects.all().delete()
        self._migrated("0009_officer_reasons_as_codes")
        self._migrated("0008_worklist", backwards=True)
        assert _open() == {}
