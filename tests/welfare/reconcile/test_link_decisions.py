"""Who linked, merged, split or confirmed a fund's records is kept with when and why, and shown on the fund's page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from sanphalang.errors import AccessDenied
from sanphalang.thai.templatetags.thai import be_date
from sanphalang.welfare.linkage.reasons import OFFICER_CONFIRMED, OFFICER_MERGED, OFFICER_SPLIT, reason_label
from sanphalang.welfare.models import Fund, LinkDecision, LinkDecisionKind, SourceRecord
from sanphalang.welfare.services.reconcile import (
    MANUAL_REASON,
    link_confirm,
    link_merge,
    link_split,
    reconcile,
)

from ..registry_data import import_source, matching_rows, program_rows


def _decisions(**filters) -> list[tuple]:
    return list(
        LinkDecision.objects.filter(**filters)
        .order_by("pk")
        .values_list("kind", "source_name", "source_row", "decided_by__username")
    )


class TestReconcileKeepsWhoLinked:
    def test_each_record_a_run_links_names_who_ran_it_and_when(self, cast):
        # given two sources of Chiang Rai, not yet reconciled
        import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
        import_source(cast.chiangrai_coordinator, "สมทบ", matching_rows())
        # when the coordinator reconciles them
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        # then each record has a row saying who linked it to which fund, as the record was then
        assert LinkDecision.objects.count() == SourceRecord.objects.count() == 5
        for record in SourceRecord.objects.select_related("source"):
            [decision] = record.link_decisions.all()
            assert (
                decision.fund_id,
                decision.kind,
                decision.decided_by,
                decision.source_name,
                decision.source_row,
                decision.fund_name,
                decision.from_fund_id,
            ) == (
                record.fund_id,
                LinkDecisionKind.LINKED,
                cast.chiangrai_coordinator,
                record.source.name,
                record.row,
                record.fund_name,
                None,
            )
            assert decision.decided_at is not None

    def test_a_run_that_changes_no_link_adds_no_decision(self, cast, two_sources):
        # given the sources reconciled once
        before = _decisions()
        # when the admin reconciles again
        reconcile(by=cast.admin, province_code="57")
        # then no link moved, so no decision was added
        assert _decisions() == before


class TestOfficersDecisions:
    def test_a_split_and_a_merge_keep_who_decided_where_from_and_why(self, cast, two_sources):
        record = two_sources.source_records.get(source__name="สมทบ")
        # when the coordinator splits the matching list's record off, saying why
        own = link_split(by=cast.chiangrai_coordinator, record=record, note="รหัสกองทุนต่างกัน")
        # then the split is kept with who, the fund the record left, and the note
        split = LinkDecision.objects.get(kind=LinkDecisionKind.SPLIT)
        assert (split.fund, split.from_fund, split.record, split.decided_by, split.note) == (
            own,
            two_sources,
            record,
            cast.chiangrai_coordinator,
            "รหัสกองทุนต่างกัน",
        )
        # when a colleague merges it back
        link_merge(by=cast.mueang_coordinator, record=record, fund=two_sources)
        # then the merge names them, and the fund it was taken from
        merge = LinkDecision.objects.get(kind=LinkDecisionKind.MERGED)
        assert (merge.fund, merge.from_fund, merge.decided_by, merge.note) == (
            two_sources,
            own,
            cast.mueang_coordinator,
            "",
        )

    def test_a_confirmed_link_keeps_who_confirmed_it(self, cast, two_sources):
        record = two_sources.source_records.get(source__name="สมทบ")
        SourceRecord.objects.filter(pk=record.pk).update(needs_review=True)
        # when the coordinator confirms the uncertain link
        link_confirm(
            by=cast.mueang_coordinator,
            record=SourceRecord.objects.select_related("source", "fund").get(pk=record.pk),
            note="ตรวจแล้ว",
        )
        # then the confirmation is kept with its fund, record and who
        confirmed = LinkDecision.objects.get(kind=LinkDecisionKind.CONFIRMED)
        assert (confirmed.fund, confirmed.record, confirmed.decided_by, confirmed.note) == (
            two_sources,
            record,
            cast.mueang_coordinator,
            "ตรวจแล้ว",
        )

    def test_a_refused_decision_keeps_no_decision(self, cast, two_sources):
        record = two_sources.source_records.get(source__name="สมทบ")
        before = _decisions()
        # when a viewer and an outsider try to split the record
        for user in (cast.chiangrai_viewer, cast.phayao_coordinator):
            with pytest.raises(AccessDenied):
                link_split(by=user, record=record)
        # then nothing was decided
        assert _decisions() == before

    def test_a_split_refused_as_invalid_keeps_no_decision(self, cast, two_sources):
        # given the program's record, whose own name is the fund's
        record = two_sources.source_records.get(source__name="โปรแกรม")
        before = _decisions()
        # when it is split off, the split is refused: the decision goes with it in the one transaction
        with pytest.raises(ValidationError):
            link_split(by=cast.chiangrai_coordinator, record=record)
        assert _decisions() == before and Fund.objects.count() == 3

    def test_the_decision_outlives_a_new_import_of_its_source(self, cast, two_sources):
        record = two_sources.source_records.get(source__name="สมทบ")
        link_split(by=cast.chiangrai_coordinator, record=record)
        # when the matching list is imported again, replacing its records
        import_source(cast.chiangrai_coordinator, "สมทบ", matching_rows())
        # then the decision still says which source and row it was about
        split = LinkDecision.objects.get(kind=LinkDecisionKind.SPLIT)
        assert (split.record, split.source_name, split.source_row) == (None, "สมทบ", record.row)


class TestFundPage:
    def test_it_shows_who_linked_the_records(self, cast, client_for, two_sources):
        record = two_sources.source_records.get(source__name="สมทบ")
        own = link_split(by=cast.mueang_coordinator, record=record, note="คนละกองทุน")
        # when a colleague opens the new fund's page
        page = (
            client_for(cast.chiangrai_viewer)
            .get(reverse("welfare:fund_detail", args=[own.pk]))
            .content.decode()
        )
        # then it says who split the record off, from which source and row, and why
        assert "mueang_coord" in page and "คนละกองทุน" in page
        assert str(LinkDecisionKind.SPLIT.label) in page and "สมทบ" in page
        # and the old fund's page names who reconciled its records
        old = client_for(cast.chiangrai_viewer).get(reverse("welfare:fund_detail", args=[two_sources.pk]))
        assert (
            "cr_coord" in old.content.decode() and str(LinkDecisionKind.LINKED.label) in old.content.decode()
        )

    def test_the_review_queue_keeps_the_officers_note(self, cast, client_for, two_sources):
        record = two_sources.source_records.get(source__name="สมทบ")
        SourceRecord.objects.filter(pk=record.pk).update(needs_review=True)
        # when the coordinator confirms the link from the queue, with a note
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:review_decide", args=[record.pk]), {"action": "confirm", "note": "โทรถามแล้ว"}
        )
        # then the confirmation is kept with the note and who
        assert response.status_code == 302
        assert list(
            LinkDecision.objects.filter(kind=LinkDecisionKind.CONFIRMED).values_list(
                "note", "decided_by__username"
            )
        ) == [("โทรถามแล้ว", "cr_coord")]


class TestReadInTheReadersLanguage:
    def test_an_officers_decision_reads_in_the_readers_language_whoever_made_it(
        self, cast, client_for, two_sources
    ):
        record = two_sources.source_records.get(source__name="สมทบ")
        # given an officer who reads English splits a record off
        with translation.override("en"):
            own = link_split(by=cast.mueang_coordinator, record=record)
        # then the decision is kept as its code and day, in no one's words
        today = timezone.localdate()
        assert SourceRecord.objects.get(pk=record.pk).link_reasons[:2] == [
            [MANUAL_REASON],
            [OFFICER_SPLIT, today.isoformat()],
        ]
        # when a colleague reads the new fund's page in Thai, and then in English
        client = client_for(cast.chiangrai_viewer)
        thai = client.get(reverse("welfare:fund_detail", args=[own.pk])).content.decode()
        client.cookies["django_language"] = "en"
        english = client.get(reverse("welfare:fund_detail", args=[own.pk])).content.decode()
        # then each reads it in their language, on the day in the Buddhist Era
        with translation.override("th"):
            thai_day = be_date(today)
        assert f"เจ้าหน้าที่แยกออกเป็นกองทุนใหม่ เมื่อ {thai_day}" in thai
        assert "split into" not in thai and today.isoformat() not in thai
        assert f"split into a fund of its own by an officer on {today.day} " in english
        assert f"{today.year + 543} BE" in english

    def test_decisions_kept_in_words_before_are_turned_into_codes(self, cast, two_sources):
        from importlib import import_module

        from django.apps import apps

        migration = import_module("sanphalang.welfare.migrations.0009_officer_reasons_as_codes")
        # given decisions kept, as before, in the words of whoever made them (Thai, English, or unknown)
        records = list(two_sources.source_records.order_by("pk"))
        written = [
            [[MANUAL_REASON], ["เจ้าหน้าที่ยืนยันการเชื่อมโยงแล้ว", "2025-05-14"], ["name_same"]],
            [[MANUAL_REASON], ["merged into this fund by an officer", "2025-05-14"]],
        ]
        for record, reasons in zip(records, written, strict=False):
            SourceRecord.objects.filter(pk=record.pk).update(link_reasons=reasons)
        # when the migration runs
        migration.forwards(apps, None)
        # then each is its code and day, the linkage's reasons as they were
        assert [SourceRecord.objects.get(pk=r.pk).link_reasons for r in records[:2]] == [
            [[MANUAL_REASON], [OFFICER_CONFIRMED, "2025-05-14"], ["name_same"]],
            [[MANUAL_REASON], [OFFICER_MERGED, "2025-05-14"]],
        ]
        # and words it cannot place read as they were written, the day in the Buddhist Era
        with translation.override("th"):
            assert reason_label(["ตรวจสอบแล้ว", "2025-05-14"]) == "ตรวจสอบแล้ว 14 พฤษภาคม 2568"
