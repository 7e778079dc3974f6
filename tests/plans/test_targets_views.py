"""Target pages: the split editor (one box per district of Phayao, Thai digits) and the flag of a split that
does not add up."""

from decimal import Decimal

from django.utils.html import escape

from sanphalang.plans.models import TargetSplit
from sanphalang.plans.services.targets import indicator_create

from .projects_data import HOUSING_SPLIT, phayao_districts, phayao_plan  # noqa: F401

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def test_the_split_editor_offers_the_nine_districts_and_saves_thai_digits(cast, client_for, phayao_plan):  # noqa: F811
    housing = indicator_create(
        by=cast.phayao_coordinator, plan=phayao_plan, name="ครัวเรือน", target=Decimal(618)
    )
    client = client_for(cast.phayao_coordinator)
    page = client.get(f"/plans/indicators/{housing.pk}/split/")
    assert len(page.context["form"].split_fields()) == 9
    data = {
        f"split_{code}": str(value).translate(THAI)
        for code, value in zip(phayao_districts(), HOUSING_SPLIT, strict=True)
    }
    data["version"] = "1"
    assert client.post(f"/plans/indicators/{housing.pk}/split/", data).status_code == 302
    assert sum(TargetSplit.objects.values_list("target", flat=True)) == 618
    detail = client.get(f"/plans/indicators/{housing.pk}/")
    assert detail.context["table"].check.adds_up


def test_the_target_page_flags_a_split_that_does_not_add_up(cast, client_for, phayao_plan):  # noqa: F811
    housing = indicator_create(
        by=cast.phayao_coordinator, plan=phayao_plan, name="ครัวเรือน", target=Decimal(618)
    )
    TargetSplit.objects.create(indicator=housing, area_id="5601", target=600)
    page = client_for(cast.phayao_coordinator).get(f"/plans/indicators/{housing.pk}/")
    flags = page.context["table"].check.flags
    assert len(flags) == 1 and "600" in flags[0].message and escape(flags[0].message) in page.content.decode()


def test_a_district_coordinator_of_the_province_reads_but_cannot_split(cast, client_for, phayao_plan):  # noqa: F811
    from sanphalang.accounts.services import user_create

    district = user_create(
        username="chun", password="x-Long-pass-123", role="area_coordinator", area_codes=["5602"]
    )
    housing = indicator_create(
        by=cast.phayao_coordinator, plan=phayao_plan, name="ครัวเรือน", target=Decimal(618)
    )
    client = client_for(district)
    assert client.get(f"/plans/indicators/{housing.pk}/").status_code == 200
    assert client.get(f"/plans/indicators/{housing.pk}/split/").status_code == 403


def test_a_target_added_from_its_project_starts_under_that_project(cast, client_for, phayao_plan):  # noqa: F811
    from sanphalang.plans.services.projects import project_create

    housing = project_create(
        by=cast.phayao_coordinator, plan=phayao_plan, name="โครงการบ้านพอเพียงชนบท ปี 2565", area_code="56"
    )
    client = client_for(cast.phayao_coordinator)
    project_page = client.get(f"/plans/projects/{housing.pk}/").content.decode()
    assert f"/plans/{phayao_plan.pk}/indicators/new/?project={housing.pk}" in project_page

    form = client.get(f"/plans/{phayao_plan.pk}/indicators/new/?project={housing.pk}").context["form"]
    assert form["project"].value() == housing.pk
    # a project that is not the plan's is not preselected
    assert client.get(f"/plans/{phayao_plan.pk}/indicators/new/?project=999999").context["form"][
        "project"
    ].value() in (None, "")
