"""Form fields that read Thai input: BE dates in any common form, Thai digits in numbers."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .dates import ThaiDateError, format_be_date, parse_thai_date
from .digits import parse_number
from .national_id import NationalIdError, normalise_national_id


class BEDateInput(forms.TextInput):
    """A text box that shows the date in BE (dd/mm/yyyy) and accepts any form parse_thai_date reads."""

    def __init__(self, attrs=None):
        base = {"placeholder": _("dd/mm/yyyy (BE)"), "inputmode": "text", "autocomplete": "off"}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if hasattr(value, "year"):
            return format_be_date(value, style="numeric")
        return value


class BEDateField(forms.DateField):
    widget = BEDateInput
    default_error_messages = {
        "invalid": _("Enter a date such as 20/7/2558, 20 ก.ค. 2558 or 2015-07-20."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if hasattr(value, "year"):
            return value if not hasattr(value, "date") else value.date()
        try:
            return parse_thai_date(value)
        except ThaiDateError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class ThaiIntegerField(forms.IntegerField):
    """An integer field that also accepts Thai digits and thousands separators ("๕๐", "1,200")."""

    widget = forms.TextInput(attrs={"inputmode": "numeric"})

    def to_python(self, value):
        if isinstance(value, str):
            value = parse_number(value)
        return super().to_python(value)


class ThaiDecimalField(forms.DecimalField):
    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str):
            value = parse_number(value)
            if value:
                try:
                    Decimal(value)
                except InvalidOperation:
                    raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)


NATIONAL_ID_MESSAGES = {
    "length": _("A national ID has 13 digits."),
    "checksum": _("The check digit of this national ID is wrong: please check the number."),
    "format": _("A national ID is 13 digits, such as 1-2345-67890-12-1."),
}


class NationalIdField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return ""
        try:
            return normalise_national_id(value)
        except NationalIdError as exc:
            raise ValidationError(NATIONAL_ID_MESSAGES[exc.reason], code=exc.reason) from None
