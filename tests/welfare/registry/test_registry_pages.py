"""The pages that register a fund and edit its registry details, against the cast."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sanphalang.directory.models import Organisation, OrganisationKind
from sanphalang.welfare.models import Fund
from sanphalang.welfare.services.registry import fund_create

NAME = "กองทุนสวัสดิการชุมชนตำบลเวียง"
CREATE = reverse("welfare:fund_create")


@pytest.fixture
def network(db) -> Organisation:
    return Organisation.objects.create(
        kind=OrganisationKind.NETWORK, name_th="เครือข่ายสวัสดิการชุมชนจังหวัดเชียงราย", area_id="57"
    )


@pytest.fixture
def fund(cast) -> Fund:
    return fund_create(
        by=cast.chiangrai_coordinator,
        name=NAME,
        area_code="570101",
        fund_code="F100",
        contact_name="นางสมศรี ใจดี",
    )


def _posted(**overrides) -> dict:
    """What the new-fund form sends for a fund in Wiang subdistrict, with the given inputs changed."""
    return {"name": NAME, "area_code": "570101", "status": "active", **overrides}


def _edit_posted(**overrides) -> dict:
    return {"area_code": "570101", "contact_name": "นางสมศรี ใจดี", **overrides}


def _be(date: dt.date) -> str:
    return f"{date.day}/{date.month}/{date.year + 543}"


def test_a_coordinator_registers_a_fund_with_thai_dates_and_sees_it_on_its_page(cast, client_for, network):
    # given the provincial coordinator of Chiang Rai on the new-fund page
    client = client_for(cast.chiangrai_coordinator)
    assert client.get(CREATE).status_code == 200

    # when they register a fund with dates typed in Thai digits and BE years, and a network
    response = client.post(
        CREATE,
        _posted(
            founded_on="๑/๑/๒๕๔๘",
            registered_welfare_organisation="on",
            registered_on="๑๔ พฤษภาคม ๒๕๖๒",
            networks=[network.pk],
            contact_phone="081-234-5678",
        ),
    )

    # then the fund is registered with the dates read as BE
    fund = Fund.objects.get()
    assert response.status_code == 302 and response.url == reverse("welfare:fund_detail", args=[fund.pk])
    assert (fund.founded_on, fund.registered_on) == (dt.date(2005, 1, 1), dt.date(2019, 5, 14))
    # and its page shows the registration date in BE, the network linked to the directory and the Edit button
    page = client.get(response.url).content.decode()
    assert "2562" in page and "081-234-5678" in page
    assert reverse("directory:organisation_detail", args=[network.pk]) in page
    assert reverse("welfare:fund_update", args=[fund.pk]) in page


def test_the_fund_list_offers_a_new_fund_to_writers_only(cast, client_for):
    assert CREATE in client_for(cast.mueang_coordinator).get(reverse("welfare:fund_list")).content.decode()
    assert CREATE not in client_for(cast.chiangrai_viewer).get(reverse("welfare:fund_list")).content.decode()


def test_a_coordinator_edits_the_registry_details_and_the_page_explains_the_settle_step(
    cast, client_for, fund, network
):
    # given the district coordinator of the fund's district
    client = client_for(cast.mueang_coordinator)
    url = reverse("welfare:fund_update", args=[fund.pk])

    # when they open the edit page, it has no box for the settled values and links to the settle section
    response = client.get(url)
    assert response.status_code == 200
    assert not {"name", "members", "status", "founded_on", "fund_code"} & set(response.context["form"].fields)
    assert (
        reverse("welfare:fund_detail", args=[fund.pk]) + "#disagreements-heading" in response.content.decode()
    )

    # and they post the registration, a network, and a name the form does not offer
    response = client.post(
        url,
        _edit_posted(
            registered_welfare_organisation="on",
            registered_on="14/5/2562",
            is_municipal="on",
            networks=[network.pk],
            name="ชื่อที่แอบส่งมา",
        ),
    )

    # then the registry details change, the name does not, and the history names the district coordinator
    assert response.status_code == 302
    fund.refresh_from_db()
    assert (fund.registered_on, fund.is_municipal, fund.name_th) == (dt.date(2019, 5, 14), True, NAME)
    assert list(fund.networks.all()) == [network]
    assert fund.history.latest().history_user == cast.mueang_coordinator


def test_a_district_coordinator_gets_a_field_error_for_a_subdistrict_outside_their_district(cast, client_for):
    # given the Mueang district coordinator; when they register a fund in Mae Sai subdistrict (570901)
    response = client_for(cast.mueang_coordinator).post(CREATE, _posted(area_code="570901"))
    # then the form comes back with the error at the area and nothing is registered
    assert response.status_code == 400
    assert response.context["form"].errors["area_code"]
    assert not Fund.objects.exists()


@pytest.mark.parametrize("role", ["chiangrai_viewer", "chiangrai_partner", "unassigned"])
def test_a_user_who_cannot_write_is_refused_the_new_fund_page_and_its_post(cast, client_for, role):
    client = client_for(getattr(cast, role))
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, _posted()).status_code == 403
    assert not Fund.objects.exists()


@pytest.mark.parametrize("role", ["chiangrai_viewer", "chiangrai_partner"])
def test_a_reader_of_the_fund_sees_no_edit_button_and_is_refused_the_edit(cast, client_for, fund, role):
    # given a user who reads Chiang Rai but writes nothing
    client = client_for(getattr(cast, role))
    url = reverse("welfare:fund_update", args=[fund.pk])
    # then the fund page has no edit button
    detail = client.get(reverse("welfare:fund_detail", args=[fund.pk]))
    assert detail.status_code == 200 and url not in detail.content.decode()
    # and the edit page and its post are refused, leaving the fund as it was
    assert client.get(url).status_code == 403
    assert client.post(url, _edit_posted(contact_name="เปลี่ยน")).status_code == 403
    fund.refresh_from_db()
    assert fund.contact_name == "นางสมศรี ใจดี" and fund.history.count() == 1


@pytest.mark.parametrize("role", ["phayao_coordinator", "maesai_coordinator"])
def test_an_outsider_gets_404_and_nothing_changes(cast, client_for, fund, role):
    # given a coordinator of another province or district, who cannot see the fund
    client = client_for(getattr(cast, role))
    url = reverse("welfare:fund_update", args=[fund.pk])
    # when they open or post the edit page, then it does not exist for them
    assert client.get(url).status_code == 404
    assert client.post(url, _edit_posted(area_code="560101", contact_name="เปลี่ยน")).status_code == 404
    # and the fund is as it was
    fund.refresh_from_db()
    assert (fund.area_id, fund.contact_name, fund.history.count()) == ("570101", "นางสมศรี ใจดี", 1)


TOMORROW = "tomorrow"  # replaced by tomorrow's date in BE when the test runs


@pytest.mark.parametrize(
    "inputs,field",
    [
        ({"area_code": "579999"}, "area_code"),
        ({"area_code": "5701"}, "area_code"),
        ({"area_code": "abc'; drop"}, "area_code"),
        ({"registered_on": "14/5/2562"}, "registered_on"),
        ({"registered_welfare_organisation": "on", "registered_on": TOMORROW}, "registered_on"),
        ({"registered_on": "31/02/2562", "registered_welfare_organisation": "on"}, "registered_on"),
        ({"founded_on": "เมื่อวาน"}, "founded_on"),
        ({"status": "gone"}, "status"),
        ({"networks": ["x"]}, "networks"),
        ({"networks": ["999999"]}, "networks"),
        ({"organisation": "999999"}, "organisation"),
        ({"name": ""}, "name"),
        ({"contact_phone": "9" * 61}, "contact_phone"),
    ],
)
def test_bad_input_gives_a_field_error_with_status_400_and_registers_nothing(cast, client_for, inputs, field):
    tomorrow = _be(timezone.localdate() + dt.timedelta(days=1))
    inputs = {key: (tomorrow if value == TOMORROW else value) for key, value in inputs.items()}
    response = client_for(cast.chiangrai_coordinator).post(CREATE, _posted(**inputs))
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert not Fund.objects.exists()


def test_bad_input_on_the_edit_page_gives_a_field_error_and_changes_nothing(cast, client_for, fund):
    url = reverse("welfare:fund_update", args=[fund.pk])
    response = client_for(cast.chiangrai_coordinator).post(
        url, _edit_posted(area_code="579999", contact_name="เปลี่ยน")
    )
    assert response.status_code == 400 and list(response.context["form"].errors) == ["area_code"]
    fund.refresh_from_db()
    assert (fund.area_id, fund.contact_name) == ("570101", "นางสมศรี ใจดี")


def test_the_area_finder_offers_only_subdistricts_of_the_users_areas(cast, client_for):
    # given "เวียง", a subdistrict name in both Mueang Chiang Rai and Mueang Phayao
    response = client_for(cast.mueang_coordinator).get(
        reverse("welfare:fund_area_options"), {"area_code": "เวียง"}
    )
    codes = [code for code, _label in response.context["areas"]]
    # then the Mueang coordinator is offered Wiang of their district, and only subdistricts of it
    assert "570101" in codes
    assert all(code.startswith("5701") and len(code) == 6 for code in codes)
