"""The form of a fund's yearly figures: it reads and checks input; welfare/services/figures.py decides and writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.thai.forms import ThaiDecimalField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..models import COUNT_FIELDS, FIGURE_FIELDS, FundYear


def _label(name: str):
    return FundYear._meta.get_field(name).verbose_name


class FundYearForm(StyledFormMixin, forms.Form):
    year_be = ThaiIntegerField(label=_("Year (BE)"))

    def __init__(self, *args, year_be: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if year_be:
            # Correcting a year never moves its figures to another year; a different year is added on its own.
            self.fields["year_be"].disabled = True
            self.fields["year_be"].initial = year_be
        for name in FIGURE_FIELDS:
            if name in COUNT_FIELDS:
                self.fields[name] = ThaiIntegerField(label=_label(name), required=False, min_value=0)
            else:
                self.fields[name] = ThaiDecimalField(
                    label=_label(name), required=False, min_value=0, max_digits=14, decimal_places=2
                )

    def figures(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in FIGURE_FIELDS}

    @classmethod
    def for_year(cls, year: FundYear) -> "FundYearForm":
        return cls(year_be=year.year_be, initial={name: getattr(year, name) for name in FIGURE_FIELDS})
