"""Forms of housing works: registering a household in a programme, its grant and work, a move of its status, and
the list filters. They read and check input; care/services/housing.py decides and writes."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from sanphalang.plans.selectors.projects import project_list
from sanphalang.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..models import HousingProgramme, HousingStatus, HousingWork


def _label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


class _ProjectMixin:
    def _projects(self, user):
        self.fields["project"].queryset = project_list(user=user)


class HousingWorkForm(_ProjectMixin, StyledFormMixin, forms.Form):
    household_pk = ThaiIntegerField(
        label=_("Household no."), min_value=1, help_text=_("The number of the household in the registry.")
    )
    programme = forms.ChoiceField(label=_label(HousingWork, "programme"), choices=HousingProgramme.choices)
    project = forms.ModelChoiceField(label=_label(HousingWork, "project"), required=False, queryset=None)
    grant = ThaiDecimalField(
        label=_label(HousingWork, "grant"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    work = forms.CharField(
        label=_label(HousingWork, "work"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    started_on = BEDateField(label=_label(HousingWork, "started_on"), required=False)

    def __init__(self, *args, user, instance: HousingWork | None = None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {name: getattr(instance, name) for name in ("programme", "grant", "work", "started_on")}
                | {"project": instance.project_id},
            )
        super().__init__(*args, **kwargs)
        self._projects(user)
        if instance is not None:
            del self.fields["household_pk"]


class HousingMoveForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Move to"), choices=HousingStatus.choices)
    on = BEDateField(label=_("On"), required=False, help_text=_("Left empty, today"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "move")
        super().__init__(*args, **kwargs)


class HousingFilterForm(_ProjectMixin, StyledFormMixin, forms.Form):
    project = forms.ModelChoiceField(label=_("Project"), required=False, queryset=None)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Every status")), *HousingStatus.choices], required=False
    )
    programme = forms.ChoiceField(
        label=_("Programme"), choices=[("", _("Every programme")), *HousingProgramme.choices], required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._projects(user)
