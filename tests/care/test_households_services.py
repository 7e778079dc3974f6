"""Registering households and changing their members: checked input, national IDs kept only encrypted, a
registered ID refused, a possible duplicate warned of and registered anyway only with a reason, and every write
in the access log."""

import pytest
from django.core.exceptions import ValidationError

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import Household, Member
from sanphalang.care.protection import decrypt_national_id, national_id_lookup
from sanphalang.care.services.households import (
    DUPLICATE_DETAIL,
    PossibleDuplicate,
    household_update,
    member_add,
    member_remove,
    member_update,
)
from sanphalang.errors import AccessDenied, VersionConflict

from .households_data import MAESAI_SUBDISTRICT, member, national_id, register

pytestmark = pytest.mark.django_db


def _errors(info) -> dict:
    return info.value.message_dict


def test_it_registers_a_household_with_its_members_and_keeps_the_id_only_encrypted(cast):
    # when
    household = register(
        cast.mueang_coordinator,
        members=[
            member(),
            member(
                first_name="สมชาย",
                relationship="child",
                sex="male",
                national_id="",
                no_national_id_reason="not_yet_registered",
                birth_year_be=2560,
            ),
        ],
    )
    # then
    head, child = household.members.order_by("pk")
    assert head.birth_year == 1947  # typed as 2490 BE
    assert head.area_id == household.area_id == "570101"
    assert head.national_id_lookup == national_id_lookup(national_id("310170020111"))
    assert decrypt_national_id(head.national_id_token) == national_id("310170020111")
    assert national_id("310170020111") not in head.national_id_token
    assert head.national_id_last_four == national_id("310170020111")[-4:]
    assert head.search_key == "บัวผัน ศรีสุข"
    assert head.sort_key
    assert household.search_key == "123 หมู่4ถนนพหลโยธิน"
    assert child.national_id_lookup == "" and child.no_national_id_reason == "not_yet_registered"
    assert household.registered_by == cast.mueang_coordinator


def test_it_accepts_thai_digits_and_dashes_in_a_national_id(cast):
    digits = national_id("310170020111")
    thai = f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}".translate(
        str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    )
    household = register(cast.mueang_coordinator, members=[member(national_id=thai)])
    assert household.members.get().national_id_lookup == national_id_lookup(digits)


def test_it_refuses_a_wrong_check_digit_at_the_members_field(cast):
    digits = national_id("310170020111")
    wrong = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, members=[member(), member(first_name="สมชาย", national_id=wrong)])
    assert list(_errors(info)) == ["members.1.national_id"]
    assert not Household.objects.exists()


@pytest.mark.parametrize("year", [2399, 1990, 3000])
def test_it_refuses_a_birth_year_outside_the_buddhist_era_range(cast, year):
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, members=[member(birth_year_be=year)])
    assert "members.0.birth_year_be" in _errors(info)


def test_it_reads_a_birth_year_typed_in_thai_digits(cast):
    household = register(cast.mueang_coordinator, members=[member(birth_year_be="๒๕๐๐")])
    assert household.members.get().birth_year == 1957


def test_a_member_without_an_id_needs_the_reason(cast):
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, members=[member(national_id="")])
    assert "members.0.no_national_id_reason" in _errors(info)


def test_it_needs_a_purpose_and_the_day_of_consent(cast):
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, purpose="")
    assert "purpose" in _errors(info)
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, consent_on=None)
    assert "consent_on" in _errors(info)
    # another legal basis needs no day of consent
    assert register(cast.mueang_coordinator, consent_on=None, legal_basis="public_task").pk


def test_it_refuses_a_district_as_the_home_and_needs_a_member(cast):
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, area_code="5701")
    assert "area_code" in _errors(info)
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, members=[])
    assert "members" in _errors(info)


@pytest.mark.parametrize(
    "who", ["maesai_coordinator", "chiangrai_viewer", "chiangrai_partner", "phayao_coordinator"]
)
def test_it_refuses_anyone_who_may_not_write_the_areas_people(cast, who):
    with pytest.raises(AccessDenied):
        register(getattr(cast, who))
    assert not Household.objects.exists()


def test_a_registered_national_id_is_refused_and_named_only_to_who_may_open_it(cast):
    # given a person registered in Mae Sai
    first = register(cast.maesai_coordinator, area_code=MAESAI_SUBDISTRICT)
    # when Mueang registers the same ID
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, members=[member(first_name="อื่น", last_name="คน")])
    # then it is refused, without saying where
    message = _errors(info)["members.0.national_id"][0]
    assert not any(character.isdigit() for character in message)
    # and the province, who may open Mae Sai's household, is told which it is
    with pytest.raises(ValidationError) as info:
        register(cast.chiangrai_coordinator, members=[member(first_name="อื่น", last_name="คน")])
    assert str(first.pk) in _errors(info)["members.0.national_id"][0]


def test_the_same_id_twice_in_one_household_is_refused(cast):
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, members=[member(), member(first_name="สอง")])
    assert "members.1.national_id" in _errors(info)


def test_a_household_named_alike_in_the_subdistrict_is_a_possible_duplicate(cast):
    # given
    first = register(cast.mueang_coordinator)
    # when the same head is registered again without her ID, spelt a little differently
    again = [member(first_name="บัวผัน", last_name="ศรีสุก", national_id="", no_national_id_reason="not_known")]
    with pytest.raises(PossibleDuplicate) as info:
        register(cast.mueang_coordinator, members=again, house_number="99")
    # then
    assert [household.pk for household in info.value.candidates] == [first.pk]
    assert Household.objects.count() == 1


def test_the_same_house_number_with_a_head_named_alike_is_a_possible_duplicate(cast):
    first = register(cast.mueang_coordinator)
    again = [member(first_name="บัวพัน", last_name="ศรีสุขใจ", national_id="", no_national_id_reason="not_known")]
    with pytest.raises(PossibleDuplicate) as info:
        register(cast.mueang_coordinator, members=again)
    assert [household.pk for household in info.value.candidates] == [first.pk]


def test_registering_anyway_needs_a_reason_which_is_kept_and_logged(cast):
    register(cast.mueang_coordinator)
    again = [member(national_id="", no_national_id_reason="not_known")]
    with pytest.raises(ValidationError) as info:
        register(cast.mueang_coordinator, members=again, override_reason="สั้นไป")
    assert "override_reason" in _errors(info)
    # when
    household = register(cast.mueang_coordinator, members=again, override_reason="คนละคนกัน แม่กับลูกสาวชื่อเดียวกัน")
    # then
    assert household.duplicate_override_reason == "คนละคนกัน แม่กับลูกสาวชื่อเดียวกัน"
    assert AccessLog.objects.filter(
        object_id=str(household.pk),
        model="care.household",
        detail=DUPLICATE_DETAIL,
        user=cast.mueang_coordinator,
    ).exists()


def test_a_household_of_another_subdistrict_is_no_duplicate(cast):
    register(cast.maesai_coordinator, area_code=MAESAI_SUBDISTRICT)
    again = [member(national_id="", no_national_id_reason="not_known")]
    assert register(cast.mueang_coordinator, members=again).pk


def test_a_possible_duplicate_the_user_may_not_see_is_not_shown(cast, django_user_model):
    from sanphalang.accounts.models import Role
    from sanphalang.accounts.services import user_create
    from sanphalang.areas.services import village_create

    village = village_create(
        by=cast.chiangrai_coordinator, subdistrict_code="570101", name_th="บ้านทดลอง", moo=18
    )
    village_user = user_create(
        username="village", password="x" * 20, role=Role.AREA_COORDINATOR, area_codes=[village.code]
    )
    register(cast.mueang_coordinator)  # in the subdistrict itself, outside the village
    again = [member(national_id="", no_national_id_reason="not_known")]
    # the village's coordinator is not shown Mueang's household, and registers without a warning
    assert register(village_user, members=again, area_code=village.code).pk


def test_every_write_is_in_the_access_log(cast):
    household = register(cast.mueang_coordinator)
    head = household.members.get()
    assert AccessLog.objects.filter(
        action="create", model="care.household", object_id=str(household.pk)
    ).exists()
    assert AccessLog.objects.filter(action="create", model="care.member", object_id=str(head.pk)).exists()
    household_update(
        by=cast.mueang_coordinator, household=household, version=household.version, phone="0811111111"
    )
    child = member_add(
        by=cast.mueang_coordinator,
        household=household,
        **member(first_name="ลูก", relationship="child", national_id=national_id("310170020222")),
    )
    member_update(by=cast.mueang_coordinator, member=child, version=child.version, bedridden=True)
    member_remove(by=cast.mueang_coordinator, member=child)
    actions = list(AccessLog.objects.filter(user=cast.mueang_coordinator).values_list("action", "model"))
    assert ("update", "care.household") in actions
    assert actions.count(("create", "care.member")) == 2
    assert ("update", "care.member") in actions
    assert ("delete", "care.member") in actions
    assert not Member.objects.filter(pk=child.pk).exists()


def test_a_change_built_on_an_old_version_is_refused(cast):
    household = register(cast.mueang_coordinator)
    head = household.members.get()
    member_update(by=cast.mueang_coordinator, member=head, version=head.version, phone="0822222222")
    stale = Member.objects.get(pk=head.pk)
    with pytest.raises(VersionConflict):
        member_update(by=cast.mueang_coordinator, member=stale, version=1, phone="0833333333")


def test_moving_a_household_moves_its_members(cast):
    from sanphalang.areas.services import village_create

    village = village_create(
        by=cast.chiangrai_coordinator, subdistrict_code="570101", name_th="บ้านใหม่", moo=19
    )
    household = register(cast.mueang_coordinator)
    household_update(by=cast.mueang_coordinator, household=household, area_code=village.code)
    assert household.members.get().area_id == village.code


def test_a_member_update_refuses_an_id_registered_to_someone_else(cast):
    register(cast.mueang_coordinator)
    other = register(
        cast.mueang_coordinator,
        members=[member(first_name="ประยูร", last_name="ทองดี", national_id=national_id("310170020333"))],
        house_number="77",
        address="ซอย 9",
    )
    with pytest.raises(ValidationError) as info:
        member_update(
            by=cast.mueang_coordinator, member=other.members.get(), national_id=national_id("310170020111")
        )
    assert "national_id" in _errors(info)


def test_the_last_member_is_not_removed(cast):
    household = register(cast.mueang_coordinator)
    with pytest.raises(ValidationError):
        member_remove(by=cast.mueang_coordinator, member=household.members.get())
