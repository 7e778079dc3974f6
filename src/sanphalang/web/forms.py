"""Form styling shared by every page: Bootstrap classes and accessible error markup."""

import datetime

from django import forms
from django.contrib import messages as django_messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from sanphalang.errors import ErrorCode, VersionConflict
from sanphalang.thai.templatetags.thai import be_date


class StyledFormMixin:
    """Give widgets Bootstrap classes; mark invalid fields with aria-invalid and point them at their error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, (forms.CheckboxInput,)):
                css = "form-check-input"
            elif isinstance(widget, (forms.Select, forms.SelectMultiple)):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["class"] = widget.attrs.get("class", "") + " is-invalid"
                widget.attrs["aria-describedby"] = f"id_{self.add_prefix(name)}_error"


def show_refusal(request, error: ValidationError) -> None:
    """Show a service's refusal of a one-button action (delete, approve, remove) as error messages on the next page."""
    for message in error.messages:
        django_messages.error(request, message)


def apply_validation_error(form, error) -> None:
    """Show a service's ValidationError on the form: field errors at their fields, the rest above the form; a
    change built on an old version, the difference (show_version_conflict)."""
    if isinstance(error, VersionConflict):
        show_version_conflict(form, error)
        return
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _constraint_fields(model) -> dict[str, str]:
    """The form field each of the model's constraint error codes belongs to: a unique constraint's last field
    (name_th of area + name_th, slug of province + slug), or the field its error code names."""
    targets = {}
    for constraint in model._meta.constraints:
        code = constraint.violation_error_code
        fields = list(getattr(constraint, "fields", ()))
        target = fields[-1] if fields else ErrorCode.field_of(code)
        if code and target:
            targets[code] = target
    return targets


def show_service_error(form, error: ValidationError, model) -> None:
    """Put a service's ValidationError on the form. Django reports a violated multi-column or conditional
    constraint as a form-wide error; we move it to the field the user can fix, found by the error's code. A
    change built on an old version shows the difference (show_version_conflict)."""
    if hasattr(error, "error_dict") and NON_FIELD_ERRORS in error.error_dict:
        targets = _constraint_fields(model)
        moved: dict[str, list] = {}
        for item in error.error_dict[NON_FIELD_ERRORS]:
            moved.setdefault(targets.get(item.code, NON_FIELD_ERRORS), []).append(item)
        rest = {key: value for key, value in error.error_dict.items() if key != NON_FIELD_ERRORS}
        for key, items in moved.items():
            rest.setdefault(key, []).extend(items)
        error = ValidationError(rest)
    apply_validation_error(form, error)


def carry_version(form, record):
    """Give an edit form the version of the record it is built on, in a hidden field sent back with the change:
    the service refuses a change built on a version someone else has saved over (sanphalang/versions.py)."""
    form.fields["version"] = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    form.initial.setdefault("version", record.version)
    return form


def _shown(record, name: str) -> str:
    """A field's value as a reader of the form knows it: a choice's label, a related record's name, a BE date."""
    field = record._meta.get_field(name)
    value = field.value_from_object(record)
    if value in (None, "", [], {}):
        return "—"
    if field.choices:
        return str(getattr(record, f"get_{name}_display")())
    if isinstance(field, models.ForeignKey):
        return str(getattr(record, name))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date):
        return be_date(value)
    return str(value)


def _form_field_of(form, name: str) -> str | None:
    # A related area is typed as its code (area_code); every other field has its model's name.
    return next((candidate for candidate in (name, f"{name}_code") if candidate in form.fields), None)


def show_version_conflict(form, conflict: VersionConflict) -> None:
    """Show a refused change built on an old version: why, and at each of the form's fields that differs the
    user's value and the one saved meanwhile (a field the form lacks is not the user's to see or change). The
    form then carries the version saved meanwhile, so that sending it again keeps the user's values, knowingly."""
    form.add_error(None, conflict.messages[0])
    for name in conflict.changes:
        target = _form_field_of(form, name)
        if target is not None:
            form.add_error(
                target,
                _("Your value: %(yours)s. Saved meanwhile by %(who)s, %(when)s: %(current)s.")
                % {
                    "yours": _shown(conflict.yours, name),
                    "current": _shown(conflict.current, name),
                    "who": conflict.who,
                    "when": conflict.when,
                },
            )
    data = form.data.copy()
    data[form.add_prefix("version")] = str(conflict.current.version)
    form.data = data
