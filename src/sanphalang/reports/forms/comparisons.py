"""The comparison page's pickers: the kind of year and the year (BE, Thai digits accepted)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.plans.periods import YearKind
from sanphalang.thai.forms import ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..selectors.comparisons import YEAR_RANGE


class ComparisonForm(StyledFormMixin, forms.Form):
    year_kind = forms.ChoiceField(label=_("Kind of year"), choices=YearKind.choices, required=False)
    year = ThaiIntegerField(
        label=_("Year (BE)"), required=False, min_value=YEAR_RANGE[0], max_value=YEAR_RANGE[1]
    )
