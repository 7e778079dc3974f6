"""Forms of a household's PDPA rights: the format of its copy, and why its data is erased."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.privacy import ErasureReason

EXPORT_FORMATS = [
    ("xlsx", _("Excel workbook, to read (.xlsx)")),
    ("json", _("JSON, for another system (.json)")),
]


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"), choices=EXPORT_FORMATS, initial="xlsx", widget=forms.RadioSelect
    )


class AnonymiseForm(forms.Form):
    # A choice, not a text: the access log keeps the reason, and a typed one could name the person.
    reason = forms.ChoiceField(
        label=_("Why the data is erased"),
        choices=[
            ("", "—"),
            *[(value, label) for value, label in ErasureReason.choices if value != "retention"],
        ],
    )
    confirm = forms.BooleanField(
        label=_("I understand that the household's personal data cannot be restored"), required=True
    )
