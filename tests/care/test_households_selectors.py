"""Reading households: found by national ID in any spelling, by a fragment of a name or an address, only in the
reader's areas and only by the roles that see people; each read of a household in the access log; counts for
every role."""

import pytest
from django.http import Http404

from sanphalang.accounts.models import AccessLog
from sanphalang.care.selectors.households import household_counts, household_get, household_search
from sanphalang.care.services.households import member_add
from sanphalang.errors import AccessDenied

from .households_data import MAESAI_SUBDISTRICT, member, national_id, register

pytestmark = pytest.mark.django_db

HEAD_ID = national_id("310170020111")


@pytest.fixture
def households(cast):
    mueang = register(cast.mueang_coordinator)
    member_add(
        by=cast.mueang_coordinator,
        household=mueang,
        **member(
            title="",
            first_name="สมชาย",
            last_name="ศรีสุข",
            relationship="child",
            national_id="",
            no_national_id_reason="not_known",
            bedridden=True,
            disability="physical",
        ),
    )
    maesai = register(
        cast.maesai_coordinator,
        area_code=MAESAI_SUBDISTRICT,
        members=[
            member(
                first_name="จันทร์เพ็ญ",
                last_name="ใจงาม",
                national_id=national_id("310170020999"),
                elderly_alone=True,
            )
        ],
        house_number="45",
        address="บ้านป่าซาง ซอยวัด",
    )
    return mueang, maesai


def _names(members) -> list[str]:
    return [m.first_name for m in members]


def test_it_finds_a_member_by_national_id_in_any_spelling(cast, households):
    thai = HEAD_ID.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    dashed = f"{thai[0]}-{thai[1:5]}-{thai[5:10]}-{thai[10:12]}-{thai[12]}"
    assert _names(household_search(user=cast.mueang_coordinator, query=dashed)) == ["บัวผัน"]
    assert _names(household_search(user=cast.mueang_coordinator, query=HEAD_ID)) == ["บัวผัน"]


def test_it_finds_members_by_a_fragment_of_a_name_in_thai_order(cast, households):
    assert _names(household_search(user=cast.chiangrai_coordinator, query="ศรีสุข")) == ["บัวผัน", "สมชาย"]
    assert _names(household_search(user=cast.chiangrai_coordinator, query="นางบัวผัน ศรีสุข")) == ["บัวผัน"]
    assert _names(household_search(user=cast.chiangrai_coordinator, query="เพ็ญ")) == ["จันทร์เพ็ญ"]


def test_it_finds_the_members_of_a_household_by_its_address_or_house_number(cast, households):
    assert _names(household_search(user=cast.chiangrai_coordinator, query="ป่าซาง")) == ["จันทร์เพ็ญ"]
    assert sorted(_names(household_search(user=cast.chiangrai_coordinator, query="12/3"))) == [
        "บัวผัน",
        "สมชาย",
    ]


def test_the_search_is_scoped_to_the_readers_areas(cast, households):
    assert household_search(user=cast.maesai_coordinator, query="ศรีสุข").count() == 0
    assert household_search(user=cast.maesai_coordinator, query=HEAD_ID).count() == 0
    assert household_search(user=cast.phayao_coordinator, query="เพ็ญ").count() == 0
    assert household_search(user=cast.chiangrai_coordinator, query="ศรีสุข", area="5709").count() == 0


@pytest.mark.parametrize("who", ["chiangrai_viewer", "chiangrai_partner", "unassigned"])
def test_roles_that_see_counts_only_find_no_one(cast, households, who):
    assert household_search(user=getattr(cast, who), query="ศรีสุข").count() == 0
    assert household_search(user=getattr(cast, who), query=HEAD_ID).count() == 0


def test_a_household_is_read_with_its_members_and_the_read_is_logged(cast, households):
    mueang, _maesai = households
    household = household_get(user=cast.mueang_coordinator, pk=mueang.pk)
    assert [m.first_name for m in household.members.all()] == ["บัวผัน", "สมชาย"]
    assert AccessLog.objects.filter(
        user=cast.mueang_coordinator, action="read", model="care.household", object_id=str(mueang.pk)
    ).exists()


def test_a_household_of_another_district_is_not_found_and_counts_only_roles_are_refused(cast, households):
    mueang, _maesai = households
    with pytest.raises(Http404):
        household_get(user=cast.maesai_coordinator, pk=mueang.pk)
    with pytest.raises(AccessDenied) as info:
        household_get(user=cast.chiangrai_viewer, pk=mueang.pk)
    assert info.value.code == "counts_only"


def test_counts_are_by_the_area_one_level_down_and_seen_by_a_viewer(cast, households):
    counts = household_counts(user=cast.chiangrai_viewer)
    rows = {row.code: row for row in counts.rows}
    assert set(rows) == {"5701", "5709"}
    assert (rows["5701"].households, rows["5701"].bedridden, rows["5701"].disabled) == (1, 1, 1)
    assert (rows["5709"].households, rows["5709"].elderly_alone) == (1, 1)
    assert counts.total.households == 2
    # a district's coordinator counts its own subdistricts only
    mueang = household_counts(user=cast.mueang_coordinator)
    assert [row.code for row in mueang.rows] == ["570101"]
    assert household_counts(user=cast.phayao_coordinator).rows == []


def test_the_search_reads_a_fixed_number_of_queries(cast, households, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        members = list(household_search(user=cast.chiangrai_coordinator, query="ศรีสุข"))
        assert all(m.household.area.name_th for m in members)
