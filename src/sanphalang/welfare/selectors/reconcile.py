"""Reads of reconciling: the review queue of uncertain links and the rows that repeat a fund within their source."""

from django.db.models import QuerySet
from django.http import Http404

from sanphalang.accounts.models import User
from sanphalang.areas.scoping import can_write_area, require_write, scope_for

from ..models import SourceRecord


def _in_province(queryset: QuerySet[SourceRecord], province: str | None) -> QuerySet[SourceRecord]:
    return queryset.filter(fund__area__pk__startswith=province) if province else queryset


def review_queue(*, user: User, province: str | None = None) -> QuerySet[SourceRecord]:
    """Uncertain links of records whose fund lies in the user's areas (and in the province, if one is given)."""
    return (
        _in_province(
            SourceRecord.objects.filter(scope_for(user).subtree_q("fund__area_id"), needs_review=True),
            province,
        )
        .select_related("source__area", "source__region", "fund__area", "area")
        .order_by("source__name", "source__area_id", "source_id", "row")
    )


def in_source_duplicates(*, user: User, province: str | None = None) -> QuerySet[SourceRecord]:
    """Rows that repeat a fund within their own source, for the funds in the user's areas (and the province)."""
    return (
        _in_province(
            SourceRecord.objects.filter(
                scope_for(user).subtree_q("fund__area_id"), duplicate_of__isnull=False
            ),
            province,
        )
        .select_related("source__area", "source__region", "fund", "duplicate_of")
        .order_by("source__name", "source__area_id", "source_id", "row")
    )


def reconcilable_provinces(*, user: User) -> list[str]:
    """The provinces with source rows that the user may reconcile."""
    codes = SourceRecord.objects.exclude(province=None).values_list("province_id", flat=True).distinct()
    return sorted(code for code in codes.order_by() if can_write_area(user, code))


def review_record_area(record: SourceRecord) -> str:
    """The area a decision on a record's link is a write in: its fund's, or its row's province before it has one."""
    return record.fund.area_id if record.fund_id else record.province_id


def review_record_get_for_change(*, user: User, pk: int) -> SourceRecord:
    """A record of the review queue, if the user may decide its link."""
    record = review_record_get(user=user, pk=pk)
    require_write(user, review_record_area(record))
    return record


def review_record_get(*, user: User, pk: int) -> SourceRecord:
    try:
        return review_queue(user=user).get(pk=pk)
    except (SourceRecord.DoesNotExist, ValueError):
        raise Http404 from None
