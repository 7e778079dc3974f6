"""A record's change history as pages show it: who changed which field, from what to what."""

import datetime

from sanphalang.thai.national_id import format_national_id, mask_national_id
from sanphalang.thai.templatetags.thai import be_date
from sanphalang.versions import BOOKKEEPING_FIELDS

# Bookkeeping columns that change with every save and mean nothing to a reader of the history.
HISTORY_HIDDEN_FIELDS = sorted(BOOKKEEPING_FIELDS)


def history_entries(
    history_qs, *, sensitive_fields: tuple[str, ...] = (), show_sensitive: bool = False
) -> list:
    """Each historical record, newest first, with the fields it changed compared with the one before."""
    records = list(history_qs.select_related("history_user").order_by("history_date", "history_id"))
    model = history_qs.model.instance_type

    def shown(field: str, value):
        if field in sensitive_fields and value:
            return format_national_id(value) if show_sensitive else mask_national_id(value)
        if isinstance(value, datetime.date):
            return be_date(value)
        if isinstance(value, list):
            # Many-to-many changes come as raw link rows; the page says only that the set changed.
            return None
        return value

    entries = []
    previous = None
    for record in records:
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, excluded_fields=HISTORY_HIDDEN_FIELDS)
            for change in delta.changes:
                try:
                    label = model._meta.get_field(change.field).verbose_name
                except Exception:  # noqa: BLE001 - a field since removed from the model still has a name
                    label = change.field
                changes.append(
                    {
                        "label": label,
                        "old": shown(change.field, change.old),
                        "new": shown(change.field, change.new),
                    }
                )
        entries.append({"record": record, "changes": changes})
        previous = record
    entries.reverse()
    return entries
