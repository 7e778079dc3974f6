"""Pieces the directory pages share: error placement, area labels, change history, the area finder."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import render

from sanphalang.areas.models import AreaLevel
from sanphalang.areas.selectors import area_search
from sanphalang.thai.national_id import format_national_id, mask_national_id
from sanphalang.thai.templatetags.thai import be_date
from sanphalang.web.forms import apply_validation_error
from sanphalang.web.listing import EXPORT_FORMATS

# Bookkeeping columns that change with every save and mean nothing to a reader of the history.
HISTORY_HIDDEN_FIELDS = ["search_key", "sort_key", "updated_at", "created_at"]
AREA_OPTION_LIMIT = 20


def export_format(request) -> str | None:
    fmt = request.GET.get("export")
    return fmt if fmt in EXPORT_FORMATS else None


def show_service_error(form, error: ValidationError, model) -> None:
    """Put a service's ValidationError on the form. Django reports a violated multi-column or conditional
    constraint as a form-wide error; we move it to the field the user can fix: the constraint's last field
    (name_th of area + name_th, slug of province + slug), or the end date of a position."""
    if hasattr(error, "error_dict") and NON_FIELD_ERRORS in error.error_dict:
        field_for_message = {}
        for constraint in model._meta.constraints:
            fields = list(getattr(constraint, "fields", ()))
            target = fields[-1] if fields else None
            if target is None and constraint.name == "position_ends_after_it_starts":
                target = "ended_on"
            if target:
                field_for_message[str(constraint.violation_error_message)] = target
        moved: dict[str, list] = {}
        for item in error.error_dict[NON_FIELD_ERRORS]:
            message = " ".join(item.messages)
            moved.setdefault(field_for_message.get(message, NON_FIELD_ERRORS), []).append(item)
        rest = {key: value for key, value in error.error_dict.items() if key != NON_FIELD_ERRORS}
        for key, items in moved.items():
            rest.setdefault(key, []).extend(items)
        error = ValidationError(rest)
    apply_validation_error(form, error)


def area_label(area) -> str:
    """The area with the district and province above it, from what select_related already loaded."""
    parts = []
    node = area
    for _depth in range(3):
        if node is None or node.level == AreaLevel.COUNTRY:
            break
        parts.append(node.display_name)
        node = node.parent if node.level != AreaLevel.PROVINCE else None
    return ", ".join(parts)


def history_entries(history_qs, *, sensitive_fields: tuple[str, ...] = (), show_sensitive: bool = False) -> list:
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
                changes.append({"label": label, "old": shown(change.field, change.old),
                                "new": shown(change.field, change.new)})
        entries.append({"record": record, "changes": changes})
        previous = record
    entries.reverse()
    return entries


@login_required
def area_options(request):
    """Options for the area-code datalist, fetched by HTMX as the user types a name or code."""
    query = request.GET.get("area_code", "").strip() or request.GET.get("q", "").strip()
    areas = area_search(query=query)[:AREA_OPTION_LIMIT] if query else []
    return render(request, "directory/area_options.html", {"areas": [(a.code, area_label(a)) for a in areas]})
