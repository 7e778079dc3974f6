"""Reconciling every province at once (the job and the command line), and a new fund's values taken by trust."""

import pytest
from django.core.management import CommandError, call_command

from sanphalang.jobs.models import Job, JobStatus
from sanphalang.welfare.errors import WelfareError
from sanphalang.welfare.models import Fund, FundStatus, SourceKind, SourceRecord
from sanphalang.welfare.services.reconcile import reconcile, reconcile_all_start
from sanphalang.welfare.services.sources import source_import

from ..registry_data import THAI_HEADINGS, table

PROGRAM = [
    ["1", "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "1,200", "", "F001"],
    ["2", "กองทุนสวัสดิการชุมชนตำบลแม่กา", "แม่กา", "เมืองพะเยา", "พะเยา", "900", "ดำเนินการ", "P001"],
]
SURVEY = [
    ["1", "กองทุนสวัสดิการ ต.แม่ยาว", "แม่ยาว", "เมือง", "เชียงราย", "1,250", "หยุดชั่วคราว", ""],
]


def _national(cast):
    for name, kind, rows in (("โปรแกรม", SourceKind.PROGRAM, PROGRAM), ("สำรวจ", SourceKind.SURVEY, SURVEY)):
        source_import(
            by=cast.admin, source_name=name, area_code="TH", kind=kind, table=table(THAI_HEADINGS, rows)
        )


class TestReconcileAll:
    def test_the_job_reconciles_every_province_with_rows(self, cast):
        _national(cast)
        job = reconcile_all_start(by=cast.admin)
        assert job.status == JobStatus.DONE, job.failure
        assert job.params["provinces"] == ["56", "57"] and job.result["provinces"] == 2
        assert job.result["records"] == 3 and not SourceRecord.objects.filter(fund=None).exists()

    def test_a_provincial_coordinator_reconciles_only_their_province(self, cast):
        _national(cast)
        job = reconcile_all_start(by=cast.chiangrai_coordinator)
        assert job.params["provinces"] == ["57"]
        assert SourceRecord.objects.filter(fund=None).get().province_id == "56"

    def test_the_command_line_does_what_the_job_does(self, cast, capsys):
        _national(cast)
        call_command("welfare", "reconcile-registry", "--user", cast.admin.username)
        assert Fund.objects.count() == 2 and "2" in capsys.readouterr().out
        with pytest.raises(CommandError):
            call_command("welfare", "reconcile-registry", "--user", "nobody-of-that-name")


class TestFieldTrust:
    def test_a_new_fund_takes_each_field_from_the_source_trusted_for_it_and_says_where(self, cast):
        # given the program (no status for Mae Yao, 1,200 members) and the survey (paused, 1,250 members)
        _national(cast)
        # when Chiang Rai is reconciled
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        mae_yao = Fund.objects.get(fund_code="F001")
        program = SourceRecord.objects.get(source__name="โปรแกรม", province_id="57")
        survey = SourceRecord.objects.get(source__name="สำรวจ")
        # then the status and members are the survey's, the name and code the program's, each with its row
        assert (mae_yao.status, mae_yao.members) == (FundStatus.PAUSED, 1250)
        assert mae_yao.name_th == "กองทุนสวัสดิการชุมชนตำบลแม่ยาว"
        assert mae_yao.field_sources["status"] == [survey.source_id, 2]
        assert mae_yao.field_sources["members"] == [survey.source_id, 2]
        assert mae_yao.field_sources["fund_code"] == [program.source_id, 2]
        assert "founded" not in mae_yao.field_sources


class TestReconcileAllPage:
    def test_the_sources_page_reconciles_every_province_of_the_user_as_a_job(self, cast, client_for):
        # given the national files, and the administrator on the sources page
        _national(cast)
        client = client_for(cast.admin)
        page = client.get("/welfare/sources/").content.decode()
        assert 'action="/welfare/reconcile/all/"' in page
        # when they reconcile every province at once
        response = client.post("/welfare/reconcile/all/")
        # then a job did it, and its page is where they are sent
        [job] = Job.objects.filter(kind="welfare.reconcile_all")
        assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
        assert job.status == JobStatus.DONE and job.result["provinces"] == 2
        assert not SourceRecord.objects.filter(fund=None).exists()

    def test_a_coordinator_of_one_province_is_not_offered_it(self, cast, client_for):
        _national(cast)
        page = client_for(cast.chiangrai_coordinator).get("/welfare/sources/").content.decode()
        assert 'action="/welfare/reconcile/all/"' not in page

    def test_with_nothing_to_reconcile_it_says_so_and_queues_nothing(self, cast, client_for):
        response = client_for(cast.admin).post("/welfare/reconcile/all/", follow=True)
        assert not Job.objects.filter(kind="welfare.reconcile_all").exists()
        assert WelfareError.NO_SOURCES_TO_RECONCILE.message() in response.content.decode()

    def test_a_viewer_is_refused_and_nothing_runs(self, cast, client_for):
        _national(cast)
        response = client_for(cast.chiangrai_viewer).post("/welfare/reconcile/all/")
        assert response.status_code == 403
        assert not Job.objects.filter(kind="welfare.reconcile_all").exists()
