"""Registering a fund by hand and editing its registry details (services.registry) against the cast."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sanphalang.directory.models import Organisation, OrganisationKind
from sanphalang.errors import AccessDenied
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.names import organisation_search_key
from sanphalang.welfare.models import Fund, FundStatus
from sanphalang.welfare.services.registry import fund_create, fund_update

D = dt.date
NAME = "กองทุนสวัสดิการชุมชนตำบลเวียง"


def _organisation(kind, name, area_code) -> Organisation:
    return Organisation.objects.create(kind=kind, name_th=name, area_id=area_code)


@pytest.fixture
def orgs(db):
    """Networks at the district and the province of Chiang Rai, one in Phayao, and directory entries."""
    return {
        "district_network": _organisation(
            OrganisationKind.NETWORK, "เครือข่ายสวัสดิการชุมชนอำเภอเมืองเชียงราย", "5701"
        ),
        "province_network": _organisation(OrganisationKind.NETWORK, "เครือข่ายสวัสดิการชุมชนจังหวัดเชียงราย", "57"),
        "phayao_network": _organisation(OrganisationKind.NETWORK, "เครือข่ายสวัสดิการชุมชนจังหวัดพะเยา", "56"),
        "entry": _organisation(OrganisationKind.WELFARE_FUND, NAME, "570101"),
        "community": _organisation(OrganisationKind.COMMUNITY_ORGANISATION, "กลุ่มออมทรัพย์บ้านดู่", "570103"),
    }


def _register(by, **overrides) -> Fund:
    fields = {"name": NAME, "area_code": "570101"}
    return fund_create(by=by, **{**fields, **overrides})


def _field_errors(call) -> dict:
    """The field errors call raises, in English."""
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


class TestFundCreate:
    def test_a_coordinator_registers_a_fund_with_its_registry_details_keys_and_history(self, cast, orgs):
        # given the provincial coordinator of Chiang Rai
        coordinator = cast.chiangrai_coordinator

        # when they register a fund with its registration, networks, contacts and directory entry
        fund = _register(
            coordinator,
            name="  กองทุนสวัสดิการชุมชนตำบลเวียง ",
            fund_code="F100",
            founded_on=D(2005, 1, 1),
            status=FundStatus.PAUSED,
            registered_welfare_organisation=True,
            registered_on=D(2019, 5, 14),
            networks=[orgs["district_network"], orgs["province_network"]],
            contact_name="นางสมศรี ใจดี",
            contact_phone="081-234-5678",
            organisation=orgs["entry"],
        )

        # then the fund is stored as given, with the search and sort keys the reconcile path sets
        fund.refresh_from_db()
        assert (fund.name_th, fund.area_id, fund.fund_code, fund.status) == (NAME, "570101", "F100", "paused")
        assert (fund.registered_welfare_organisation, fund.registered_on) == (True, D(2019, 5, 14))
        assert set(fund.networks.all()) == {orgs["district_network"], orgs["province_network"]}
        assert fund.organisation == orgs["entry"] and fund.contact_phone == "081-234-5678"
        assert fund.search_key == organisation_search_key(NAME) and fund.sort_key == thai_sort_key(NAME)
        # and its history names who registered it
        created, linked = fund.history.order_by("history_id")
        assert (created.history_type, created.history_user) == ("+", coordinator)
        # and a second row for linking its networks, which history keeps too
        assert (linked.history_user, {n.organisation_id for n in linked.networks.all()}) == (
            coordinator,
            {orgs["district_network"].pk, orgs["province_network"].pk},
        )

    def test_a_district_coordinator_is_refused_a_subdistrict_outside_their_district(self, cast):
        # given the coordinator of Mueang Chiang Rai district (5701)
        # when they register a fund in Mae Sai subdistrict (570901)
        with pytest.raises(AccessDenied):
            _register(cast.mueang_coordinator, area_code="570901")
        # then no fund is registered
        assert not Fund.objects.exists()

    @pytest.mark.parametrize(
        "role", ["chiangrai_viewer", "chiangrai_partner", "phayao_coordinator", "unassigned"]
    )
    def test_a_user_who_cannot_write_chiang_rai_is_refused_and_nothing_is_stored(self, cast, role):
        with pytest.raises(AccessDenied):
            _register(getattr(cast, role))
        assert not Fund.objects.exists()

    def test_a_name_already_registered_in_the_area_is_an_error_at_the_name(self, cast):
        # given a fund of this name in Wiang subdistrict
        _register(cast.chiangrai_coordinator)
        # when the same name is registered there again, then the error is at the name
        errors = _field_errors(lambda: _register(cast.chiangrai_coordinator))
        assert list(errors) == ["name"]
        # and the same name in another subdistrict is a different fund
        assert _register(cast.chiangrai_coordinator, area_code="570102").area_id == "570102"
        assert Fund.objects.count() == 2

    @pytest.mark.parametrize(
        "area_code,expected",
        [
            ("579999", "No area has the code 579999."),
            ("5701", "subdistrict"),
            ("", "Choose the area"),
        ],
    )
    def test_an_area_that_is_not_a_known_subdistrict_is_an_error_at_the_area(self, cast, area_code, expected):
        errors = _field_errors(lambda: _register(cast.chiangrai_coordinator, area_code=area_code))
        assert expected in errors["area_code"][0]
        assert not Fund.objects.exists()

    def test_an_area_code_typed_in_thai_digits_is_read(self, cast):
        assert _register(cast.chiangrai_coordinator, area_code=" ๕๗๐๑๐๑ ").area_id == "570101"

    def test_a_registration_date_without_the_flag_or_in_the_future_is_an_error_at_the_date(self, cast):
        tomorrow = dt.date.today() + dt.timedelta(days=1)
        without_flag = _field_errors(
            lambda: _register(cast.chiangrai_coordinator, registered_on=D(2019, 5, 14))
        )
        future = _field_errors(
            lambda: _register(
                cast.chiangrai_coordinator, registered_welfare_organisation=True, registered_on=tomorrow
            )
        )
        assert (
            list(without_flag) == ["registered_on"]
            and "marked as registered" in without_flag["registered_on"][0]
        )
        assert list(future) == ["registered_on"] and "future" in future["registered_on"][0]
        assert not Fund.objects.exists()

    def test_networks_must_be_networks_the_user_can_see(self, cast, orgs):
        # a Phayao network is outside a Chiang Rai coordinator's view; a community group is not a network
        for wrong in (orgs["phayao_network"], orgs["community"]):
            errors = _field_errors(
                lambda wrong=wrong: _register(cast.chiangrai_coordinator, networks=[wrong])
            )
            assert list(errors) == ["networks"]
        assert not Fund.objects.exists()

    def test_a_directory_entry_linked_to_another_fund_is_refused(self, cast, orgs):
        _register(cast.chiangrai_coordinator, organisation=orgs["entry"])
        errors = _field_errors(
            lambda: _register(cast.chiangrai_coordinator, name="กองทุนอื่น", organisation=orgs["entry"])
        )
        assert list(errors) == ["organisation"]
        assert Fund.objects.count() == 1


class TestFundUpdate:
    def test_it_changes_the_registry_details_and_the_history_says_who_changed_what(self, cast, orgs):
        # given a fund registered by the provincial coordinator
        fund = _register(cast.chiangrai_coordinator, networks=[orgs["province_network"]])

        # when the district coordinator records its registration, contacts and networks
        fund_update(
            by=cast.mueang_coordinator,
            fund=fund,
            is_municipal=True,
            registered_welfare_organisation=True,
            registered_on=D(2019, 5, 14),
            contact_name="นายสมชาย ใจงาม",
            contact_phone="053-711-111",
            networks=[orgs["district_network"]],
        )

        # then the fund holds the new details
        fund.refresh_from_db()
        assert fund.is_municipal and fund.registered_on == D(2019, 5, 14)
        assert list(fund.networks.all()) == [orgs["district_network"]]
        # and the newest history row names the district coordinator and the fields they changed
        rows = list(fund.history.order_by("history_id"))
        previous = [row for row in rows if row.history_user == cast.chiangrai_coordinator][-1]
        latest = rows[-1]
        assert latest.history_user == cast.mueang_coordinator and rows.index(previous) < rows.index(latest)
        changed = {change.field for change in latest.diff_against(previous).changes}
        assert changed == {
            "is_municipal",
            "registered_welfare_organisation",
            "registered_on",
            "contact_name",
            "contact_phone",
            "networks",
        }

    @pytest.mark.parametrize(
        "field,value",
        [
            ("name", "ชื่อใหม่"),
            ("name_th", "ชื่อใหม่"),
            ("members", 9),
            ("status", "dissolved"),
            ("founded_on", D(2000, 1, 1)),
            ("fund_code", "X9"),
        ],
    )
    def test_a_value_the_settle_step_keeps_is_refused_and_nothing_changes(self, cast, field, value):
        fund = _register(cast.chiangrai_coordinator, fund_code="F100")
        errors = _field_errors(
            lambda: fund_update(by=cast.chiangrai_coordinator, fund=fund, contact_name="x", **{field: value})
        )
        assert list(errors) == [field] and "settle step" in errors[field][0]
        fund.refresh_from_db()
        assert (fund.name_th, fund.fund_code, fund.contact_name) == (NAME, "F100", "")
        assert fund.history.count() == 1

    def test_a_district_coordinator_cannot_move_a_fund_out_of_their_district(self, cast):
        fund = _register(cast.mueang_coordinator)
        with pytest.raises(AccessDenied):
            fund_update(by=cast.mueang_coordinator, fund=fund, area_code="570901")
        fund.refresh_from_db()
        assert fund.area_id == "570101"

    def test_moving_a_fund_onto_a_name_taken_in_the_new_area_is_an_error_at_the_area(self, cast):
        _register(cast.chiangrai_coordinator, area_code="570102")
        fund = _register(cast.chiangrai_coordinator)
        errors = _field_errors(
            lambda: fund_update(by=cast.chiangrai_coordinator, fund=fund, area_code="570102")
        )
        assert list(errors) == ["area_code"]
        assert Fund.objects.get(pk=fund.pk).area_id == "570101"

    @pytest.mark.parametrize("role", ["chiangrai_viewer", "maesai_coordinator", "phayao_coordinator"])
    def test_a_user_who_cannot_write_the_funds_area_is_refused(self, cast, role):
        fund = _register(cast.chiangrai_coordinator)
        with pytest.raises(AccessDenied):
            fund_update(by=getattr(cast, role), fund=fund, contact_name="x")
        assert Fund.objects.get(pk=fund.pk).contact_name == ""

    def test_networks_the_editor_cannot_see_stay_linked(self, cast, orgs):
        # given a fund the administrator linked to a Phayao network as well
        fund = _register(cast.admin, networks=[orgs["phayao_network"], orgs["province_network"]])
        # when a Chiang Rai coordinator chooses the district network instead of the province one
        fund_update(by=cast.chiangrai_coordinator, fund=fund, networks=[orgs["district_network"]])
        # then the Phayao network, which they cannot see, stays
        assert set(fund.networks.all()) == {orgs["district_network"], orgs["phayao_network"]}

    def test_a_fund_the_reconcile_left_at_the_province_keeps_its_area_until_moved(self, cast):
        # given a fund reconcile placed at the province because no source named its subdistrict
        fund = Fund.objects.create(name_th=NAME, area_id="57")
        # when its contact is saved with the area unchanged, then that is accepted
        fund_update(by=cast.chiangrai_coordinator, fund=fund, area_code="57", contact_name="นางสมศรี")
        assert Fund.objects.get(pk=fund.pk).contact_name == "นางสมศรี"
        # and moving it to a district instead of a subdistrict is refused
        errors = _field_errors(
            lambda: fund_update(by=cast.chiangrai_coordinator, fund=fund, area_code="5701")
        )
        assert list(errors) == ["area_code"]
