"""Forms of projects and their budget lines: typed input (BE dates, Thai digits) into values for the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.directory.forms import (
    IssueAreaMultipleChoiceField,
    OrganisationChoiceField,
    OrganisationMultipleChoiceField,
)
from sanphalang.directory.selectors import issue_area_list, organisation_list
from sanphalang.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..errors import PlanError
from ..models import BudgetSource, ProjectStatus
from .areas import area_choices, areas_of_plan


def _organisations(user):
    return organisation_list(user=user).prefetch_related(None).select_related("area").order_by("sort_key")


class ProjectForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the project"), max_length=300)
    external_id = forms.CharField(
        label=_("External id"),
        max_length=60,
        required=False,
        help_text=_("The project's code in the spreadsheet or system it comes from; a re-import updates it"),
    )
    main_work = forms.ModelChoiceField(label=_("Main work"), required=False, queryset=None)
    area_code = forms.ChoiceField(
        label=_("Area"),
        help_text=_("The province, district or subdistrict whose coordinators keep the project's records"),
    )
    owner = OrganisationChoiceField(label=_("Owner"), required=False, queryset=None)
    partners = OrganisationMultipleChoiceField(label=_("Partners"), required=False, queryset=None)
    areas = forms.MultipleChoiceField(label=_("Where it works"), required=False)
    issue_areas = IssueAreaMultipleChoiceField(label=_("Issue areas"), required=False, queryset=None)
    starts_on = BEDateField(label=_("Starts on"), required=False)
    ends_on = BEDateField(label=_("Ends on"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=ProjectStatus.choices, initial=ProjectStatus.PLANNED
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, plan, instance=None, **kwargs):
        if instance is not None:
            initial = {
                name: getattr(instance, name)
                for name in ("name", "external_id", "starts_on", "ends_on", "status", "description")
            }
            initial.update(
                main_work=instance.main_work_id,
                area_code=instance.area_id,
                owner=instance.owner_id,
                partners=[org.pk for org in instance.partners.all()],
                areas=[area.code for area in instance.areas.all()],
                issue_areas=[issue.pk for issue in instance.issue_areas.all()],
            )
            kwargs.setdefault("initial", initial)
        elif plan is not None and plan.area_id:
            kwargs.setdefault("initial", {"area_code": plan.area_id})
        super().__init__(*args, **kwargs)
        self.plan = plan
        choices = area_choices(plan) if plan is not None else []
        self.fields["area_code"].choices = choices
        self.fields["areas"].choices = choices
        self.fields["main_work"].queryset = plan.main_works.order_by("number") if plan is not None else None
        self.fields["owner"].queryset = _organisations(user)
        self.fields["partners"].queryset = _organisations(user)
        self.fields["issue_areas"].queryset = issue_area_list(user=user)

    def clean_areas(self):
        codes = self.cleaned_data.get("areas") or []
        return list(areas_of_plan(self.plan).filter(code__in=codes)) if self.plan is not None else []

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", PlanError.PROJECT_ENDS_BEFORE_START.message())
        return cleaned


class BudgetLineForm(StyledFormMixin, forms.Form):
    source = forms.ChoiceField(label=_("Source"), choices=BudgetSource.choices)
    funder = OrganisationChoiceField(
        label=_("Funder"),
        required=False,
        queryset=None,
        help_text=_("The agency or organisation that gives the money, if known"),
    )
    year_be = ThaiIntegerField(label=_("Year (BE)"), required=False, min_value=2500, max_value=2700)
    amount = ThaiDecimalField(label=_("Amount (baht)"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = _organisations(user)

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is not None and amount <= 0:
            raise forms.ValidationError(PlanError.BUDGET_NOT_POSITIVE.message())
        return amount
