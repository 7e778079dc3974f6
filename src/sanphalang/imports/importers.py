"""The frame every import file shares: its columns, row problems, and how one row becomes a service call.
Each app describes its own kinds of record in its importers module."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from sanphalang.directory.models import Organisation
from sanphalang.directory.selectors import organisation_list
from sanphalang.thai.dates import ThaiDateError, parse_thai_date
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text, compact

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


class RowProblem(Exception):
    """Cells of a row that cannot be used, each as (column key, message)."""

    def __init__(self, column: str = "", message: str = "", *, problems: list[tuple[str, str]] | None = None):
        self.problems = problems if problems is not None else [(column, str(message))]
        super().__init__("; ".join(message for _column, message in self.problems))


@dataclass(frozen=True)
class Column:
    """One column of an import file: the value's key, its Thai and English headings, and other names it goes by."""

    key: str
    th: str
    en: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    in_template: bool = True

    def heading(self) -> str:
        return self.th

    def names(self) -> tuple[str, ...]:
        return (self.th, self.en, self.key, *self.aliases)


def choice_value(choices, words: dict, text: str) -> str | None:
    """The value of a choice written as its value, its English or Thai label, or a word people use for it."""
    wanted = compact(text)
    for value, label in choices.choices:
        forms = {value, *words.get(value, ())}
        for language in ("en", "th"):
            with translation.override(language):
                forms.add(str(label))
        if wanted in {compact(form) for form in forms}:
            return value
    return None


def error_items(error: ValidationError) -> list[tuple[str, list[str]]]:
    """A service's ValidationError as (field, messages) pairs; an error without fields is NON_FIELD_ERRORS."""
    if hasattr(error, "error_dict"):
        return list(error.message_dict.items())
    return [(NON_FIELD_ERRORS, error.messages)]


def date_value(values: dict, key: str):
    text = values.get(key, "")
    if not text:
        return None
    try:
        return parse_thai_date(text)
    except ThaiDateError:
        raise RowProblem(
            key, _("%(value)s is not a date: write it as 20/7/2558 or 20 ก.ค. 2558.") % {"value": text}
        ) from None


def area_code_value(values: dict, key: str) -> str:
    return parse_number(values.get(key, ""))


def find_organisation(*, by: User, name: str, near_code: str, column: str) -> Organisation:
    """The organisation the user can see with this name (Thai, English or abbreviation), nearest to an area."""
    name = clean_text(name)
    visible = organisation_list(user=by)
    candidates = (
        list(visible.filter(name_th=name))
        or list(visible.filter(name_en__iexact=name))
        or list(visible.filter(abbreviation=name))
    )
    if len(candidates) > 1 and near_code:
        near = [
            org
            for org in candidates
            if near_code.startswith(org.area_id) or org.area_id.startswith(near_code)
        ]
        candidates = near or candidates
    if not candidates:
        raise RowProblem(column, _("No organisation named %(name)s is in your areas.") % {"name": name})
    if len(candidates) > 1:
        raise RowProblem(
            column,
            _("Several organisations are named %(name)s: write the one you mean in full.") % {"name": name},
        )
    return candidates[0]


class Importer:
    """One kind of record. Subclasses give the columns and turn one row's values into service calls."""

    entity = ""
    label = ""
    columns: tuple[Column, ...] = ()
    # The column to blame for an error the service gives without a field, or for an area refused.
    main_column = "name_th"
    area_column = "area_code"
    # Service field names that differ from column keys.
    field_columns: dict[str, str] = {}
    # Agenda and attendance rows all go into one meeting, chosen on upload.
    needs_meeting = False
    # Projects, targets and progress all go into one plan, chosen on upload.
    needs_plan = False

    def for_meeting(self, *, by: User, meeting_id: int | None) -> Importer:
        """The importer that writes into this meeting; one that takes no meeting ignores it."""
        return self

    def for_plan(self, *, by: User, plan_id: int | None) -> Importer:
        """The importer that writes into this plan; one that takes no plan ignores it."""
        return self

    def bound(self, *, by: User, meeting_id: int | None = None, plan_id: int | None = None) -> Importer:
        """The importer for one run, with the meeting or the plan chosen on upload."""
        return self.for_meeting(by=by, meeting_id=meeting_id).for_plan(by=by, plan_id=plan_id)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def main_column_for(self, values: dict) -> str:
        return self.main_column

    def column_for_field(self, field: str, values: dict) -> str:
        if field == NON_FIELD_ERRORS:
            return self.main_column_for(values)
        key = self.field_columns.get(field, field)
        return key if any(c.key == key for c in self.columns) else self.main_column_for(values)

    def missing_columns(self, present: set[str]) -> list[Column]:
        return [c for c in self.columns if c.required and c.key not in present]

    def duplicate_keys(self, values: dict) -> list[tuple[str, tuple]]:
        """Keys (with the column to report on) that must not repeat within one file."""
        return []

    def create(self, *, by: User, values: dict) -> None:
        raise NotImplementedError


IMPORTERS: dict[str, Importer] = {}


def register(importer: Importer) -> None:
    """Add an app's importer; each app's importers are registered when the apps are ready (imports/apps.py)."""
    IMPORTERS[importer.entity] = importer


def importer_for(entity: str) -> Importer:
    try:
        return IMPORTERS[entity]
    except KeyError:
        raise ValueError(f"unknown import entity {entity!r}") from None
