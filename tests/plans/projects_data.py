"""The Phayao people's agenda of 2565 BE (S7) as the projects and targets tests need it: the plan, its four
provincial projects, and the rural housing repair target of 618 households over the 9 districts."""

from decimal import Decimal

import pytest

from sanphalang.accounts.audit import validated_save
from sanphalang.areas.models import Area
from sanphalang.plans.models import Plan

PHAYAO = "56"
PROJECT_NAMES = [
    "โครงการเสริมสร้างขีดความสามารถขบวนองค์กรชุมชนจังหวัดพะเยา ปี 2565",
    "โครงการพัฒนายุทธศาสตร์ด้านที่อยู่อาศัยจังหวัดพะเยา ปี 2565",
    "โครงการสนับสนุนสวัสดิการชุมชนจังหวัดพะเยา ปี 2565",
    "โครงการบ้านพอเพียงชนบท ปี 2565",
]
# Households whose houses are repaired, per district of Phayao (5601–5609): 618 in all.
HOUSING_SPLIT = [94, 52, 88, 40, 70, 60, 66, 58, 90]


def phayao_districts() -> list[str]:
    return list(Area.objects.filter(parent_id=PHAYAO).order_by("code").values_list("code", flat=True))


def housing_split() -> dict[str, Decimal]:
    return {code: Decimal(value) for code, value in zip(phayao_districts(), HOUSING_SPLIT, strict=True)}


@pytest.fixture
def phayao_plan(cast):
    return validated_save(
        Plan(title="วาระคนพะเยา ปี 2565", area_id=PHAYAO, year_be=2565, vision="พะเยาอยู่เย็นเป็นสุขอย่างยั่งยืน"),
        cast.phayao_coordinator,
    )
