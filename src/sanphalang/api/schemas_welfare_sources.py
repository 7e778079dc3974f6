"""API shapes of the welfare sources: the sources a caller sees and the area each covers, reconciling a province,
and the review queue."""

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from sanphalang.welfare.selectors.sources import coverage_key, source_label, source_province_codes

from .schemas_welfare import SourceRecordOut, StrictIn
from .thai_fields import ThaiInt


class SourceOut(Schema):
    id: int
    name: str
    label: str = Field(description="The name with the area it covers, as the pages name the source")
    kind: Literal["program", "matching", "survey", "other"]
    kind_label: str
    area_level: Literal["province", "region", "country"] = Field(
        description="What kind of area the source covers"
    )
    area_code: str = Field(
        description="The province's code, TH for the whole country, region:<slug> for a region"
    )
    area_name_th: str
    province_codes: list[str] = Field(description="The provinces whose rows the source holds")
    description: str
    column_mapping: dict[str, str]
    imported_at: dt.datetime | None = None
    imported_by: str | None = Field(None, description="The username of who imported it last")
    record_count: int

    @staticmethod
    def resolve_imported_by(obj) -> str | None:
        return obj.imported_by.username if obj.imported_by_id else None

    @staticmethod
    def resolve_label(obj) -> str:
        return source_label(obj)

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_area_level(obj) -> str:
        return "region" if obj.region_id else ("country" if obj.is_national else "province")

    @staticmethod
    def resolve_area_code(obj) -> str:
        return coverage_key(obj)

    @staticmethod
    def resolve_area_name_th(obj) -> str:
        return obj.region.name_th if obj.region_id else obj.area.name_th

    @staticmethod
    def resolve_province_codes(obj) -> list[str]:
        return source_province_codes(obj)


class ReconcileIn(StrictIn):
    province_code: str = Field(max_length=10)


class ReconcileOut(Schema):
    records: int
    funds: int = Field(description="Groups of records the linkage formed; two groups may hold the same fund")
    created: int = Field(description="Funds that this run added to the registry")
    review: int = Field(description="Links that wait for an officer's review")
    duplicates: int


class ReviewItemOut(SourceRecordOut):
    fund_id: int | None = None
    fund_name_th: str | None = Field(None, description="The fund the record is linked to")
    fund_area_code: str | None = None

    @staticmethod
    def resolve_fund_name_th(obj) -> str | None:
        return obj.fund.name_th if obj.fund_id else None

    @staticmethod
    def resolve_fund_area_code(obj) -> str | None:
        return obj.fund.area_id if obj.fund_id else None


class ReviewDecisionIn(StrictIn):
    action: Literal["confirm", "merge", "split"] = Field(
        description="confirm the link, merge the record into another fund, or split it into a fund of its own"
    )
    fund: ThaiInt | None = Field(None, description="The fund to merge into (merge only)")
    note: str = Field("", max_length=1000, description="Why, kept with the decision")
