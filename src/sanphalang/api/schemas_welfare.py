"""API shapes of the welfare registry: funds, their yearly figures, source records and settlements, the roll-up,
and what the shapes of the sources and audit rounds share."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import BaseModel, BeforeValidator, ConfigDict

from sanphalang.areas.models import path_en_of, path_th_of
from sanphalang.areas.scoping import can_write_area
from sanphalang.thai.digits import to_arabic_digits
from sanphalang.welfare.linkage.reasons import reason_label
from sanphalang.welfare.models import SETTLE_FIELDS, FundStatus
from sanphalang.welfare.selectors.figures import ROLLUP_LEVELS

from .pagination import PageQuery
from .thai_fields import ThaiInt
from .versions import VersionIn, VersionOut

SettleField = Literal[tuple(SETTLE_FIELDS)]
RollupLevel = Literal[tuple(ROLLUP_LEVELS)]
# A value as the registry compares it: a member count, a status code, a founding date, a name or a code.
RegistryValue = int | dt.date | str | None
Amount = Annotated[Decimal | None, Field(description='Baht, as a decimal string such as "1200.00"')]


def _read_district(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    code = to_arabic_digits(value.strip())
    if not code:
        return None
    if len(code) != 4 or not code.isdigit():
        raise ValueError(_("Enter a district code of four digits, such as 5701."))
    return code


DistrictCode = Annotated[str, BeforeValidator(_read_district)]


def _read_settled_value(value: Any) -> Any:
    """A value is text as the sources write it; a whole number (a member count) is taken as its digits."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise ValueError(_("Enter a valid value."))


SettledValue = Annotated[str | None, BeforeValidator(_read_settled_value)]


class StrictIn(Schema):
    """A request body that takes no keys but its own: the route refuses others at the key, rather than ignore a
    misspelt "from_recrod" silently. (ninja reads a body through a getter that hides unknown keys from pydantic, so
    the route compares the body's keys itself.)"""

    model_config = ConfigDict(json_schema_extra={"additionalProperties": False})


# ---- funds


class FundFields(BaseModel):
    """What the list and a fund's page both give of a fund."""

    id: int
    name_th: str
    area_code: str
    area_path_th: str = Field(description="The fund's area with the district and province above it, in Thai")
    area_path_en: str
    status: FundStatus
    members: int | None = None
    fund_code: str
    founded_on: dt.date | None = None
    is_municipal: bool
    registered_welfare_organisation: bool
    record_count: int = Field(description="Source records linked to the fund")
    review_count: int = Field(description="Linked source records whose link waits for an officer's review")


class FundOut(FundFields):
    """A fund of the list, read from the rows of selectors.registry.fund_rows by their attributes alone: the
    resolvers of ninja's Schema, run on each field of each of fifty rows, cost more than the page's query."""

    model_config = ConfigDict(from_attributes=True)


class FundQuery(PageQuery):
    q: str = Field("", description="Words of the fund's name; each must appear in it")
    district: DistrictCode | None = Field(None, description="A district code: only the funds in it")
    status: FundStatus | None = None


class FundYearFigures(Schema):
    """A year's figures; a figure left out or null is not known for that year."""

    members: int | None = None
    members_children: int | None = Field(None, description="Members aged under 18")
    members_working_age: int | None = Field(None, description="Members aged 18–59")
    members_elderly: int | None = Field(None, description="Members aged 60 and over")
    savings: Amount = None
    matching_government: Amount = None
    matching_local_government: Amount = None
    matching_other: Amount = None
    benefits_birth: Amount = None
    benefits_sickness: Amount = None
    benefits_death: Amount = None
    benefits_elderly: Amount = None
    benefits_education: Amount = None
    benefits_disaster: Amount = None
    balance: Amount = None


class FundYearOut(VersionOut, FundYearFigures):
    year_be: int


class FundYearIn(FundYearFigures, VersionIn, StrictIn):
    """Every figure of the year: saving a year replaces all its figures, so one left out is cleared."""


class SourceRecordOut(Schema):
    """One row of a source as it came, and how sure the linkage is that it belongs to its fund."""

    id: int
    source_id: int
    source_name: str
    row: int
    fund_name: str = Field(description="The fund's name as the source writes it")
    data: dict[str, str] = Field(description="The row's values under our field names")
    area_code: str | None = Field(None, description="The subdistrict the row's address was read as, if any")
    link_score: float | None = None
    link_reasons: list[list[str]] = Field(description="Reason codes, each followed by its values")
    link_reason_labels: list[str] = Field(description="The reasons in the caller's language")
    needs_review: bool
    duplicate_of: int | None = Field(None, description="The record of the same source that this row repeats")

    @staticmethod
    def resolve_source_name(obj) -> str:
        return obj.source.name

    @staticmethod
    def resolve_area_code(obj) -> str | None:
        return obj.area_id

    @staticmethod
    def resolve_link_reason_labels(obj) -> list[str]:
        return [reason_label(reason) for reason in obj.link_reasons]

    @staticmethod
    def resolve_duplicate_of(obj) -> int | None:
        return obj.duplicate_of_id


class SourceValueOut(Schema):
    source: str
    value: RegistryValue = Field(description="Missing (null) where the source does not list the fund")


class DisagreementOut(Schema):
    field: str
    values: list[SourceValueOut]


class SettlementOut(Schema):
    id: int
    field: str
    value: str
    from_record: int | None = Field(None, description="The source record the value was taken from")
    from_source: str | None = None
    reason: str
    decided_by: str | None = Field(None, description="The username of the officer who decided")
    decided_at: dt.datetime

    @staticmethod
    def resolve_from_record(obj) -> int | None:
        return obj.from_record_id

    @staticmethod
    def resolve_from_source(obj) -> str | None:
        return obj.from_record.source.name if obj.from_record_id else None

    @staticmethod
    def resolve_decided_by(obj) -> str | None:
        return obj.decided_by.username if obj.decided_by_id else None


class SettlementConflictOut(Schema):
    """A settled field that a source imported after the settlement contradicts; the settled value stands."""

    field: str
    settlement_id: int
    settled_value: str
    source: str
    record_id: int
    source_value: RegistryValue
    source_imported_at: dt.datetime


class LinkDecisionOut(Schema):
    """Who put a source record in the fund, when and how."""

    id: int
    kind: Literal["linked", "merged", "split", "confirmed"] = Field(
        description="linked by a reconcile run, or merged, split or confirmed by an officer in the review queue"
    )
    record_id: int | None = Field(
        None, description="The source record, while its source has not been imported again"
    )
    source: str
    source_row: int | None = None
    fund_name: str = Field(description="The fund's name as the source wrote it")
    from_fund_id: int | None = Field(None, description="The fund the record was in before")
    note: str
    decided_by: str | None = Field(None, description="The username of who decided")
    decided_at: dt.datetime

    @staticmethod
    def resolve_source(obj) -> str:
        return obj.source_name

    @staticmethod
    def resolve_decided_by(obj) -> str | None:
        return obj.decided_by.username if obj.decided_by_id else None


class FundDetailOut(Schema, FundFields):
    registered_on: dt.date | None = None
    organisation_id: int | None = Field(None, description="The fund's entry in the directory")
    can_settle: bool = Field(description="Whether the caller may settle the fund's values")
    years: list[FundYearOut]
    source_records: list[SourceRecordOut]
    disagreements: list[DisagreementOut] = Field(
        description="Each field where the sources differ, or a source of the province lacks the fund, that no "
        "officer has settled yet: a settled field is in settlements, and an import contradicting it since in "
        "settlement_conflicts"
    )
    settlement_conflicts: list[SettlementConflictOut]
    settlements: list[SettlementOut] = Field(description="Every decision on the fund's values, newest first")
    link_decisions: list[LinkDecisionOut] = Field(
        description="Who linked each source record to the fund, newest first"
    )

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id

    @staticmethod
    def resolve_area_path_th(obj) -> str:
        return path_th_of(obj.area)

    @staticmethod
    def resolve_area_path_en(obj) -> str:
        return path_en_of(obj.area)

    @staticmethod
    def resolve_record_count(obj) -> int:
        return len(obj.source_records.all())

    @staticmethod
    def resolve_review_count(obj) -> int:
        return sum(record.needs_review for record in obj.source_records.all())

    @staticmethod
    def resolve_can_settle(obj, context) -> bool:
        return can_write_area(context["request"].auth, obj.area_id)

    @staticmethod
    def resolve_years(obj) -> list:
        return list(obj.years.all())

    @staticmethod
    def resolve_source_records(obj) -> list:
        return list(obj.source_records.all())

    @staticmethod
    def resolve_settlements(obj) -> list:
        return list(obj.settlements.all())

    @staticmethod
    def resolve_link_decisions(obj) -> list:
        return list(obj.link_decisions.all())


class SettleIn(StrictIn):
    field: SettleField
    value: SettledValue = Field(
        None,
        max_length=300,
        description="The value to keep (text, or a whole number); empty clears the field",
    )
    from_record: ThaiInt | None = Field(
        None, description="A source record of the fund to take the value from"
    )
    reason: str = Field(max_length=2000, description="Why this value is the right one")


# ---- roll-up


class FundRollupQuery(Schema):
    level: RollupLevel = "district"
    year: ThaiInt | None = Field(
        None, description="A year (BE): each row then carries that year's summed figures"
    )


class RollupFiguresOut(FundYearFigures):
    reporting: int = Field(description="How many funds reported figures for the year")


class RollupChangeOut(Schema):
    members: Decimal | None = None
    savings: Decimal | None = None
    balance: Decimal | None = None


class RollupRowOut(Schema):
    code: str = Field(description="An area code, a region's slug, or empty for the provinces in no region")
    name: str
    funds: int
    members: int
    figures: RollupFiguresOut | None = Field(
        None,
        description="The year's figures summed over the funds that "
        "reported them; null if none did or no year was asked",
    )
    change: RollupChangeOut | None = Field(
        None, description="Per cent change since the year before, over the funds that reported both years"
    )


class RollupOut(Schema):
    level: str
    year: int | None = None
    rows: list[RollupRowOut]
    total_funds: int = Field(
        description="All funds the caller can see: regions overlap, so rows may add up to more"
    )
    total_members: int
    total_figures: RollupFiguresOut | None = None
    total_change: RollupChangeOut | None = None


class OfProvince(Schema):
    """Something kept per province (a source, an audit round)."""

    id: int
    name: str
    province_code: str
    province_name_th: str

    @staticmethod
    def resolve_province_code(obj) -> str:
        return obj.province_id

    @staticmethod
    def resolve_province_name_th(obj) -> str:
        return obj.province.name_th
