"""Forms of the welfare pages: they read and check input; the services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import StyledFormMixin

from .models import FundStatus
from .selectors import district_choices
from .services import RECORD_FIELDS, SETTLE_FIELDS

FIELD_LABELS = {
    "fund_name": _("Fund name"), "tambon": _("Subdistrict"), "district": _("District"), "province": _("Province"),
    "location": _("Location"), "members": _("Members"), "status": _("Status"), "founded": _("Founded"),
    "fund_code": _("Fund code"),
}


class FundFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses"))] + list(FundStatus.choices))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("All districts"))] + district_choices(user=user)


class SourceUploadForm(StyledFormMixin, forms.Form):
    """A file for a named source, and the column of the file that holds each of our fields (blank: recognise)."""

    source_name = forms.CharField(label=_("Source"), max_length=200)
    province_code = forms.CharField(label=_("Province code"), max_length=2)
    file = forms.FileField(label=_("CSV or Excel file"))

    def __init__(self, *args, mapping: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in RECORD_FIELDS:
            self.fields[f"map_{name}"] = forms.CharField(
                label=_("Column for: %(field)s") % {"field": FIELD_LABELS[name]}, required=False,
                initial=(mapping or {}).get(name, ""))

    def mapping(self) -> dict[str, str]:
        return {name: self.cleaned_data[f"map_{name}"].strip() for name in RECORD_FIELDS
                if self.cleaned_data.get(f"map_{name}", "").strip()}


class SettleForm(StyledFormMixin, forms.Form):
    field = forms.ChoiceField(choices=[(name, FIELD_LABELS[name]) for name in SETTLE_FIELDS],
                              widget=forms.HiddenInput)
    from_record = forms.IntegerField(required=False, label=_("Take the value of"))
    value = forms.CharField(label=_("Or type the value"), required=False, max_length=300)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class MergeForm(StyledFormMixin, forms.Form):
    fund = forms.IntegerField(label=_("Fund number to merge into"))
