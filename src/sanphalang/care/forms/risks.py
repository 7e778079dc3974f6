"""Forms of the watch list and incidents (S6): they read and check input; care/services/risks.py decides and
writes. Field names are the service's arguments."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from sanphalang.thai.forms import BEDateField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin
from sanphalang.welfare.forms.registry import fund_area_field

from ..models import AffectedHousehold, Hazard, Incident, Month, RiskArea


def _label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


def _place_field():
    field = fund_area_field()
    field.label = _label(RiskArea, "area")
    field.help_text = _("Official code of the subdistrict or village, e.g. 570101. Type a name to search.")
    return field


class RiskAreaForm(StyledFormMixin, forms.Form):
    area_code = _place_field()
    hazard = forms.ChoiceField(label=_label(RiskArea, "hazard"), choices=Hazard.choices)
    season_starts = forms.TypedChoiceField(
        label=_label(RiskArea, "season_starts"), choices=Month.choices, coerce=int
    )
    season_ends = forms.TypedChoiceField(
        label=_label(RiskArea, "season_ends"),
        choices=Month.choices,
        coerce=int,
        help_text=_("A season may run over the new year: November to February."),
    )
    households_at_risk = ThaiIntegerField(
        label=_label(RiskArea, "households_at_risk"), required=False, min_value=0
    )
    listed_on = BEDateField(label=_label(RiskArea, "listed_on"))
    is_active = forms.BooleanField(label=_label(RiskArea, "is_active"), required=False, initial=True)
    note = forms.CharField(
        label=_label(RiskArea, "note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, instance: RiskArea | None = None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "area_code": instance.area_id,
                    **{name: getattr(instance, name) for name in self.EDITABLE},
                },
            )
        super().__init__(*args, **kwargs)
        if instance is not None:
            # The area of an entry is what it is: a new place is a new entry.
            del self.fields["area_code"]

    EDITABLE = (
        "hazard",
        "season_starts",
        "season_ends",
        "households_at_risk",
        "listed_on",
        "is_active",
        "note",
    )


class RiskAreaFilterForm(StyledFormMixin, forms.Form):
    hazard = forms.ChoiceField(
        label=_("Hazard"), choices=[("", _("Every hazard")), *Hazard.choices], required=False
    )
    in_season_now = forms.BooleanField(label=_("In season now"), required=False)


class IncidentForm(StyledFormMixin, forms.Form):
    area_code = _place_field()
    hazard = forms.ChoiceField(label=_label(Incident, "hazard"), choices=Hazard.choices)
    occurred_on = BEDateField(label=_label(Incident, "occurred_on"))
    ended_on = BEDateField(label=_label(Incident, "ended_on"), required=False)
    description = forms.CharField(
        label=_label(Incident, "description"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, instance: Incident | None = None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(instance, name)
                    for name in ("hazard", "occurred_on", "ended_on", "description")
                },
            )
        super().__init__(*args, **kwargs)
        if instance is not None:
            del self.fields["area_code"]


class AffectedHouseholdForm(StyledFormMixin, forms.Form):
    """A household of the registry, by its number (shown on the household's page), and what the incident did."""

    household_pk = ThaiIntegerField(
        label=_("Household no."), min_value=1, help_text=_("The number of the household in the registry.")
    )
    damage = forms.CharField(label=_label(AffectedHousehold, "damage"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "affected")
        super().__init__(*args, **kwargs)
