"""A record's change history as pages show it: who changed which field, from what to what, in the reader's words.

A value is shown as the record's own page shows it: a choice by its label, yes or no, a linked record by its name
(a person as person_shown_to lets the reader see them), a date in the Buddhist Era; never the stored code or id.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from sanphalang.directory.models import Person
from sanphalang.directory.selectors import OUTSIDE_AREA_NAME, person_shown_to
from sanphalang.thai.national_id import format_national_id, mask_national_id
from sanphalang.thai.templatetags.thai import be_date, be_datetime, digits
from sanphalang.versions import BOOKKEEPING_FIELDS

# Bookkeeping columns that change with every save and mean nothing to a reader of the history.
HISTORY_HIDDEN_FIELDS = sorted(BOOKKEEPING_FIELDS)


def history_entries(
    history_qs, *, sensitive_fields: tuple[str, ...] = (), show_sensitive: bool = False, reader=None
) -> list:
    """Each historical record, newest first, with the fields it changed compared with the one before. reader is
    the user reading, needed only where a change names a person."""
    records = list(history_qs.select_related("history_user").order_by("history_date", "history_id"))
    model = history_qs.model.instance_type
    deltas = []
    previous = None
    for record in records:
        if previous is not None and record.history_type == "~":
            changes = record.diff_against(previous, excluded_fields=HISTORY_HIDDEN_FIELDS).changes
        else:
            changes = []
        deltas.append((record, changes))
        previous = record
    linked = _linked_records(model, [c for _record, changes in deltas for c in changes], reader)

    def shown(name: str, value):
        field = _field(model, name)
        if value is None or value == "":
            return None
        if name in sensitive_fields:
            return format_national_id(value) if show_sensitive else mask_national_id(value)
        if isinstance(value, list):
            # Many-to-many changes come as raw link rows; the page says only that the set changed.
            return None
        if field is None:
            return value
        if field.is_relation:
            return linked.get((name, value), _("a record since removed"))
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.BooleanField):
            return _("yes") if value else _("no")
        if isinstance(value, datetime.datetime):
            return be_datetime(value)
        if isinstance(value, datetime.date):
            return be_date(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return digits(value)
        return value

    entries = []
    for record, changes in deltas:
        shown_changes = []
        for change in changes:
            field = _field(model, change.field)
            shown_changes.append(
                {
                    # A field since removed from the model is named as it was stored.
                    "label": field.verbose_name if field is not None else change.field,
                    "old": shown(change.field, change.old),
                    "new": shown(change.field, change.new),
                }
            )
        entries.append({"record": record, "changes": shown_changes})
    entries.reverse()
    return entries


def _field(model, name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a field since removed from the model
        return None


def _linked_records(model, changes: list, reader) -> dict:
    """{(field, id): how the reader sees the linked record}, one query per kind of record linked."""
    wanted: dict[str, set] = {}
    for change in changes:
        field = _field(model, change.field)
        if field is not None and field.many_to_one:
            wanted.setdefault(change.field, set()).update(
                v for v in (change.old, change.new) if v is not None
            )
    shown = {}
    for name, ids in wanted.items():
        related = _field(model, name).related_model
        for record in related._default_manager.filter(pk__in=ids):
            if isinstance(record, Person):
                # A person is named as everywhere else: the reader's rule, never more of them.
                person = person_shown_to(user=reader, person=record) if reader is not None else None
                shown[(name, record.pk)] = str(person) if person else str(OUTSIDE_AREA_NAME)
            else:
                shown[(name, record.pk)] = str(record)
    return shown
