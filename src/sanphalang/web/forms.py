"""Form styling shared by every page: Bootstrap classes and accessible error markup."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from sanphalang.errors import ErrorCode


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


def apply_validation_error(form, error) -> None:
    """Show a service's ValidationError on the form: field errors at their fields, the rest above the form."""
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
    constraint as a form-wide error; we move it to the field the user can fix, found by the error's code."""
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
