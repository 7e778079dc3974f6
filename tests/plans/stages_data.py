"""Records of the stage tests: Chumphon's coordinator and tambons for the charters (S4), the Chiang Rai welfare
network and its provincial office for the registration (S10). Fixtures, imported by the conftests that use them."""

import pytest

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_create
from sanphalang.directory.services import organisation_create
from tests.conftest import PASSWORD

# Eleven tambons of Chumphon: the province's charter target for the year.
CHUMPHON_TAMBONS = [
    "860101",
    "860102",
    "860103",
    "860104",
    "860105",
    "860106",
    "860107",
    "860108",
    "860109",
    "860110",
    "860111",
]


@pytest.fixture
def chumphon_coordinator(db):
    return user_create(
        username="chumphon_coord", password=PASSWORD, role=Role.PROVINCIAL_COORDINATOR, area_codes=["86"]
    )


@pytest.fixture
def chiangrai_network(cast):
    return organisation_create(
        by=cast.chiangrai_coordinator,
        kind="network",
        name_th="เครือข่ายกองทุนสวัสดิการชุมชนจังหวัดเชียงราย",
        area_code="57",
    )


@pytest.fixture
def chiangrai_office(cast):
    return organisation_create(
        by=cast.chiangrai_coordinator,
        kind="agency",
        name_th="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
        abbreviation="พมจ.เชียงราย",
        area_code="57",
    )
