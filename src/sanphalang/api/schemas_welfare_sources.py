"""API shapes of the welfare sources: the sources of a province, reconciling them, and the review queue."""

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from .schemas_welfare import OfProvince, SourceRecordOut, StrictIn
from .thai_fields import ThaiInt


class SourceOut(OfProvince):
    description: str
    column_mapping: dict[str, str]
    imported_at: dt.datetime | None = None
    imported_by: str | None = Field(None, description="The username of who imported it last")
    record_count: int

    @staticmethod
    def resolve_imported_by(obj) -> str | None:
        return obj.imported_by.username if obj.imported_by_id else None


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
