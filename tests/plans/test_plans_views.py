"""The plan pages: the list with its filters and export, the plan's page in Thai, editing on a version."""

from django.urls import reverse
from django.utils import translation

from sanphalang.plans.models import Plan

from .factories import VISION, province_plan, signed_agreement, with_main_works


def test_the_plan_page_shows_the_vision_main_works_and_agreements_in_thai(cast, client_for):
    plan = with_main_works(cast, province_plan(cast))
    signed_agreement(cast, plan)
    with translation.override("th"):
        page = client_for(cast.mueang_coordinator).get(
            reverse("plans:plan_detail", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="th"
        )
    text = page.content.decode()
    assert page.status_code == 200
    assert VISION in text and "งานหลักที่ 5" in text and "บันทึกความร่วมมือขับเคลื่อนวาระคนเชียงราย" in text
    assert ">fiscal<" not in text and ">draft<" not in text
    # a district reads it but is offered no edit
    assert reverse("plans:plan_update", args=[plan.pk]) not in text
    # its targets are listed (none yet), and a district cannot approve the province's progress
    assert page.context["targets_section"]["rollups"] == []
    assert page.context["targets_section"]["can_approve"] is False


def test_another_province_is_not_shown_the_plan(cast, client_for):
    plan = province_plan(cast)
    assert (
        client_for(cast.phayao_coordinator).get(reverse("plans:plan_detail", args=[plan.pk])).status_code
        == 404
    )
    assert (
        client_for(cast.mueang_coordinator).get(reverse("plans:plan_update", args=[plan.pk])).status_code
        == 403
    )


def test_the_list_filters_by_year_and_exports(cast, client_for):
    province_plan(cast)
    province_plan(cast, title="วาระคนเชียงราย ปี 2566", year_be=2566)
    client = client_for(cast.chiangrai_coordinator)
    page = client.get(reverse("plans:plan_list"), {"year": "๒๕๖๖"})
    assert [plan.title for plan, _owner in page.context["rows"]] == ["วาระคนเชียงราย ปี 2566"]
    export = client.get(reverse("plans:plan_list"), {"export": "csv"})
    assert "วาระคนเชียงราย ปี 2565" in export.content.decode("utf-8-sig")


def test_a_plan_is_created_from_its_form_with_a_be_year(cast, client_for):
    client = client_for(cast.chiangrai_coordinator)
    answer = client.post(
        reverse("plans:plan_create"),
        {
            "title": "วาระคนเชียงราย ปี 2567",
            "area_code": "57",
            "year_kind": "fiscal",
            "year_be": "๒๕๖๗",
            "period_kind": "quarter",
            "status": "adopted",
            "adopted_on": "27/1/2567",
        },
    )
    assert answer.status_code == 302, answer.context["form"].errors
    plan = Plan.objects.get(title="วาระคนเชียงราย ปี 2567")
    assert plan.year_be == 2567 and plan.adopted_on.year == 2024


def test_a_main_work_is_added_on_the_plan_page(cast, client_for):
    plan = province_plan(cast)
    answer = client_for(cast.chiangrai_coordinator).post(
        reverse("plans:main_work_create", args=[plan.pk]), {"work-title": "ความมั่นคงทางอาหาร"}
    )
    assert answer.status_code == 302
    assert plan.main_works.get().number == 1


def test_the_plan_page_leads_to_its_projects_and_its_targets(cast, client_for):
    plan = province_plan(cast)
    text = (
        client_for(cast.mueang_coordinator).get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    )
    assert f'href="{reverse("plans:project_list", args=[plan.pk])}"' in text
    assert f'href="{reverse("plans:indicator_list", args=[plan.pk])}"' in text
