"""The dashboard's pickers: the quarter (of a fiscal or calendar year, typed as a BE year and a quarter number,
Thai digits accepted, or given as its first day) and the figure the map is coloured by."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.plans.periods import PeriodKind, YearKind, periods_of
from sanphalang.thai.digits import to_arabic_digits
from sanphalang.thai.forms import ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..figures import FIGURES, WORK_AREA_LABELS, quarter_start

QUARTER_NUMBERS = [(str(n), _("Quarter %(number)s") % {"number": n}) for n in range(1, 5)]
DEFAULT_FIGURE = "meetings_held"


def figure_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The figures grouped by work area, for a <select> with option groups."""
    groups: dict = {}
    for figure in FIGURES.values():
        groups.setdefault(figure.work, []).append((figure.key, figure.label))
    return [(WORK_AREA_LABELS[work], options) for work, options in groups.items()]


class DashboardForm(StyledFormMixin, forms.Form):
    year_kind = forms.ChoiceField(label=_("Kind of year"), required=False, choices=YearKind.choices)
    year = ThaiIntegerField(label=_("Year (BE)"), required=False, min_value=2500, max_value=2700)
    number = forms.TypedChoiceField(
        label=_("Quarter"), required=False, choices=QUARTER_NUMBERS, coerce=int, empty_value=None
    )
    quarter = forms.CharField(required=False, widget=forms.HiddenInput, max_length=20)
    figure = forms.ChoiceField(label=_("Colour the map by"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["figure"].choices = figure_choices()

    def clean_quarter(self) -> dt.date | None:
        text = to_arabic_digits(self.cleaned_data.get("quarter") or "").strip()
        if not text:
            return None
        try:
            return quarter_start(dt.date.fromisoformat(text))
        except ValueError:
            raise forms.ValidationError(
                _("Give the quarter by its first day, such as 2025-10-01."), code="invalid"
            ) from None

    def clean(self):
        data = super().clean()
        year_kind = data.get("year_kind") or YearKind.FISCAL
        data["year_kind"] = year_kind
        data["figure"] = data.get("figure") or DEFAULT_FIGURE
        if data.get("year") and data.get("number"):
            period = periods_of(PeriodKind.QUARTER, year_kind, data["year"])[data["number"] - 1]
            data["quarter"] = period.starts_on
        return data

    def choice(self) -> tuple[dt.date | None, str, str]:
        """(the quarter's first day, None for today's; the year kind; the map's figure). A value that does not
        read falls back to its default: a dashboard always opens."""
        self.is_valid()
        data = self.cleaned_data
        quarter = data.get("quarter") if isinstance(data.get("quarter"), dt.date) else None
        return quarter, data.get("year_kind") or YearKind.FISCAL, data.get("figure") or DEFAULT_FIGURE

    @classmethod
    def showing(cls, *, quarter, year_kind: str, figure: str) -> DashboardForm:
        """The form as the page shows it: the quarter and figure the dashboard is drawn for."""
        form = cls(
            {"year_kind": year_kind, "year": quarter.year_be, "number": quarter.number, "figure": figure}
        )
        form.is_valid()
        return form
