"""API shapes of housing works: a household in a repair or secure-housing programme, its grant (baht with
satang), work, status and dates, and the totals of a list."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from sanphalang.care.models import HousingProgramme, HousingStatus

from .pagination import PageQuery
from .thai_fields import ThaiDate, ThaiDecimal, ThaiInt
from .versions import VersionIn, VersionOut


class HousingWorkOut(VersionOut):
    id: int
    household_id: int
    area_code: str
    programme: str
    project_id: int | None = None
    grant: Decimal | None = None
    work: str
    status: str
    started_on: dt.date | None = None
    completed_on: dt.date | None = None

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id


class HousingWorkIn(Schema):
    household_id: ThaiInt
    programme: HousingProgramme
    project_id: ThaiInt | None = Field(None, description="A project of a plan the caller reads")
    grant: ThaiDecimal | None = Field(
        None, ge=0, max_digits=14, decimal_places=2, description="Baht, e.g. 18000.50"
    )
    work: str = ""
    started_on: ThaiDate | None = None


class HousingWorkPatch(VersionIn):
    programme: HousingProgramme | None = None
    project_id: ThaiInt | None = None
    grant: ThaiDecimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    work: str | None = None
    started_on: ThaiDate | None = None


class HousingMoveIn(VersionIn):
    status: HousingStatus
    on: ThaiDate | None = Field(None, description="The day of the move; today when not given")


class HousingQuery(PageQuery):
    project_id: ThaiInt | None = None
    area: str = ""
    status: HousingStatus | None = None
    programme: HousingProgramme | None = None


class HousingTotalsOut(Schema):
    households: int
    grants: Decimal
    completed: int
