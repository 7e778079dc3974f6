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


class TestReviewQueuePaging:
    def _waiting(self, cast):
        reconciled_fund(cast)
        SourceRecord.objects.filter(fund__isnull=False).update(needs_review=True)
        return SourceRecord.objects.filter(needs_review=True).count()

    def test_it_counts_the_links_waiting_and_pages_them(self, cast, client_for, settings):
        # given every record of Chiang Rai waiting for review, two a page
        waiting = self._waiting(cast)
        settings.LIST_PAGE_SIZE = 2
        client = client_for(cast.chiangrai_coordinator)
        # when the queue is read page by page
        first = client.get(reverse("welfare:review_queue"))
        last = client.get(
            reverse("welfare:review_queue"), {"page": first.context["listing"].page.paginator.num_pages}
        )
        # then it says how many wait, and the pages hold them all, each once
        assert first.context["listing"].total == waiting
        shown = [r.pk for r in first.context["records"]] + [r.pk for r in last.context["records"]]
        assert len(first.context["records"]) == 2 and len(set(shown)) == len(shown)

    def test_it_names_each_row_by_its_source_and_area(self, cast, client_for):
        self._waiting(cast)
        response = client_for(cast.chiangrai_coordinator).get(reverse("welfare:review_queue"))
        record = response.context["records"][0]
        assert f"{record.source.name} (เชียงราย) แถวที่ {record.row}" in response.content.decode()
        assert f"{record.source.name} #{record.row}" not in response.content.decode()

    def test_the_province_filter_keeps_the_links_of_that_province(self, cast, client_for):
        waiting = self._waiting(cast)
        client = client_for(cast.admin)
        assert (
            client.get(reverse("welfare:review_queue"), {"province": "57"}).context["listing"].total
            == waiting
        )
        assert client.get(reverse("welfare:review_queue"), {"province": "56"}).context["records"] == []
        # a province outside the user's areas is not a filter they can choose
        outsider = client_for(cast.phayao_coordinator).get(
            reverse("welfare:review_queue"), {"province": "57"}
        )
        assert outsider.context["records"] == [] and outsider.context["province"] == ""
