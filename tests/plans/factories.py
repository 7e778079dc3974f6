"""Plans and agreements of Chiang Rai for the plans tests, written through the services (S7's shape)."""

import datetime as dt

from sanphalang.directory.services import organisation_create, person_create
from sanphalang.plans.services.agreements import agreement_create, party_add, signatory_add
from sanphalang.plans.services.plans import main_work_add, plan_create

VISION = "เชียงรายอยู่เย็นเป็นสุขอย่างยั่งยืน"


def province_plan(cast, **fields):
    values = {"title": "วาระคนเชียงราย ปี 2565", "area_code": "57", "year_be": 2565, "vision": VISION}
    values.update(fields)
    return plan_create(by=cast.chiangrai_coordinator, **values)


def signed_agreement(cast, plan):
    """An MOU of the plan, signed by the governor for the province."""
    agreement = agreement_create(
        by=cast.chiangrai_coordinator,
        title="บันทึกความร่วมมือขับเคลื่อนวาระคนเชียงราย",
        plan=plan,
        signed_on=dt.date(2022, 1, 27),
        venue="ห้องประชุมสหกรณ์การเกษตรเมืองเชียงรายจำกัด",
    )
    office = organisation_create(
        by=cast.chiangrai_coordinator, kind="agency", name_th="ศาลากลางจังหวัดเชียงราย", area_code="57"
    )
    party = party_add(
        by=cast.chiangrai_coordinator, agreement=agreement, organisation=office, commitment="สนับสนุนงบประมาณ"
    )
    governor = person_create(
        by=cast.chiangrai_coordinator, first_name="ศักดิ์ฤทธิ์", last_name="สลักคำ", title="นาย", area_code="57"
    )
    signatory_add(by=cast.chiangrai_coordinator, party=party, person=governor, position="ผู้ว่าราชการจังหวัด")
    return agreement


def with_main_works(cast, plan, count=5):
    for number in range(1, count + 1):
        main_work_add(by=cast.chiangrai_coordinator, plan=plan, title=f"งานหลักที่ {number}")
    return plan
