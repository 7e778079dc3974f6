"""Forms of the area pages: search, add a village to a subdistrict, and a region's name and provinces."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sanphalang.thai.digits import to_arabic_digits
from sanphalang.thai.forms import ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from .models import AreaLevel
from .selectors import province_list

SEARCH_LEVELS = [
    ("", _("All levels")),
    (AreaLevel.PROVINCE, AreaLevel.PROVINCE.label),
    (AreaLevel.DISTRICT, AreaLevel.DISTRICT.label),
    (AreaLevel.SUBDISTRICT, AreaLevel.SUBDISTRICT.label),
    (AreaLevel.VILLAGE, AreaLevel.VILLAGE.label),
    (AreaLevel.COMMUNITY, AreaLevel.COMMUNITY.label),
]


class AreaSearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Name or code"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "placeholder": _("e.g. จ.เชียงราย, อ.แม่สาย, Mae Sai, 5701"),
            }
        ),
    )
    level = forms.ChoiceField(label=_("Level"), required=False, choices=SEARCH_LEVELS)


class VillageForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        initial=AreaLevel.VILLAGE,
        choices=[(AreaLevel.VILLAGE, _("Village (moo)")), (AreaLevel.COMMUNITY, _("Urban community"))],
    )
    # The service checks the range and gives the message; the form only reads Thai or Arabic digits.
    moo = ThaiIntegerField(
        label=_("Village no. (moo)"), required=False, help_text=_("Leave empty for an urban community.")
    )
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=150)
    name_en = forms.CharField(label=_("Name (English)"), max_length=150, required=False)


_CODE_SEPARATORS = re.compile(r"[\s,;]+")


class RegionForm(StyledFormMixin, forms.Form):
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    provinces = forms.MultipleChoiceField(
        label=_("Provinces"), required=False, widget=forms.CheckboxSelectMultiple
    )
    province_codes = forms.CharField(
        label=_("Or type province codes"),
        required=False,
        help_text=_("Two-digit codes separated by spaces or commas, e.g. 57 56 50."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provinces"].choices = [(p.code, p.display_name) for p in province_list()]
        # The mixin gives every other widget form-control, which would stretch each checkbox across the page.
        self.fields["provinces"].widget.attrs["class"] = "form-check-input"

    def clean_province_codes(self) -> list[str]:
        # Not parse_number: it drops commas and spaces, which here separate the codes.
        text = to_arabic_digits(self.cleaned_data.get("province_codes") or "")
        return [code for code in _CODE_SEPARATORS.split(text) if code]

    def clean(self):
        cleaned = super().clean()
        # Either way of choosing counts; the service says which codes are not provinces.
        codes = list(dict.fromkeys([*cleaned.get("provinces", []), *cleaned.get("province_codes", [])]))
        if not codes and not self.has_error("provinces"):
            raise ValidationError({"provinces": _("Choose at least one province.")})
        cleaned["codes"] = codes
        return cleaned
