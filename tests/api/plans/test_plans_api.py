"""The plans API: plans, main works, agreements, parties and signatories, with the province's rules and ETags."""

from tests.plans.factories import province_plan, signed_agreement, with_main_works


def test_a_plan_is_created_and_read_with_its_main_works(cast, api_for):
    api = api_for(cast.chiangrai_coordinator)
    created = api.post("/api/plans", {"title": "วาระคนเชียงราย ปี 2565", "area_code": "57", "year_be": "๒๕๖๕"})
    assert created.status_code == 201, created.content
    plan_id = created.json()["id"]
    work = api.post(f"/api/plans/{plan_id}/main-works", {"title": "ความมั่นคงทางอาหาร"})
    assert work.status_code == 201 and work.json()["number"] == 1
    read = api.get(f"/api/plans/{plan_id}")
    assert read["ETag"] == 'W/"1"' and [w["title"] for w in read.json()["main_works"]] == ["ความมั่นคงทางอาหาร"]


def test_another_province_neither_reads_nor_changes_a_plan(cast, api_for):
    plan = with_main_works(cast, province_plan(cast), count=1)
    outsider = api_for(cast.phayao_coordinator)
    assert outsider.get(f"/api/plans/{plan.pk}").status_code == 404
    assert outsider.patch(f"/api/plans/{plan.pk}", {"title": "อื่น"}).status_code == 404
    assert api_for(cast.mueang_coordinator).patch(f"/api/plans/{plan.pk}", {"title": "อื่น"}).status_code == 403


def test_an_agreement_names_its_signatory_and_refuses_a_stale_change(cast, api_for):
    agreement = signed_agreement(cast, province_plan(cast))
    api = api_for(cast.chiangrai_coordinator)
    data = api.get(f"/api/agreements/{agreement.pk}").json()
    signatory = data["parties"][0]["signatories"][0]
    assert signatory["person_name"] == "นายศักดิ์ฤทธิ์ สลักคำ"
    path = f"/api/signatories/{signatory['id']}"
    assert api.patch(path, {"position": "ผู้ว่าราชการจังหวัดเชียงราย", "version": 1}).status_code == 200
    stale = api.patch(path, {"position": "รองผู้ว่าราชการจังหวัด", "version": 1})
    assert stale.status_code == 409 and stale.json()["code"] == "stale_version"


def test_a_plan_with_an_agreement_is_not_deleted(cast, api_for):
    plan = province_plan(cast)
    signed_agreement(cast, plan)
    answer = api_for(cast.chiangrai_coordinator).delete(f"/api/plans/{plan.pk}")
    assert answer.status_code == 422 and answer.json()["detail"]
    assert type(plan).objects.filter(pk=plan.pk).exists()
