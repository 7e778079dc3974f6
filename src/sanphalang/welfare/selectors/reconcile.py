"""Reads of reconciling: the review queue of uncertain links and the rows that repeat a fund within their source."""

from django.db.models import QuerySet
from django.http import Http404

from sanphalang.accounts.models import User
from sanphalang.areas.scoping import require_write, scope_for

from ..models import SourceRecord


def review_queue(*, user: User) -> QuerySet[SourceRecord]:
    """Uncertain links of records whose fund lies in the user's areas."""
    return (
        SourceRecord.objects.filter(scope_for(user).subtree_q("fund__area_id"), needs_review=True)
        .select_related("source", "fund__area", "area")
        .order_by("source__name", "row")
    )


def in_source_duplicates(*, user: User) -> QuerySet[SourceRecord]:
    """Rows that repeat a fund within their own source, for the funds in the user's areas."""
    return (
        SourceRecord.objects.filter(scope_for(user).subtree_q("fund__area_id"), duplicate_of__isnull=False)
        .select_related("source", "fund", "duplicate_of")
        .order_by("source__name", "row")
    )


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
