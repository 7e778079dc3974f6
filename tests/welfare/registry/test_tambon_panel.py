"""S13: a fund's page shows its subdistrict's other work, drawn from the directory, the meetings and the audits."""

import datetime as dt

import pytest
from django.urls import reverse

from sanphalang.directory.services import organisation_create
from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.meetings import meeting_create
from sanphalang.welfare.models import Fund
from sanphalang.welfare.services.audits import audit_round_create, audit_visit_plan, finding_add
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.registry import fund_update

from ..registry_data import import_source, program_rows


@pytest.fixture
def mae_yao(cast):
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    return Fund.objects.get(fund_code="F001")


def test_the_fund_page_gathers_the_subdistricts_work(cast, client_for, mae_yao):
    by = cast.chiangrai_coordinator
    # given an elderly school in Mae Yao and a housing group in another tambon
    school = organisation_create(
        by=by, kind="community_organisation", area_code="570106", name_th="โรงเรียนผู้สูงอายุตำบลแม่ยาว"
    )
    elsewhere = organisation_create(
        by=by, kind="community_organisation", area_code="570114", name_th="กลุ่มบ้านมั่นคงตำบลริมกก"
    )
    # and the fund's directory entry, partnered with a company's CSR programme
    company = organisation_create(by=by, kind="business", area_code="57", name_th="บริษัทตัวอย่าง จำกัด")
    entry = organisation_create(
        by=by, kind="welfare_fund", area_code="570106", name_th=mae_yao.name_th, partners=[company]
    )
    fund_update(by=by, fund=mae_yao, organisation=entry)
    # and the tambon's community council with a meeting, and a follow-up visit to the fund with an open finding
    council = body_create(by=by, name_th="สภาองค์กรชุมชนตำบลแม่ยาว", area_code="570106", kind="council")
    meeting = meeting_create(by=by, body=council, held_on=dt.date(2019, 6, 1))
    audit_round = audit_round_create(
        by=by,
        name="ติดตาม 2562",
        province_code="57",
        starts_on=dt.date(2019, 5, 20),
        ends_on=dt.date(2019, 6, 15),
    )
    visit = audit_visit_plan(by=by, audit_round=audit_round, fund=mae_yao, planned_on=dt.date(2019, 5, 21))
    finding_add(by=by, visit=visit, text="ทะเบียนสมาชิกไม่เป็นปัจจุบัน")

    # when a viewer of the province opens the fund
    context = client_for(cast.chiangrai_viewer).get(reverse("welfare:fund_detail", args=[mae_yao.pk])).context

    # then the panel lists what is in Mae Yao and nothing from Rim Kok
    assert school in context["organisations"] and elsewhere not in context["organisations"]
    assert context["bodies"] == [council] and context["meetings"] == [meeting]
    assert context["partners"] == [company] and entry not in context["organisations"]
    [shown] = context["audit_visits"]
    assert shown == visit and shown.open_findings == 1


def test_an_outsider_cannot_open_the_fund_to_see_the_panel(cast, client_for, mae_yao):
    response = client_for(cast.phayao_coordinator).get(reverse("welfare:fund_detail", args=[mae_yao.pk]))
    assert response.status_code == 404
