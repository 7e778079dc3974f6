from sanphalang.areas.scoping import scope_for
from tests.conftest import PASSWORD


def test_an_administrator_sees_all_of_thailand(cast):
    assert scope_for(cast.admin).national


def test_a_district_coordinator_covers_the_district_and_below_only(cast):
    scope = scope_for(cast.mueang_coordinator)
    assert scope.covers("5701") and scope.covers("570101") and scope.covers("57010105")
    assert not scope.covers("57") and not scope.covers("5709") and not scope.covers("570901")


def test_a_user_without_areas_covers_nothing(cast):
    scope = scope_for(cast.unassigned)
    assert not scope.national and not scope.covers("57")


def test_a_region_covers_its_provinces(db):
    from sanphalang.accounts.services import user_create
    from sanphalang.areas.services import region_create

    admin = user_create(username="root", password=PASSWORD, role="admin")
    region_create(
        by=admin,
        name_th="กรุงเทพฯ ปริมณฑลและตะวันออก",
        name_en="Bangkok, vicinity and East",
        province_codes=["11", "13", "12", "10"],
    )
    regional = user_create(
        username="regional",
        password=PASSWORD,
        role="provincial_coordinator",
        region_slugs=["bangkok-vicinity-and-east"],
    )
    scope = scope_for(regional)
    assert scope.prefixes == ("10", "11", "12", "13")
    assert not scope.covers("57")
