"""Forms of the source pages: upload a source's file, map its columns; the services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import StyledFormMixin

from ..linkage.records import FIELD_LABELS, RECORD_FIELDS
from ..models import SourceKind


class SourceUploadForm(StyledFormMixin, forms.Form):
    """A file for a named source of an area (a province, a region or Thailand); its columns are mapped next."""

    source_name = forms.CharField(
        label=_("Source"),
        max_length=200,
        widget=forms.TextInput(attrs={"list": "source-names"}),
        help_text=_(
            "Name the list the file comes from, such as “โปรแกรมบริหารกองทุน”. "
            "Importing a source again replaces its rows."
        ),
    )
    area_code = forms.ChoiceField(
        label=_("Area the source covers"),
        help_text=_(
            "A national or regional office's file is given once: each province reconciles its own rows."
        ),
    )
    kind = forms.ChoiceField(
        label=_("Kind of source"),
        choices=[("", _("— tell from the source's name —")), *SourceKind.choices],
        required=False,
        help_text=_("Which list it is decides which of its values a new fund trusts."),
    )
    file = forms.FileField(
        label=_("CSV or Excel file"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args, areas: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area_code"].choices = areas


class SourceMappingForm(StyledFormMixin, forms.Form):
    """Which of the file's columns holds each of our fields; the choices are the file's own headings."""

    skip_bad_rows = forms.BooleanField(
        label=_("Skip the rows with errors and import the others"), required=False
    )

    def __init__(self, *args, headings: list[str], mapping: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in this file —"))] + [(h, h) for h in headings]
        for name in RECORD_FIELDS:
            self.fields[f"map_{name}"] = forms.ChoiceField(
                label=FIELD_LABELS[name],
                required=name == "fund_name",
                choices=choices,
                initial=mapping.get(name, ""),
            )
        self.order_fields([f"map_{name}" for name in RECORD_FIELDS])

    def mapping(self) -> dict[str, str]:
        return {
            name: self.cleaned_data[f"map_{name}"]
            for name in RECORD_FIELDS
            if self.cleaned_data.get(f"map_{name}")
        }

    def mapping_fields(self):
        return [self[f"map_{name}"] for name in RECORD_FIELDS]
