"""Forms of the welfare pages: they read and check input; the services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import StyledFormMixin

from .models import FundStatus
from .records import RECORD_FIELDS
from .selectors import district_choices, source_list
from .services import SETTLE_FIELDS

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

    missing_from = forms.ChoiceField(label=_("Missing from"), required=False,
                                     help_text=_("Funds that this source does not list"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("All districts"))] + district_choices(user=user)
        self.fields["missing_from"].choices = [("", _("Any source"))] + [
            (str(source.pk), source.name) for source in source_list(user=user)]


class SourceUploadForm(StyledFormMixin, forms.Form):
    """A file for a named source of a province; its columns are mapped on the next page."""

    source_name = forms.CharField(label=_("Source"), max_length=200,
                                  widget=forms.TextInput(attrs={"list": "source-names"}),
                                  help_text=_("Name the list the file comes from, such as “โปรแกรมบริหารกองทุน”. "
                                              "Importing a source again replaces its rows."))
    province_code = forms.ChoiceField(label=_("Province"))
    file = forms.FileField(label=_("CSV or Excel file"), widget=forms.ClearableFileInput(attrs={
        "accept": ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}))

    def __init__(self, *args, provinces: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province_code"].choices = provinces


class SourceMappingForm(StyledFormMixin, forms.Form):
    """Which of the file's columns holds each of our fields; the choices are the file's own headings."""

    skip_bad_rows = forms.BooleanField(label=_("Skip the rows with errors and import the others"), required=False)

    def __init__(self, *args, headings: list[str], mapping: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in this file —"))] + [(h, h) for h in headings]
        for name in RECORD_FIELDS:
            self.fields[f"map_{name}"] = forms.ChoiceField(
                label=FIELD_LABELS[name], required=name == "fund_name", choices=choices,
                initial=mapping.get(name, ""))
        self.order_fields([f"map_{name}" for name in RECORD_FIELDS])

    def mapping(self) -> dict[str, str]:
        return {name: self.cleaned_data[f"map_{name}"] for name in RECORD_FIELDS
                if self.cleaned_data.get(f"map_{name}")}

    def mapping_fields(self):
        return [self[f"map_{name}"] for name in RECORD_FIELDS]


class SettleForm(StyledFormMixin, forms.Form):
    field = forms.ChoiceField(choices=[(name, FIELD_LABELS[name]) for name in SETTLE_FIELDS],
                              widget=forms.HiddenInput)
    from_record = forms.IntegerField(required=False, label=_("Take the value of"))
    value = forms.CharField(label=_("Or type the value"), required=False, max_length=300)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class MergeForm(StyledFormMixin, forms.Form):
    fund = forms.IntegerField(label=_("Fund number to merge into"))
