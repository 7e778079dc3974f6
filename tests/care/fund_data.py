"""Records of the social fund's tests (S5): the Chiang Rai fund with its committee of three, and a household's
case in Mae Sai to ask it for help."""

import datetime as dt
from decimal import Decimal

import pytest

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_create
from sanphalang.care.models import Case, CaseKind, Household, Member
from sanphalang.care.services.fund import donation_record, fund_create
from sanphalang.directory.services import organisation_create
from tests.conftest import PASSWORD

TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)


def a_case(
    *, area_code: str = "570901", kind: str = CaseKind.POVERTY, first_name: str = "บุญมี", by=None
) -> Case:
    """A household with one member and an open case, written as the households' services leave them."""
    household = Household.objects.create(
        area_id=area_code, house_number="99/1", purpose="ช่วยเหลือครัวเรือนเปราะบาง", consent_on=TODAY
    )
    member = Member.objects.create(
        household=household, area_id=area_code, first_name=first_name, last_name="ศรีสุข"
    )
    return Case.objects.create(
        household=household,
        member=member,
        area_id=area_code,
        kind=kind,
        summary="ค่าใช้จ่ายในการรักษาพยาบาล",
        opened_on=TODAY,
        opened_by=by,
    )


def a_fund(cast, *, name: str = "กองทุนพัฒนาสังคมจังหวัดเชียงราย", area_code: str = "57"):
    association = organisation_create(
        by=cast.chiangrai_coordinator if area_code == "57" else cast.phayao_coordinator,
        kind="network",
        name_th=f"สมาคมประชาสังคม {name}",
        area_code=area_code,
    )
    return fund_create(
        by=cast.chiangrai_coordinator if area_code == "57" else cast.phayao_coordinator,
        area_code=area_code,
        name=name,
        organisation=association,
        committee=[cast.chiangrai_coordinator, cast.mueang_coordinator, cast.maesai_coordinator]
        if area_code == "57"
        else [cast.phayao_coordinator, *phayao_members()],
    )


def phayao_members():
    return [
        user_create(
            username=f"py_member{n}", password=PASSWORD, role=Role.AREA_COORDINATOR, area_codes=["5601"]
        )
        for n in (1, 2)
    ]


def funded(cast, fund, amount: str = "10000.00"):
    return donation_record(
        by=cast.chiangrai_coordinator,
        fund=fund,
        amount=Decimal(amount),
        donor_name="คุณใจบุญ",
        entered_on=YESTERDAY,
    )


@pytest.fixture
def fund(cast):
    return a_fund(cast)


@pytest.fixture(name="case")
def mae_sai_case(cast):
    return a_case(by=cast.maesai_coordinator)
