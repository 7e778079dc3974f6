"""The review queue's page: a split from the queue, the roll-up page, in-source duplicates."""

from django.urls import reverse

from sanphalang.welfare.models import Fund, SourceRecord

from ..registry_data import import_source, program_rows, reconciled_fund


class TestReviewQueue:
    def test_it_splits_a_record_from_the_queue(self, cast, client_for):
        fund = reconciled_fund(cast)
        record = fund.source_records.get(source__name="สมทบ")
        SourceRecord.objects.filter(pk=record.pk).update(needs_review=True)
        client = client_for(cast.chiangrai_coordinator)
        assert [r.pk for r in client.get(reverse("welfare:review_queue")).context["records"]] == [record.pk]
        response = client.post(reverse("welfare:review_decide", args=[record.pk]), {"action": "split"})
        assert response.status_code == 302
        record.refresh_from_db()
        assert record.fund != fund and not record.needs_review

    def test_it_shows_the_rollup(self, cast, client_for):
        reconciled_fund(cast)
        response = client_for(cast.chiangrai_coordinator).get(reverse("welfare:rollup"))
        assert {r["code"]: r["funds"] for r in response.context["rows"]} == {"5701": 2, "5709": 1}


class TestInSourceDuplicates:
    def test_two_rows_of_one_source_for_one_fund_are_reported_on_the_review_page(self, cast, client_for):
        # given a program file that lists Mae Yao twice, the second time with Thai digits in its code
        rows = program_rows() + [
            ["4", "กองทุนสวัสดิการชุมชน ต.แม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "๑,๒๐๐", "ดำเนินการ", "F001"]
        ]
        import_source(cast.chiangrai_coordinator, "โปรแกรม", rows)
        client = client_for(cast.chiangrai_coordinator)
        # when the province is reconciled
        response = client.post(reverse("welfare:reconcile"), {"province_code": "57"})
        # then the coordinator is sent to the review page, which lists the repeat with the row it repeats
        assert response.url == reverse("welfare:review_queue")
        [duplicate] = client.get(response.url).context["duplicates"]
        assert (duplicate.row, duplicate.duplicate_of.row) == (5, 2)  # the file's own lines
        assert duplicate.fund == Fund.objects.get(fund_code="F001") and Fund.objects.count() == 3
        # and an outsider sees none of it
        assert client_for(cast.phayao_coordinator).get(response.url).context["duplicates"] == []
