"""Writes of settling: an officer sets a field of the registry where the sources disagree, saying from where and why."""

from django.core.exceptions import ValidationError
from django.db import transaction

from sanphalang.accounts.audit import validated_save
from sanphalang.accounts.models import User
from sanphalang.areas.scoping import require_write

from ..errors import WelfareError
from ..linkage.records import field_value
from ..models import SETTLE_FIELDS, Fund, FundStatus, Settlement, SourceRecord
from .registry import set_fund_keys
from .worklist import worklist_refresh


class AlreadySettled(ValidationError):
    """The same officer settled this field on this value, for this reason, already: nothing more is kept."""


@transaction.atomic
def settle(
    *, by: User, fund: Fund, field: str, value, from_record: SourceRecord | None = None, reason: str
) -> Settlement:
    """Set one field of the registry to the value an officer chose, keeping who decided, from where and why."""
    require_write(by, fund.area_id)
    # The fund's row is locked (PostgreSQL; on SQLite the transaction holds the only write lock) so that the same
    # decision sent twice at once, by a double click, is kept once.
    list(Fund.objects.select_for_update().filter(pk=fund.pk).values_list("pk"))
    if field not in SETTLE_FIELDS:
        raise WelfareError.NOT_SETTLEABLE.error("field")
    if not (reason or "").strip():
        raise WelfareError.SETTLE_NEEDS_REASON.error("reason")
    if from_record is not None:
        if from_record.fund_id != fund.pk:
            raise WelfareError.RECORD_NOT_OF_FUND.error("from_record")
        if value in (None, ""):
            value = from_record.data.get(field, "")
    text = str(value if value is not None else "").strip()
    parsed = field_value(field, {field: text})
    if text and parsed is None and field in ("members", "founded"):
        raise WelfareError.VALUE_UNREADABLE.error("value", value=text)
    if field == "fund_name" and not parsed:
        raise WelfareError.FUND_NEEDS_NAME.error("value")
    last = Settlement.objects.filter(fund=fund, field=field).order_by("-decided_at", "-pk").first()
    if last and (last.value, last.from_record_id, last.reason, last.decided_by_id) == (
        text[:300],
        from_record.pk if from_record else None,
        reason.strip(),
        by.pk,
    ):
        raise AlreadySettled(WelfareError.ALREADY_SETTLED.message(), code=WelfareError.ALREADY_SETTLED.code)
    setattr(
        fund, SETTLE_FIELDS[field], parsed if parsed is not None else ("" if field == "fund_code" else None)
    )
    if field == "status" and parsed is None:
        fund.status = FundStatus.UNKNOWN
    if field == "fund_name":
        set_fund_keys(fund)
    validated_save(fund, by)
    settlement = Settlement.objects.create(
        fund=fund,
        field=field,
        value=text[:300],
        from_record=from_record,
        reason=reason.strip(),
        decided_by=by,
        source_name=from_record.source.name if from_record else "",
        source_row=from_record.row if from_record else None,
    )
    worklist_refresh([fund.pk])
    return settlement
