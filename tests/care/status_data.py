"""Legal status cases of the care tests: stateless people of Mueang Chiang Rai and Mae Sai."""

import datetime as dt

from sanphalang.care.models import StatusSought
from sanphalang.care.services.status import status_case_open, status_step_record

from .people import head_of, household_in


def open_case(user, area_code="570101", *, opened_on=dt.date(2024, 1, 10), steps=(), head="หน่อแก้ว"):
    """A case for the head of a new household, moved through steps [(step, day)]."""
    member = head_of(household_in(area_code, head=head))
    case = status_case_open(
        by=user, member=member, status_sought=StatusSought.THAI_NATIONALITY, opened_on=opened_on
    )
    for step, day in steps:
        status_step_record(by=user, case=case, step=step, happened_on=day)
    return case
