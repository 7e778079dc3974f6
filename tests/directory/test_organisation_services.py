import pytest
from django.core.exceptions import ValidationError

from sanphalang.directory.models import Organisation
from sanphalang.directory.selectors import organisation_list
from sanphalang.directory.services import organisation_create, organisation_update
from sanphalang.errors import AccessDenied

MSDHS_CHIANG_RAI = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย"


@pytest.fixture
def msdhs(cast):
    return organisation_create(
        by=cast.chiangrai_coordinator,
        kind="agency",
        name_th=MSDHS_CHIANG_RAI,
        abbreviation="พมจ.เชียงราย",
        area_code="57",
    )


@pytest.mark.parametrize(
    "query",
    [
        "พมจ.",
        "พมจ",
        "พมจ.เชียงราย",
        "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
        "ความมั่นคงของมนุษย์ เชียงราย",
        "  สำนักงานพัฒนาสังคม  ",
    ],
)
def test_it_finds_the_office_by_its_abbreviation_or_its_full_name(cast, msdhs, query):
    # given another agency that must not match
    organisation_create(
        by=cast.chiangrai_coordinator, kind="agency", name_th="สำนักงานแรงงานจังหวัดเชียงราย", area_code="57"
    )
    # when
    found = list(organisation_list(user=cast.chiangrai_coordinator, search=query))
    # then
    assert found == [msdhs]


def test_a_local_government_abbreviation_finds_the_written_out_name(cast):
    pao = organisation_create(
        by=cast.admin, kind="local_government", name_th="องค์การบริหารส่วนจังหวัดพะเยา", area_code="56"
    )
    assert list(organisation_list(user=cast.admin, search="อบจ.พะเยา")) == [pao]


def test_it_refuses_a_coordinator_of_another_district(cast):
    # when the Mueang coordinator creates an organisation in Mae Sai
    with pytest.raises(AccessDenied):
        organisation_create(
            by=cast.mueang_coordinator,
            name_th="กลุ่มออมทรัพย์บ้านป่าซาง",
            kind="community_organisation",
            area_code="570901",
        )
    # then nothing was written
    assert not Organisation.objects.exists()


def test_a_viewer_cannot_write_even_in_their_province(cast):
    with pytest.raises(AccessDenied):
        organisation_create(by=cast.chiangrai_viewer, name_th="กลุ่มใหม่", kind="network", area_code="57")
    assert not Organisation.objects.exists()


def test_a_duplicate_name_in_the_same_area_is_refused_at_the_name(cast, msdhs):
    with pytest.raises(ValidationError) as error:
        organisation_create(
            by=cast.chiangrai_coordinator, kind="agency", name_th=MSDHS_CHIANG_RAI, area_code="57"
        )
    assert "__all__" in error.value.message_dict or "name_th" in error.value.message_dict
    assert Organisation.objects.count() == 1


def test_an_unknown_area_code_is_refused_at_the_area(cast):
    with pytest.raises(ValidationError) as error:
        organisation_create(by=cast.admin, kind="network", name_th="เครือข่าย", area_code="999999")
    assert "area_code" in error.value.message_dict


def test_a_district_coordinator_sees_the_provincial_agencies_but_not_another_district(cast, msdhs):
    maesai = organisation_create(
        by=cast.maesai_coordinator,
        kind="welfare_fund",
        name_th="กองทุนสวัสดิการชุมชนตำบลแม่สาย",
        area_code="570901",
    )
    visible = set(organisation_list(user=cast.mueang_coordinator))
    assert msdhs in visible
    assert maesai not in visible
    assert maesai not in set(organisation_list(user=cast.phayao_coordinator))


def test_a_district_coordinator_cannot_edit_a_provincial_agency_they_can_see(cast, msdhs):
    with pytest.raises(AccessDenied):
        organisation_update(by=cast.mueang_coordinator, organisation=msdhs, phone="053-000000")
    msdhs.refresh_from_db()
    assert msdhs.phone == ""


def test_every_change_is_kept_in_history_with_its_author(cast, msdhs):
    organisation_update(by=cast.chiangrai_coordinator, organisation=msdhs, phone="053-150-000")
    records = list(msdhs.history.order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~"]
    assert records[-1].history_user == cast.chiangrai_coordinator
    assert records[-1].diff_against(records[0]).changed_fields == ["phone"]
