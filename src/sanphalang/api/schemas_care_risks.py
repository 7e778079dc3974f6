"""API shapes of disaster-risk areas (S6): watch-list entries, incidents, the households they hit (as the reader
may see them), the help and fund payments an incident caused, and the risk calendar."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from sanphalang.care.models import Hazard, Month

from .pagination import PageQuery
from .thai_fields import ThaiDate, ThaiInt
from .versions import VersionIn, VersionOut


class RiskAreaOut(VersionOut):
    id: int
    area_code: str
    hazard: str
    season_starts: int
    season_ends: int
    households_at_risk: int | None = None
    note: str
    listed_on: dt.date
    is_active: bool

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id


class YearCountOut(Schema):
    year: int = Field(description="Christian year")
    count: int


class RiskAreaDetailOut(RiskAreaOut):
    incidents_per_year: list[YearCountOut]


class RiskAreaIn(Schema):
    area_code: str = Field(description="The village or subdistrict at risk, such as 570101")
    hazard: Hazard
    season_starts: Month
    season_ends: Month = Field(description="May come before season_starts: a season over the new year")
    listed_on: ThaiDate
    households_at_risk: ThaiInt | None = Field(None, ge=0)
    note: str = ""
    is_active: bool = True


class RiskAreaPatch(VersionIn):
    hazard: Hazard | None = None
    season_starts: Month | None = None
    season_ends: Month | None = None
    listed_on: ThaiDate | None = None
    households_at_risk: ThaiInt | None = Field(None, ge=0)
    note: str | None = None
    is_active: bool | None = None


class RiskAreaQuery(PageQuery):
    area: str = Field("", description="Only under this area code")
    hazard: Hazard | None = None
    in_season_now: bool = False


class IncidentOut(VersionOut):
    id: int
    risk_area_id: int | None = None
    area_code: str
    hazard: str
    occurred_on: dt.date
    ended_on: dt.date | None = None
    description: str

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id


class AffectedOut(Schema):
    id: int
    household_id: int
    house_number: str | None = None
    head_name: str | None = Field(None, description="The head of household's name with title")
    damage: str


class IncidentHelpOut(Schema):
    kind: str
    description: str | None = Field(None, description="None when the household is outside the reader's areas")
    amount: Decimal | None = None
    given_on: dt.date


class PaymentOut(Schema):
    paid_on: dt.date
    amount: Decimal


class IncidentDetailOut(IncidentOut):
    affected_count: int = Field(description="All the households the incident hit, seen or not")
    affected_households: list[AffectedOut] = Field(description="Those the reader may see")
    help: list[IncidentHelpOut]
    help_total: Decimal
    payments: list[PaymentOut]
    paid_total: Decimal


class IncidentIn(Schema):
    area_code: str
    hazard: Hazard
    occurred_on: ThaiDate
    ended_on: ThaiDate | None = None
    description: str


class IncidentPatch(VersionIn):
    hazard: Hazard | None = None
    occurred_on: ThaiDate | None = None
    ended_on: ThaiDate | None = None
    description: str | None = None


class IncidentQuery(PageQuery):
    area: str = ""
    hazard: Hazard | None = None


class AffectedIn(Schema):
    household_id: ThaiInt = Field(description="A household of the registry in the caller's areas")
    damage: str = ""


class CalendarRowOut(Schema):
    hazard: str
    label: str
    months: list[int] = Field(description="Twelve counts of areas in season, January first")
